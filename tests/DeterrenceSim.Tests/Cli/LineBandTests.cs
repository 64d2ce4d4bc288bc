using DeterrenceSim.Cli;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Cli;

/// <summary>The band of a line plot against analytic values: Student-t quantiles in closed form (ν = 1, 2) or from
/// tables, and hand-computed means and standard deviations.</summary>
public sealed class LineBandTests
{
    /// <summary>t(0.975, 1) = tan(π (0.975 − 1/2)): the Cauchy quantile.</summary>
    private static readonly double T1 = Math.Tan(Math.PI * 0.475);

    /// <summary>t(0.975, 2) = (2p − 1) / √(2p(1 − p)), p = 0.975.</summary>
    private static readonly double T2 = 0.95 / Math.Sqrt(2 * 0.975 * 0.025);

    private static readonly Measure War = Measure.War;

    [Fact]
    public void Of_OnePointThreeReplications_IsTheTIntervalOfTheirMean()
    {
        // Rates 0.20, 0.25, 0.30: mean 0.25, s = 0.05, half-width t(0.975, 2) · 0.05/√3 = 0.1242...
        var point = LineBand.Of(0.5, [Row(0, 0, 20), Row(0, 1, 25), Row(0, 2, 30)], War);
        double half = T2 * 0.05 / Math.Sqrt(3);
        Assert.Equal(0.25, point.Mean, 15);
        Assert.Equal(0.25 - half, point.Lower, 14);
        Assert.Equal(0.25 + half, point.Upper, 14);
        Assert.Equal((3, 1, 0.25, 0.25), (point.Replications, point.Points, point.SpreadLower, point.SpreadUpper));
    }

    [Fact]
    public void Of_TwoPointsAveraged_BandIsTheMonteCarloErrorOfTheAverageAndTheSpreadIsApart()
    {
        // Point 0: 0.10, 0.12, 0.14 (mean 0.12); point 1: 0.30, 0.33, 0.36 (mean 0.33). The averages of each replication
        // over the two points are 0.20, 0.225, 0.25: mean 0.225, s = 0.025. The points' spread (0.12 to 0.33) is
        // reported apart, not mixed into the band (a t interval over all six rates would be about 4 times as wide).
        SweepRow[] rows = [Row(0, 0, 10), Row(0, 1, 12), Row(0, 2, 14), Row(1, 0, 30), Row(1, 1, 33), Row(1, 2, 36)];
        var point = LineBand.Of(0.5, rows, War);
        double half = T2 * 0.025 / Math.Sqrt(3);
        Assert.Equal(0.225, point.Mean, 15);
        Assert.Equal(0.225 - half, point.Lower, 14);
        Assert.Equal(0.225 + half, point.Upper, 14);
        Assert.Equal((3, 2), (point.Replications, point.Points));
        Assert.Equal(0.12, point.SpreadLower, 15);
        Assert.Equal(0.33, point.SpreadUpper, 15);
    }

    [Fact]
    public void Of_IntervalBelowZero_IsTruncatedAtZero()
    {
        // Rates 0.01, 0.03: mean 0.02, s = √2 · 0.01, half-width t(0.975, 1) · 0.01 = 0.127.
        var point = LineBand.Of(0, [Row(0, 0, 1), Row(0, 1, 3)], War);
        Assert.Equal(0, point.Lower);
        Assert.Equal(0.02 + (T1 * 0.01), point.Upper, 12);
    }

    [Fact]
    public void Of_OneReplication_IsTheWilsonIntervalOrTheMeanOfThePointsWilsonBounds()
    {
        // Wilson (1927) for 10 of 100 and 30 of 100, from its closed form.
        (double Lower, double Upper) Wilson(double k, double n)
        {
            const double z = Proportion.Z95;
            double p = k / n, centre = (p + (z * z / (2 * n))) / (1 + (z * z / n));
            double half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / (1 + (z * z / n));
            return (centre - half, centre + half);
        }

        var (lower10, upper10) = Wilson(10, 100);
        var (lower30, upper30) = Wilson(30, 100);
        var single = LineBand.Of(0, [Row(0, 0, 10)], War);
        Assert.Equal((0.1, 1), (single.Mean, single.Replications));
        Assert.Equal(lower10, single.Lower, 14);
        Assert.Equal(upper10, single.Upper, 14);
        var two = LineBand.Of(0, [Row(0, 0, 10), Row(1, 0, 30)], War);
        Assert.Equal(0.2, two.Mean, 15);
        Assert.Equal((lower10 + lower30) / 2, two.Lower, 14);
        Assert.Equal((upper10 + upper30) / 2, two.Upper, 14);
    }

    [Fact]
    public void HalfWidth_FiveValues_IsTheTableQuantileTimesTheStandardError()
    {
        // 0.10 to 0.18 by 0.02: s² = 0.004 / 4, t(0.975, 4) = 2.7764451051977987 (tables).
        double half = LineBand.HalfWidth([0.10, 0.12, 0.14, 0.16, 0.18]);
        Assert.Equal(2.7764451051977987 * Math.Sqrt(0.001 / 5), half, 12);
    }

    /// <summary>A row of 100 rounds with <paramref name="wars"/> wars, all rational, and the rest deterred.</summary>
    private static SweepRow Row(long point, int replication, long wars)
    {
        var counts = new long[Measure.All.Count];
        counts[Array.IndexOf([.. Measure.All], Measure.Deterred)] = 100 - wars;
        counts[Array.IndexOf([.. Measure.All], War)] = wars;
        counts[Array.IndexOf([.. Measure.All], Measure.Of(WarCause.Rational))] = wars;
        return new SweepRow(point, replication, 0, [0.5], 100, counts, null);
    }
}
