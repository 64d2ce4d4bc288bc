namespace DeterrenceSim.Calibration;

/// <summary>
/// The prior distribution π(θ) of one calibrated parameter, as <see cref="AbcSmc"/> uses it: a log density to weight
/// particles and an inverse distribution function to draw the first generation. <see cref="UniformPrior"/> is the one
/// built in; a normal or log-uniform prior derives from this record in the same way (MathNet's
/// <c>Normal.PDFLn</c>/<c>Normal.InvCDF</c>, or the uniform on ln θ).
/// </summary>
/// <remarks>
/// A derived prior must be a proper, continuous distribution: <see cref="DensityLn"/> is ln π(θ) (−∞ outside the
/// support, finite inside) and <see cref="InverseCumulativeDistribution"/> maps every p in (0, 1) into the support. Both
/// must be pure functions: the sampler calls them from several threads.
/// </remarks>
public abstract record Prior
{
    /// <summary>Initializes a new instance of the <see cref="Prior"/> class, for derived priors.</summary>
    protected Prior()
    {
    }

    /// <summary>The natural logarithm of the prior density, ln π(θ).</summary>
    /// <param name="x">The parameter value θ, in the parameter's unit.</param>
    /// <returns>ln π(θ); <see cref="double.NegativeInfinity"/> outside the support.</returns>
    public abstract double DensityLn(double x);

    /// <summary>The inverse of the cumulative distribution function, F⁻¹(p): how the first generation samples the
    /// prior (inversion; Devroye 1986, Non-Uniform Random Variate Generation, section II.2).</summary>
    /// <param name="p">The probability p. Range: 0 &lt; p &lt; 1 (the sampler never passes 0 or 1).</param>
    /// <returns>The value θ with F(θ) = p, in the support.</returns>
    public abstract double InverseCumulativeDistribution(double p);
}
