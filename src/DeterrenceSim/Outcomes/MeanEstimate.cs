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
    /// <param name="minimum">The smallest value the quantity can take; the interval is truncated to it. The default value is -∞.</param>
    /// <param name="maximum">The largest value the quantity can take. The default value is +∞.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static MeanEstimate FromSums(long count, double sum, double sumOfSquares, double minimum = double.NegativeInfinity, double maximum = double.PositiveInfinity)
    {
        if (count > 0 && (minimum > double.NegativeInfinity || maximum < double.PositiveInfinity))
        {
            double m = sum / count;
            return FromMoments(count, m, sumOfSquares - (sum * m), minimum, maximum);
        }

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
        double t = StudentQuantile(count - 1);
        return new MeanEstimate(count, mean, se, mean - (t * se), mean + (t * se));
    }

    /// <summary>
    /// Computes the mean and its t interval from Welford's moments (Welford 1962), the interval truncated to the range
    /// the quantity can take (a share of periods cannot fall below 0).
    /// </summary>
    /// <param name="count">Number of observations.</param>
    /// <param name="mean">Their mean.</param>
    /// <param name="sumOfSquaredDeviations">Σ (x - mean)², from Welford's update.</param>
    /// <param name="minimum">The smallest value the quantity can take. The default value is -∞.</param>
    /// <param name="maximum">The largest value the quantity can take. The default value is +∞.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static MeanEstimate FromMoments(long count, double mean, double sumOfSquaredDeviations, double minimum = double.NegativeInfinity, double maximum = double.PositiveInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return new MeanEstimate(0, null, null, minimum, maximum);
        }

        if (count == 1)
        {
            return new MeanEstimate(1, mean, null, minimum, maximum);
        }

        double se = Math.Sqrt(Math.Max(0, sumOfSquaredDeviations) / (count - 1) / count);
        double t = StudentQuantile(count - 1);
        return new MeanEstimate(count, mean, se, Math.Max(minimum, mean - (t * se)), Math.Min(maximum, mean + (t * se)));
    }

    /// <summary>
    /// t(0.975, df), the same number as <c>StudentT.InvCDF(0, 1, df, 0.975)</c> (a pure function), remembered per degrees
    /// of freedom: the quantile is a root search of a few microseconds, and a result's estimates (a run over periods has
    /// one per commitment and period) nearly all share one count. The cache is direct-mapped; an entry is an immutable
    /// object, so threads read and replace entries without a lock.
    /// </summary>
    private static double StudentQuantile(long df)
    {
        int slot = (int)(df & (QuantileCacheSize - 1));
        if (QuantileCache[slot] is { } known && known.DegreesOfFreedom == df)
        {
            return known.Value;
        }

        double t = StudentT.InvCDF(0, 1, df, 0.975);
        QuantileCache[slot] = new Quantile(df, t);
        return t;
    }

    private const int QuantileCacheSize = 64;

    private static readonly Quantile?[] QuantileCache = new Quantile?[QuantileCacheSize];

    private sealed record Quantile(long DegreesOfFreedom, double Value);

    /// <inheritdoc/>
    public override string ToString() => Mean is double m
        ? string.Create(CultureInfo.InvariantCulture, $"{m:0.0000} [{Lower:0.0000}, {Upper:0.0000}] (n = {Count})")
        : "n/a (no observations)";
}
