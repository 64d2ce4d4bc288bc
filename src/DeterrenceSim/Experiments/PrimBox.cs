namespace DeterrenceSim.Experiments;

/// <summary>A box of <see cref="Prim"/>: closed limits [<see cref="Lower"/>, <see cref="Upper"/>] on every input (an
/// unrestricted input keeps the data's minimum and maximum) and the counts of cases it holds. The rates follow EMA
/// Workbench's definitions (Bryant &amp; Lempert, 2010): coverage, density and mass.</summary>
public sealed class PrimBox
{
    internal PrimBox(double[] lower, double[] upper, int cases, int casesOfInterest, int totalCases, int totalOfInterest, int restrictedInputs)
    {
        Lower = lower;
        Upper = upper;
        Cases = cases;
        CasesOfInterest = casesOfInterest;
        TotalCases = totalCases;
        TotalOfInterest = totalOfInterest;
        RestrictedInputs = restrictedInputs;
    }

    /// <summary>Gets the lower limit of each input, in the inputs' order and units.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Gets the upper limit of each input, in the inputs' order and units.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Gets the cases (rows) in the box, n_box.</summary>
    public int Cases { get; }

    /// <summary>Gets the cases of interest in the box, k_box.</summary>
    public int CasesOfInterest { get; }

    /// <summary>Gets the cases of the whole data set, N.</summary>
    public int TotalCases { get; }

    /// <summary>Gets the cases of interest of the whole data set, K.</summary>
    public int TotalOfInterest { get; }

    /// <summary>Gets the number of inputs whose limits differ from the data's range.</summary>
    public int RestrictedInputs { get; }

    /// <summary>Gets the coverage k_box / K: the share of all cases of interest that lie in the box. Range: 0 to 1.</summary>
    public double Coverage => (double)CasesOfInterest / TotalOfInterest;

    /// <summary>Gets the density k_box / n_box: the share of the box's cases that are of interest (0 for an empty box).
    /// Range: 0 to 1.</summary>
    public double Density => Cases == 0 ? 0 : (double)CasesOfInterest / Cases;

    /// <summary>Gets the mass n_box / N: the share of all cases that lie in the box. Range: 0 to 1.</summary>
    public double Mass => (double)Cases / TotalCases;
}
