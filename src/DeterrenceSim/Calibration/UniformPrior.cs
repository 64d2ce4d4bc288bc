using System.Globalization;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Calibration;

/// <summary>
/// The continuous uniform prior U(a, b) on the closed interval [a, b]: π(θ) = 1 / (b − a) inside, 0 outside (MathNet's
/// <see cref="ContinuousUniform"/>).
/// </summary>
public sealed record UniformPrior : Prior
{
    /// <summary>Initializes a new instance of the <see cref="UniformPrior"/> class.</summary>
    /// <param name="lower">The lower bound a. Range: finite, a &lt; b.</param>
    /// <param name="upper">The upper bound b. Range: finite, b &gt; a, and b − a finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound, or the width b − a, is not finite.</exception>
    /// <exception cref="ArgumentException">The lower bound is not below the upper bound.</exception>
    public UniformPrior(double lower, double upper)
    {
        if (!double.IsFinite(lower))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, "The lower bound of a uniform prior must be finite.");
        }

        if (!double.IsFinite(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The upper bound of a uniform prior must be finite.");
        }

        if (!(lower < upper))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The lower bound ({lower:R}) of a uniform prior must be below its upper bound ({upper:R})."), nameof(lower));
        }

        if (!double.IsFinite(upper - lower))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The width of a uniform prior, upper - lower, must be finite.");
        }

        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets the lower bound a, in the parameter's unit.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound b, in the parameter's unit.</summary>
    public double Upper { get; }

    /// <inheritdoc/>
    public override double DensityLn(double x) => ContinuousUniform.PDFLn(Lower, Upper, x);

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public override double InverseCumulativeDistribution(double p) => ContinuousUniform.InvCDF(Lower, Upper, p);

    /// <summary>The prior as U(a, b), numbers in the invariant culture.</summary>
    /// <returns>For example <c>U(-10, 10)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"U({Lower:R}, {Upper:R})");
}
