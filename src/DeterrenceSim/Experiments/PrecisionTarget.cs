using DeterrenceSim.Outcomes;
namespace DeterrenceSim.Experiments;

/// <summary>
/// Replicate each design point until the 95% interval of one metric, pooled over the point's replications, is at most
/// <see cref="HalfWidth"/> wide on either side of the estimate, or until <see cref="MaxReplications"/> replications. For
/// a rate (an outcome, a war cause, a but-for share or <c>shapley.rational</c>) the interval is the Wilson interval of
/// the summed counts out of the summed trials (every replication plays the same number of rounds, so the pooled count
/// is binomial); for a Shapley share (<see cref="Measure.IsMean"/>) it is the t interval of the per-round mean over all
/// the point's rounds, from the summed exact sums (as <c>run</c> computes it over one replication's rounds).
/// </summary>
/// <param name="Metric">The metric, the name of one of <see cref="Measure.All"/> (such as <c>war</c>) or of
/// <see cref="Measure.Mechanisms"/> (such as <c>butFor.defender.ownCredulity</c> or
/// <c>shapley.defender.ownCredulity</c>).</param>
/// <param name="HalfWidth">The target half-width of the interval, (upper - lower) / 2, in (0, 0.5].</param>
/// <param name="MaxReplications">The cap on replications per point, &gt;= the sweep's minimum replications.</param>
public sealed record PrecisionTarget(string Metric, double HalfWidth, int MaxReplications)
{
    /// <summary>Checks the target.</summary>
    /// <exception cref="ArgumentException">The metric is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The half-width or the cap is out of range.</exception>
    public void Validate()
    {
        Measure.Parse(Metric);
        if (!(HalfWidth > 0 && HalfWidth <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(HalfWidth), HalfWidth, "The target half-width must be in (0, 0.5].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReplications, 1);
    }
}
