using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// The precision target's metric pooled over one point's replications (<see cref="PrecisionTarget"/>): a rate's counts
/// summed out of the summed trials with the 95% Wilson interval, or a Shapley share's integer sums summed, with the 95%
/// t interval of the per-round mean over all the rounds (as <c>run</c> computes it for one replication). Both sums are
/// exact, so the sweep that stops replicating and the checks of its file later agree.
/// </summary>
internal sealed class PooledMetric(Measure metric)
{
    private long _trials;
    private long _count;
    private long _sum;
    private long _squares;

    /// <summary>Adds a replication's row (one that ran).</summary>
    public void Add(SweepRow row)
    {
        _trials += row.Trials;
        if (metric.IsMean)
        {
            _ = row.Mean(metric);
            _sum += row.MechanismSums![metric.MechanismSlot];
            _squares += row.MechanismSums[metric.MechanismSlot + 1];
        }
        else
        {
            _count += row[metric].Count;
        }
    }

    /// <summary>Gets the half-width (upper − lower) / 2 of the pooled 95% interval.</summary>
    public double HalfWidth
    {
        get
        {
            if (metric.IsMean)
            {
                var mean = MechanismLayout.ShapleyMean(_sum, _squares, _trials);
                return (mean.Upper - mean.Lower) / 2;
            }

            var pooled = Proportion.Wilson(_count, _trials);
            return (pooled.Upper - pooled.Lower) / 2;
        }
    }
}
