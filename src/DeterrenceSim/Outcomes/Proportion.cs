using System.Globalization;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// A rate: a count out of a number of trials, with its 95% Wilson score interval (Wilson 1927), bounds within [0, 1].
/// With no trials the estimate is <see langword="null"/> and the interval is [0, 1] (DESIGN.md section 5).
/// </summary>
/// <param name="Count">Number of successes. Range: 0 ≤ count ≤ trials.</param>
/// <param name="Trials">Number of trials (the denominator). Range: ≥ 0.</param>
/// <param name="Estimate">Count / trials, or <see langword="null"/> with no trials.</param>
/// <param name="Lower">Lower bound of the 95% Wilson interval.</param>
/// <param name="Upper">Upper bound of the 95% Wilson interval.</param>
public sealed record Proportion(long Count, long Trials, double? Estimate, double Lower, double Upper)
{
    /// <summary>The standard normal quantile z for a two-sided 95% interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Computes the rate and its 95% Wilson score interval.</summary>
    /// <param name="count">Number of successes.</param>
    /// <param name="trials">Number of trials.</param>
    /// <returns>The rate with its interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is negative, or <paramref name="count"/> is outside [0, trials].</exception>
    public static Proportion Wilson(long count, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, trials);
        if (trials == 0)
        {
            return new Proportion(0, 0, null, 0, 1);
        }

        double n = trials;
        double p = count / n;
        const double z2 = Z95 * Z95;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        double lower = count == 0 ? 0 : Math.Max(0, centre - half);
        double upper = count == trials ? 1 : Math.Min(1, centre + half);
        return new Proportion(count, trials, p, lower, upper);
    }

    /// <summary>Gets the Monte Carlo standard error √(p(1-p)/n) of the estimate, or <see langword="null"/> with no trials.</summary>
    public double? StandardError => Estimate is double p ? Math.Sqrt(p * (1 - p) / Trials) : null;

    /// <inheritdoc/>
    public override string ToString() => Estimate is double p
        ? string.Create(CultureInfo.InvariantCulture, $"{p:0.0000} [{Lower:0.0000}, {Upper:0.0000}] ({Count}/{Trials})")
        : "n/a (no trials)";
}
