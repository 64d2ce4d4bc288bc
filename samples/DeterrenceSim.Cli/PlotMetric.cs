using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Cli;

/// <summary>What <c>plot --z</c> draws from a row: its estimate with the row's own 95% interval, the range the quantity
/// lives in, and how to name them. A measure of a sweep (a rate, or a Shapley share), or a contrast's policy rate
/// (<c>policy.M</c>) or paired difference (<c>M_difference</c>).</summary>
/// <param name="Name">The metric as given to --z.</param>
/// <param name="Least">The smallest value the quantity takes: 0 for a rate, −1 for a share or a difference.</param>
/// <param name="Interval">The name of a row's own interval, for the legend.</param>
/// <param name="Read">The row's estimate and interval.</param>
/// <param name="Kind">How the quantity is named in titles.</param>
internal sealed record PlotMetric(string Name, double Least, string Interval, Func<SweepRow, RowEstimate> Read, PlotMetricKind Kind)
{
    /// <summary>Gets whether the quantity is signed around zero (a difference): drawn with a diverging colour map
    /// centred at 0.</summary>
    public bool IsDifference => Kind == PlotMetricKind.Difference;

    /// <summary>A sweep's measure.</summary>
    public static PlotMetric Of(Measure measure) => measure.IsMean
        ? new(measure.Name, -1, "t interval of the per-round mean", row => row.Mean(measure) is var m ? new RowEstimate(m.Mean!.Value, m.Lower, m.Upper) : default, PlotMetricKind.Share)
        : new(measure.Name, 0, "Wilson interval", row => row[measure] is var r ? new RowEstimate(r.Estimate!.Value, r.Lower, r.Upper) : default, PlotMetricKind.Rate);

    /// <summary>A contrast's column: <c>policy.M</c> or <c>M_difference</c> for an outcome or war cause M, or
    /// <see langword="null"/> when the name is neither.</summary>
    public static PlotMetric? OfContrast(string name)
    {
        const string policy = "policy.", difference = "_difference";
        if (name.StartsWith(policy, StringComparison.Ordinal) && Measure.TryParse(name[policy.Length..], out var rated) && Measure.All.Contains(rated))
        {
            return new(name, 0, "Wilson interval", row => row.Policy(rated) is var r ? new RowEstimate(r.Estimate!.Value, r.Lower, r.Upper) : default, PlotMetricKind.Rate);
        }

        if (name.EndsWith(difference, StringComparison.Ordinal) && Measure.TryParse(name[..^difference.Length], out var differenced) && Measure.All.Contains(differenced))
        {
            return new(name, -1, "paired Newcombe interval", row => row.Difference(differenced) is var d ? new RowEstimate(d.Estimate!.Value, d.Lower, d.Upper) : default, PlotMetricKind.Difference);
        }

        return null;
    }
}

/// <summary>The kinds of quantity <c>plot</c> draws.</summary>
internal enum PlotMetricKind
{
    /// <summary>A rate in [0, 1].</summary>
    Rate,

    /// <summary>A Shapley share of the war rate in [−1, 1].</summary>
    Share,

    /// <summary>A contrast's difference policy − baseline in [−1, 1].</summary>
    Difference,
}
