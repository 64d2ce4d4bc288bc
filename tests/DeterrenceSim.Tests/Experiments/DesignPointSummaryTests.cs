using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Experiments;

public class DesignPointSummaryTests
{
    /// <summary>t(0.975, 2), from tables (Abramowitz &amp; Stegun 1964, table 26.10: 4.303); MathNet's quantile agrees to
    /// about 1e-10, so bounds that use it are compared to 9 decimals.</summary>
    private const double T975With2Df = 4.302652729696143;

    private static readonly string[] Paths = ["states.B.perception.noise", "crises.a.challengerCost"];

    /// <summary>Counts in the order of <see cref="Measure.All"/>: deterred, concession, war, preventive,
    /// challengerMisperception, defenderMisperception, mutualMisperception, rational.</summary>
    private static SweepRow Row(long point, int replication, long trials, params long[] counts) =>
        new(point, replication, 7, point == 0 ? [0.5, 2.0] : [0.25, 1.0], trials, counts, null);

    private static List<SweepRow> Rows() =>
    [
        // Out of order on purpose: the summary sorts by point.
        Row(1, 0, 100, 90, 5, 5, 0, 5, 0, 0, 0),
        Row(0, 0, 100, 50, 32, 18, 0, 10, 5, 3, 0),
        Row(0, 1, 100, 50, 30, 20, 1, 10, 5, 4, 0),
        Row(0, 2, 100, 48, 30, 22, 5, 10, 5, 2, 0),
        new(2, 0, 7, [0.75, 3.0], 0, null, "crises.a.challengerCost: expected [0, 1]"),
        new(2, 1, 7, [0.75, 3.0], 0, null, "crises.a.challengerCost: expected [0, 1]"),
    ];

    [Fact]
    public void Of_ThreeReplications_PoolsCountsWithTheWilsonInterval()
    {
        var point = DesignPointSummary.Of(Rows(), Paths)[0];
        Assert.Equal(0, point.Point);
        Assert.Equal(3, point.Replications);
        Assert.Equal(3, point.ReplicationsRun);
        Assert.Equal(300, point.Trials);
        Assert.True(point.Ran);
        Assert.Null(point.Error);

        // 60 wars in 300 rounds: p = 0.2; Wilson (1927) with z = 1.959963984540054, computed by hand from
        // (p + z²/2n ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n).
        var war = point.Pooled(Measure.War);
        Assert.Equal(60, war.Count);
        Assert.Equal(300, war.Trials);
        Assert.Equal(0.2, war.Estimate!.Value, 15);
        Assert.Equal(0.1586568589669413, war.Lower, 12);
        Assert.Equal(0.24892892376778628, war.Upper, 12);
        Assert.Equal(92, point.Pooled(Measure.Concession).Count);
        Assert.Equal(9, point.Pooled(Measure.Of(WarCause.MutualMisperception)).Count);
        Assert.Equal(0, point.Pooled(Measure.Of(WarCause.Rational)).Count);
        Assert.Equal(0, point.Pooled(Measure.Of(WarCause.Rational)).Lower);
    }

    [Fact]
    public void Of_ThreeReplications_GivesTheTIntervalOfTheReplicationRates()
    {
        var point = DesignPointSummary.Of(Rows(), Paths)[0];

        // War rates 0.18, 0.20, 0.22: mean 0.2, s = 0.02, SE = 0.02/√3, half-width t(0.975, 2) · SE.
        var war = point.MeanOfReplications(Measure.War);
        double se = 0.02 / Math.Sqrt(3);
        Assert.Equal(3, war.Count);
        Assert.Equal(0.2, war.Mean!.Value, 12);
        Assert.Equal(se, war.StandardError!.Value, 12);
        Assert.Equal(0.2 - (T975With2Df * se), war.Lower, 9);
        Assert.Equal(0.2 + (T975With2Df * se), war.Upper, 9);
        Assert.Equal(0.15031724576560906, war.Lower, 9);

        // Preventive rates 0, 0.01, 0.05: mean 0.02, s = √0.0007; the lower bound 0.02 − 4.3027 · 0.01528 < 0 is cut at 0.
        var preventive = point.MeanOfReplications(Measure.Of(WarCause.Preventive));
        double preventiveSe = Math.Sqrt(0.0007) / Math.Sqrt(3);
        Assert.Equal(0.02, preventive.Mean!.Value, 12);
        Assert.Equal(0, preventive.Lower);
        Assert.Equal(0.02 + (T975With2Df * preventiveSe), preventive.Upper, 9);
    }

    [Fact]
    public void Of_OneReplication_GivesItsRateWithTheWholeRange()
    {
        var point = DesignPointSummary.Of(Rows(), Paths)[1];
        Assert.Equal(1, point.Replications);
        var mean = point.MeanOfReplications(Measure.War);
        Assert.Equal(1, mean.Count);
        Assert.Equal(0.05, mean.Mean!.Value, 15);
        Assert.Null(mean.StandardError);
        Assert.Equal(0, mean.Lower);
        Assert.Equal(1, mean.Upper);

        // Its binomial interval is the pooled one: 5 in 100, Wilson by hand.
        var pooled = point.Pooled(Measure.War);
        Assert.Equal(0.02154367915436796, pooled.Lower, 12);
        Assert.Equal(0.11175046923191913, pooled.Upper, 12);
    }

    [Fact]
    public void Of_PointThatCouldNotRun_HasItsErrorAndNoEstimates()
    {
        var point = DesignPointSummary.Of(Rows(), Paths)[2];
        Assert.False(point.Ran);
        Assert.Equal("crises.a.challengerCost: expected [0, 1]", point.Error);
        Assert.Equal(2, point.Replications);
        Assert.Equal(0, point.ReplicationsRun);
        Assert.Equal(0, point.Trials);
        var pooled = point.Pooled(Measure.War);
        Assert.Null(pooled.Estimate);
        Assert.Equal((0.0, 1.0), (pooled.Lower, pooled.Upper));
        var mean = point.MeanOfReplications(Measure.War);
        Assert.Equal(0, mean.Count);
        Assert.Null(mean.Mean);
        Assert.Equal((0.0, 1.0), (mean.Lower, mean.Upper));
        Assert.Contains("cannot run: crises.a.challengerCost", point.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_Values_AreKeyedByPathInDesignOrder()
    {
        var summaries = DesignPointSummary.Of(Rows(), Paths);
        Assert.Equal([0L, 1L, 2L], summaries.Select(s => s.Point));
        var values = summaries[0].Values;
        Assert.Equal(Paths, values.Keys);
        Assert.Equal([0.5, 2.0], values.Values);
        Assert.Equal(2.0, values["crises.a.challengerCost"]);
        Assert.False(values.ContainsKey("nope"));
        var missing = Assert.Throws<KeyNotFoundException>(() => values["nope"]);
        Assert.Contains("states.B.perception.noise", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("point 0 (states.B.perception.noise = 0.5, crises.a.challengerCost = 2), 3 replications: war 0.2000", summaries[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ValuesNotOnePerPath_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => DesignPointSummary.Of(Rows(), ["only.one"]));
        Assert.Contains("2 values for 1 factor paths", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DesignPointSummary.Of(Rows(), ["a", "a"]));
    }

    [Fact]
    public void Summarise_IsTheRowsSummedByPoint()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3"));
        var sweep = new Sweep(SweepTests.Noisy(), design, new SweepOptions { Rounds = 2_000, Replications = 4, Seed = 3, Threads = 2 });
        var rows = sweep.Rows().ToList();
        var summaries = sweep.Summarise();
        Assert.Equal(3, summaries.Count);
        foreach (var summary in summaries)
        {
            var own = rows.Where(r => r.Point == summary.Point).ToList();
            Assert.Equal(own[0].Values[0], summary.Values["crises.crisis-1.challengerCost"]);
            Assert.Equal(4, summary.Replications);
            Assert.All(Measure.All, m => Assert.Equal(Proportion.Wilson(own.Sum(r => r[m].Count), 8_000), summary.Pooled(m)));
            double[] war = [.. own.Select(r => r[Measure.War].Estimate!.Value)];
            Assert.Equal(war.Average(), summary.MeanOfReplications(Measure.War).Mean!.Value, 14);
        }
    }

    [Fact]
    public void Of_RowsReadBackFromAFile_AreTheSweepsSummaries()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3"));
        var sweep = new Sweep(SweepTests.Noisy(), design, new SweepOptions { Rounds = 1_000, Replications = 3, Seed = 5, Threads = 2 });
        string dir = Directory.CreateTempSubdirectory("summary-").FullName;
        try
        {
            string path = Path.Combine(dir, "rows.csv");
            SweepFile.Run(sweep, path);
            var read = DesignPointSummary.Of(SweepRowReader.Read(path, out var paths), paths);
            var direct = sweep.Summarise();
            Assert.Equal(direct.Count, read.Count);
            for (int i = 0; i < direct.Count; i++)
            {
                Assert.Equal(direct[i].Values, read[i].Values);
                Assert.All(Measure.All, m => Assert.Equal(direct[i].Pooled(m), read[i].Pooled(m)));
                Assert.All(Measure.All, m => Assert.Equal(direct[i].MeanOfReplications(m), read[i].MeanOfReplications(m)));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
