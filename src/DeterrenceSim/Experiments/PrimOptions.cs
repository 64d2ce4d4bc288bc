namespace DeterrenceSim.Experiments;

/// <summary>Options of <see cref="Prim.Run"/>: the peeling and pasting fractions, the minimum mass, and which step of
/// the peeling trajectory is pasted and reported. Defaults are those of EMA Workbench's <c>Prim</c> (Kwakkel, 2017).</summary>
public sealed record PrimOptions
{
    /// <summary>Gets the peeling fraction α: each peel removes the α-quantile of the box's points at one end of one
    /// input. Range: 0 &lt; α &lt; 0.5. The default value is 0.05.</summary>
    public double PeelAlpha { get; init; } = 0.05;

    /// <summary>Gets the pasting fraction α: each paste moves a limit out to the α-quantile (counted from the box) of the
    /// points in the strip between the limit and the data's range. Range: 0 &lt; α &lt; 0.5. The default value is 0.05.</summary>
    public double PasteAlpha { get; init; } = 0.05;

    /// <summary>Gets the minimum mass (share of all cases) of a box; peeling stops before a box would fall below it.
    /// Range: 0 &lt; mass ≤ 1. The default value is 0.05.</summary>
    public double MinimumMass { get; init; } = 0.05;

    /// <summary>Gets the index of the peeling-trajectory step to paste (0 is the box of all the data), or
    /// <see langword="null"/> (the default) to let <see cref="MinimumDensity"/> choose, or else the last step. An index
    /// past the trajectory's end is an error of <see cref="Prim.Run"/>. Range: ≥ 0.</summary>
    public int? Step { get; init; }

    /// <summary>Gets a density threshold that chooses the step: the first step (the one of highest coverage) whose density
    /// is at least this, moved on to the densest of the steps right after it that keep its coverage (they only drop cases
    /// not of interest); when no step reaches it, the step of highest density (the earliest of equals).
    /// <see langword="null"/> (the default) for the last step. Cannot be combined with <see cref="Step"/>.
    /// Range: 0 &lt; density ≤ 1.</summary>
    public double? MinimumDensity { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it.</exception>
    /// <exception cref="ArgumentException">Both <see cref="Step"/> and <see cref="MinimumDensity"/> are set.</exception>
    public void Validate()
    {
        if (!(PeelAlpha > 0 && PeelAlpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(PeelAlpha), PeelAlpha, "PeelAlpha must be greater than 0 and less than 0.5.");
        }

        if (!(PasteAlpha > 0 && PasteAlpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(PasteAlpha), PasteAlpha, "PasteAlpha must be greater than 0 and less than 0.5.");
        }

        if (!(MinimumMass > 0 && MinimumMass <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumMass), MinimumMass, "MinimumMass must be greater than 0 and at most 1.");
        }

        if (Step is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Step), Step, "Step must be 0 or more.");
        }

        if (MinimumDensity is { } density && !(density > 0 && density <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDensity), density, "MinimumDensity must be greater than 0 and at most 1.");
        }

        if (Step is not null && MinimumDensity is not null)
        {
            throw new ArgumentException("Set Step or MinimumDensity, not both.", nameof(MinimumDensity));
        }
    }
}
