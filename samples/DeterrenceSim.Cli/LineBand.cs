using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Cli;

/// <summary>
/// The band of a line plot at one x, keeping Monte Carlo error apart from the spread of the design points averaged there.
/// </summary>
/// <remarks>
/// <para>With one design point at x, the band is the 95% t interval of the mean of its replications' rates:
/// mean ± t(0.975, n−1) · s/√n (Student 1908), s the standard deviation of the n rates.</para>
/// <para>With several points at x (other parameters averaged over, or a bin of a scattered design), the line is the
/// mean of the points' means and the band is the t interval of that average's Monte Carlo error, computed over the
/// replications of the per-replication averages over the points: replication r of every point shares its random draws
/// (common random numbers), so the averages over points of replication r are n independent draws of the average.
/// The points' own spread (what the averaged parameters change) is not in this band; it is reported apart, as the
/// smallest and largest of the points' means. With unequal replications (a precision target), the interval's width
/// comes from the replications every point has.</para>
/// <para>With a single replication there is no spread to estimate Monte Carlo error from: the band is the row's 95%
/// Wilson interval, or with several points the mean of their Wilson bounds (exact if the points' errors were perfectly
/// correlated, wider than needed otherwise). For a Shapley share (a mean in [−1, 1], <see cref="Measure.IsMean"/>) the
/// row's interval is the t interval of its per-round mean, and bands are cut to [−1, 1].</para>
/// </remarks>
internal static class LineBand
{
    /// <summary>The band at one x.</summary>
    /// <param name="x">The x value.</param>
    /// <param name="rows">The rows at x, all with rates.</param>
    /// <param name="metric">The measure.</param>
    /// <returns>The point of the line.</returns>
    /// <exception cref="ArgumentException">There are no rows, or one has no rates.</exception>
    public static LinePoint Of(double x, IEnumerable<SweepRow> rows, Measure metric) => Of(x, rows, PlotMetric.Of(metric));

    /// <summary>The line's point at x for any plotted quantity (a contrast's difference too).</summary>
    public static LinePoint Of(double x, IEnumerable<SweepRow> rows, PlotMetric metric)
    {
        var points = rows.GroupBy(r => r.Point)
            .Select(g => g.ToDictionary(r => r.Replication, r => r.Ran ? metric.Read(r) : throw new ArgumentException($"point {g.Key} has a row without rates.", nameof(rows))))
            .ToList();
        double least = metric.Least;
        if (points.Count == 0)
        {
            throw new ArgumentException("expected rows at x.", nameof(rows));
        }

        var means = points.Select(p => p.Values.Average(rate => rate.Value)).ToList();
        double mean = means.Average();
        var common = points.Skip(1).Aggregate(new HashSet<int>(points[0].Keys), (set, p) =>
        {
            set.IntersectWith(p.Keys);
            return set;
        }).Order().ToList();
        double lower, upper;
        if (common.Count >= 2)
        {
            double[] averages = [.. common.Select(r => points.Average(p => p[r].Value))];
            double half = HalfWidth(averages);
            lower = Math.Max(least, mean - half);
            upper = Math.Min(1, mean + half);
        }
        else
        {
            // One replication (or none shared): the points' Wilson intervals, averaged.
            var wilson = common.Count == 1 ? points.Select(p => p[common[0]]) : points.SelectMany(p => p.Values);
            lower = wilson.Average(rate => rate.Lower);
            upper = wilson.Average(rate => rate.Upper);
        }

        return new LinePoint(x, mean, lower, upper, common.Count, points.Count, means.Min(), means.Max());
    }


    public static double HalfWidth(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            throw new ArgumentException($"expected at least two values, found {values.Count}.", nameof(values));
        }

        double sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
        return StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * sd / Math.Sqrt(values.Count);
    }
}

/// <summary>One row's estimate of a metric and its own 95% interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
internal readonly record struct RowEstimate(double Value, double Lower, double Upper);
