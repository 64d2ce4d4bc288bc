using System.Globalization;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// The difference between a policy's rate and a baseline's, p_policy − p_baseline in [−1, 1], when both were observed
/// on the same trials (paired: the same rounds under common random numbers), with its 95% interval by Newcombe's
/// hybrid score method for paired proportions (Newcombe 1998, "Improved confidence intervals for the difference
/// between binomial proportions based on paired data", Statistics in Medicine 17(22):2635–2650, method 10): the two
/// Wilson intervals combined with the correlation φ of the pairs. Pairing is what makes the interval narrow: the
/// trials where the two agree carry no uncertainty about the difference, which depends on the discordant trials only.
/// </summary>
/// <param name="Trials">The paired trials n (rounds, or periods). Range: ≥ 0.</param>
/// <param name="PolicyOnly">The trials where the policy has the outcome and the baseline not. Range: [0, n].</param>
/// <param name="BaselineOnly">The trials where the baseline has the outcome and the policy not. Range: [0, n].</param>
/// <param name="Estimate">(PolicyOnly − BaselineOnly) / n, or <see langword="null"/> with no trials.</param>
/// <param name="Lower">The lower bound of the 95% interval, in [−1, 1].</param>
/// <param name="Upper">The upper bound of the 95% interval, in [−1, 1].</param>
public sealed record PairedDifference(long Trials, long PolicyOnly, long BaselineOnly, double? Estimate, double Lower, double Upper)
{
    /// <summary>Computes the paired difference and its 95% interval (Newcombe 1998, method 10, with his continuity
    /// correction of φ: ad − bc is reduced by n/2 when it exceeds n/2, set to 0 when within [0, n/2], kept when
    /// negative).</summary>
    /// <param name="trials">The paired trials n.</param>
    /// <param name="policyCount">The trials where the policy has the outcome.</param>
    /// <param name="baselineCount">The trials where the baseline has the outcome.</param>
    /// <param name="policyOnly">The trials where the policy has it and the baseline not.</param>
    /// <param name="baselineOnly">The trials where the baseline has it and the policy not.</param>
    /// <returns>The difference with its interval; with no trials the estimate is <see langword="null"/> and the interval
    /// [−1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or above the trials, or the four counts are not
    /// those of one 2×2 table: policyCount − policyOnly (both have it) must equal baselineCount − baselineOnly, be at
    /// least 0, and the four cells must add up to the trials.</exception>
    public static PairedDifference Newcombe(long trials, long policyCount, long baselineCount, long policyOnly, long baselineOnly)
    {
        long both = Check(trials, policyCount, baselineCount, policyOnly, baselineOnly);
        if (trials == 0)
        {
            return new PairedDifference(0, 0, 0, null, -1, 1);
        }

        // The 2×2 table: a = both, b = policy only, c = baseline only, d = neither.
        double a = both, b = policyOnly, c = baselineOnly, d = trials - both - policyOnly - baselineOnly;
        double n = trials;
        double ad_bc = (a * d) - (b * c);
        double corrected = ad_bc > n / 2 ? ad_bc - (n / 2) : ad_bc < 0 ? ad_bc : 0;
        double product = (a + b) * (c + d) * (a + c) * (b + d);
        double phi = product > 0 ? corrected / Math.Sqrt(product) : 0;
        return Combine(trials, policyCount, baselineCount, policyOnly, baselineOnly, (policyOnly - baselineOnly) / n, phi);
    }

    /// <summary>The interval the same rates would have if they came from independent trials (Newcombe 1998, "Interval
    /// estimation for the difference between independent proportions", Statistics in Medicine 17(8):873–890, method 10:
    /// the hybrid score interval, φ = 0); what ignoring the pairing would report, for comparison.</summary>
    /// <param name="trials">The trials of each rate.</param>
    /// <param name="policyCount">The policy's count.</param>
    /// <param name="baselineCount">The baseline's count.</param>
    /// <returns>The difference with its interval; <see cref="PolicyOnly"/> and <see cref="BaselineOnly"/> are 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or above the trials.</exception>
    public static PairedDifference Independent(long trials, long policyCount, long baselineCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(policyCount);
        ArgumentOutOfRangeException.ThrowIfNegative(baselineCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(policyCount, trials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baselineCount, trials);
        if (trials == 0)
        {
            return new PairedDifference(0, 0, 0, null, -1, 1);
        }

        return Combine(trials, policyCount, baselineCount, 0, 0, (policyCount - baselineCount) / (double)trials, 0);
    }

    /// <summary>The hybrid score interval from the two Wilson intervals and the correlation φ.</summary>
    private static PairedDifference Combine(long trials, long policyCount, long baselineCount, long policyOnly, long baselineOnly, double estimate, double phi)
    {
        var policy = Proportion.Wilson(policyCount, trials);
        var baseline = Proportion.Wilson(baselineCount, trials);
        double p1 = policy.Estimate!.Value, p2 = baseline.Estimate!.Value;
        double below1 = p1 - policy.Lower, above1 = policy.Upper - p1;
        double below2 = p2 - baseline.Lower, above2 = baseline.Upper - p2;
        double lower = estimate - Math.Sqrt(Math.Max(0, (below1 * below1) - (2 * phi * below1 * above2) + (above2 * above2)));
        double upper = estimate + Math.Sqrt(Math.Max(0, (above1 * above1) - (2 * phi * above1 * below2) + (below2 * below2)));
        return new PairedDifference(trials, policyOnly, baselineOnly, estimate, Math.Max(-1, lower), Math.Min(1, upper));
    }

    /// <summary>Checks the counts of a paired table and returns the trials where both have the outcome.</summary>
    private static long Check(long trials, long policyCount, long baselineCount, long policyOnly, long baselineOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        foreach (var (count, name) in new[] { (policyCount, nameof(policyCount)), (baselineCount, nameof(baselineCount)), (policyOnly, nameof(policyOnly)), (baselineOnly, nameof(baselineOnly)) })
        {
            if (count < 0 || count > trials)
            {
                throw new ArgumentOutOfRangeException(name, count, string.Create(CultureInfo.InvariantCulture, $"expected a count within [0, {trials}], the trials."));
            }
        }

        long both = policyCount - policyOnly;
        if (both < 0 || both != baselineCount - baselineOnly || both + policyOnly + baselineOnly > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(policyOnly),
                policyOnly,
                string.Create(CultureInfo.InvariantCulture, $"not a paired table: the policy's {policyCount} minus its {policyOnly} alone and the baseline's {baselineCount} minus its {baselineOnly} alone must be the same trials with both (at least 0), and the cells must add up to at most {trials}."));
        }

        return both;
    }

    /// <inheritdoc/>
    public override string ToString() => Estimate is double d
        ? string.Create(CultureInfo.InvariantCulture, $"{d:+0.0000;-0.0000;0.0000} [{Lower:+0.0000;-0.0000;0.0000}, {Upper:+0.0000;-0.0000;0.0000}] ({PolicyOnly} policy only, {BaselineOnly} baseline only, of {Trials})")
        : "n/a (no trials)";
}
