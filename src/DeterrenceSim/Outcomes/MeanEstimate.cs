using System.Globalization;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// A sample mean with its 95% interval mean ± t(0.975, n-1) · SE (DESIGN.md section 5). With fewer than two
/// observations the standard error is undefined: the mean is <see langword="null"/> with none, and the interval is
/// then (-∞, ∞) for one observation.
/// </summary>
/// <param name="Count">Number of observations n.</param>
/// <param name="Mean">The sample mean, or <see langword="null"/> with no observations.</param>
/// <param name="StandardError">The standard error s/√n, or <see langword="null"/> with fewer than two observations.</param>
/// <param name="Lower">Lower bound of the 95% interval.</param>
/// <param name="Upper">Upper bound of the 95% interval.</param>
public sealed record MeanEstimate(long Count, double? Mean, double? StandardError, double Lower, double Upper)
{
    /// <summary>Computes the mean and its t interval from a sum and a sum of squares.</summary>
    /// <param name="count">Number of observations.</param>
    /// <param name="sum">Sum of the observations.</param>
    /// <param name="sumOfSquares">Sum of the squared observations.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static MeanEstimate FromSums(long count, double sum, double sumOfSquares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return new MeanEstimate(0, null, null, double.NegativeInfinity, double.PositiveInfinity);
        }

        double mean = sum / count;
        if (count == 1)
        {
            return new MeanEstimate(1, mean, null, double.NegativeInfinity, double.PositiveInfinity);
        }

        double variance = Math.Max(0, (sumOfSquares - (sum * mean)) / (count - 1));
        double se = Math.Sqrt(variance / count);
        double t = StudentT.InvCDF(0, 1, count - 1, 0.975);
        return new MeanEstimate(count, mean, se, mean - (t * se), mean + (t * se));
    }

    /// <inheritdoc/>
    public override string ToString() => Mean is double m
        ? string.Create(CultureInfo.InvariantCulture, $"{m:0.0000} [{Lower:0.0000}, {Upper:0.0000}] (n = {Count})")
        : "n/a (no observations)";
}
