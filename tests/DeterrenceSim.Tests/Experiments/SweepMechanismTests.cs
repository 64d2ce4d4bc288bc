using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Model;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Tests.Experiments;

/// <summary>The attribution by mechanism in sweep rows (issue 12): each row is the run (or the simulate replication) at
/// its point, the Shapley shares and the rational wars add up to the war rate, and summaries, precision targets and
/// sensitivity take the mechanism measures.</summary>
public class SweepMechanismTests
{
    private const double Scale = 40320;

    [Fact]
    public void EveryRow_ShapleySharesPlusRational_AreTheWarRate()
    {
        var rows = Make("crises.crisis-1.challengerCost=0.05:0.25:3", "states.BBB.perception.credulity=0:1:2").Rows().ToList();
        Assert.Equal(12, rows.Count);
        foreach (var row in rows)
        {
            long wars = row[Measure.War].Count;
            long shapley = MechanismFactors.All.Sum(f => row.MechanismSums![(3 * (int)f) + 1]);
            Assert.Equal(40320 * wars, shapley + (40320 * row[Measure.ShapleyRational].Count));
            double shares = MechanismFactors.All.Sum(f => row.Mean(Measure.Shapley(f)).Mean!.Value) + row[Measure.ShapleyRational].Estimate!.Value;
            Assert.Equal(row[Measure.War].Estimate!.Value, shares, 12);
            Assert.All(MechanismFactors.All, f => Assert.InRange(row[Measure.ButFor(f)].Count, 0, wars));
        }

        Assert.Contains(rows, r => r[Measure.War].Count > 0 && r.Estimate(Measure.Shapley(MechanismFactor.DefenderOwnCredulity)) != 0);
    }

    [Fact]
    public void ARow_IsTheRunAtItsPoint_ForEveryMechanismMeasure()
    {
        var sweep = Make("crises.crisis-1.statusQuo=0.3:0.6:3", "states.BBB.perception.credulity=0:1:2");
        var row = sweep.Rows().Single(r => r.Point == 3 && r.Replication == 1);
        Assert.Equal([0.45, 1.0], row.Values);
        var scenario = Noisy().With("crises.crisis-1.statusQuo", 0.45).With("states.BBB.perception.credulity", 1.0);
        var run = new MonteCarlo(CompiledScenario.Compile(scenario)).Run("crisis-1", new RoundOptions { Rounds = 2_000, Seed = 11, Replication = 1, Threads = 1 });
        foreach (var factor in MechanismFactors.All)
        {
            Assert.Equal(run.Mechanisms[factor].ButFor, row[Measure.ButFor(factor)]);
            Assert.Equal(run.Mechanisms[factor].Shapley, row.Mean(Measure.Shapley(factor)));
        }

        Assert.Equal(run.Mechanisms.Rational, row[Measure.ShapleyRational]);
        Assert.True(run.Mechanisms.Rational.Count + run.Mechanisms[MechanismFactor.DefenderOwnCredulity].ButFor.Count > 0);
    }

    [Fact]
    public void ARowOfASweepOverPeriods_IsThatReplicationOfSimulate()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("states.BBB.perception.credulity=0:1:2"));
        var sweep = new Sweep(Noisy(), design, new SweepOptions { Periods = 30, Replications = 2, Seed = 8, Threads = 1 });
        var row = sweep.Rows().Single(r => r.Point == 1 && r.Replication == 1);
        Assert.Equal(30, row.Trials);
        var simulated = new MonteCarlo(CompiledScenario.Compile(Noisy().With("states.BBB.perception.credulity", 1.0)))
            .Simulate(new RunOptions { Periods = 30, Replications = 1, FirstReplication = 1, Seed = 8, Threads = 1 }).Crises[0];
        foreach (var factor in MechanismFactors.All)
        {
            Assert.Equal(simulated.Mechanisms[factor].ButFor, row[Measure.ButFor(factor)]);
            Assert.Equal(simulated.Mechanisms[factor].Shapley, row.Mean(Measure.Shapley(factor)));
        }

        Assert.Equal(simulated.Mechanisms.Rational, row[Measure.ShapleyRational]);
        long wars = row[Measure.War].Count;
        Assert.True(wars > 0);
        Assert.Equal(40320 * wars, MechanismFactors.All.Sum(f => row.MechanismSums![(3 * (int)f) + 1]) + (40320 * row[Measure.ShapleyRational].Count));
    }

    [Fact]
    public void Summaries_PoolTheSums_AndAverageTheReplications()
    {
        var rows = Make("crises.crisis-1.challengerCost=0.05:0.25:2").Rows().ToList();
        var summary = DesignPointSummary.Of(rows, ["crises.crisis-1.challengerCost"])[0];
        var point = rows.Where(r => r.Point == 0).ToList();
        Assert.True(summary.RecordsMechanisms);
        var shapley = Measure.Shapley(MechanismFactor.ChallengerNoise);

        // Pooled: the summed sums over the summed rounds, with the t interval of the per-round values.
        long n = point.Sum(r => r.Trials), sum = point.Sum(r => r.MechanismSums![19]), squares = point.Sum(r => r.MechanismSums![20]);
        double mean = sum / Scale / n;
        double half = StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(((squares / (Scale * Scale)) - (n * mean * mean)) / (n - 1) / n);
        var pooled = summary.PooledMean(shapley);
        Assert.Equal(mean, pooled.Mean!.Value, 15);
        Assert.Equal(mean - half, pooled.Lower, 12);
        Assert.Equal(mean + half, pooled.Upper, 12);
        var butFor = Measure.ButFor(MechanismFactor.ChallengerNoise);
        Assert.Equal(Proportion.Wilson(point.Sum(r => r.MechanismSums![18]), n), summary.Pooled(butFor));
        Assert.Equal(Proportion.Wilson(point.Sum(r => r.MechanismSums![24]), n), summary.Pooled(Measure.ShapleyRational));

        // Over replications: the mean of the rows' shares.
        Assert.Equal(point.Average(r => r.MechanismSums![19] / Scale / r.Trials), summary.MeanOfReplications(shapley).Mean!.Value, 15);
        Assert.Throws<ArgumentException>(() => summary.Pooled(shapley));
        Assert.Throws<ArgumentException>(() => summary.PooledMean(butFor));

        // The data frame carries them: seven columns a rate, six a share.
        var frame = DesignPointSummary.Of(rows, ["crises.crisis-1.challengerCost"]).ToDataFrame();
        Assert.Equal(pooled.Mean, frame["shapley.challenger.noise"][0]);
        Assert.Equal(summary.Pooled(butFor).Count, frame["butFor.challenger.noise_count"][0]);
        Assert.DoesNotContain(frame.Columns, c => c.Name == "shapley.challenger.noise_count");
        Assert.Equal(5 + (7 * (Measure.All.Count + 9)) + (6 * 8), frame.Columns.Count);

        // Rows of a file written before the mechanism columns summarise without them, and say so when asked.
        var old = DesignPointSummary.Of(rows.Select(r => r with { MechanismSums = null, RecordsMechanisms = false }), ["crises.crisis-1.challengerCost"])[0];
        Assert.False(old.RecordsMechanisms);
        Assert.Equal(summary.Pooled(Measure.War), old.Pooled(Measure.War));
        Assert.Contains("the rows do not record the attribution by mechanism", Assert.Throws<InvalidOperationException>(() => old.PooledMean(shapley)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DesignPointSummary.Of([rows[0], rows[1] with { MechanismSums = null, RecordsMechanisms = false }], ["crises.crisis-1.challengerCost"]));
    }

    [Fact]
    public void APrecisionTargetOnAShapleyShare_ReplicatesUntilItsPooledTIntervalIsNarrowEnough()
    {
        const double HalfWidth = 0.004;
        var target = new PrecisionTarget("shapley.challenger.noise", HalfWidth, 12);
        var sweep = new Sweep(Noisy(), ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3")), new SweepOptions { Rounds = 500, Replications = 2, Seed = 4, Threads = 2, Precision = target });
        var rows = sweep.Rows().ToList();
        foreach (var point in rows.GroupBy(r => r.Point))
        {
            var list = point.ToList();

            // The pooled half-width after k replications, from the rows' own sums.
            double Half(int k)
            {
                var first = list.Take(k).ToList();
                long n = first.Sum(r => r.Trials), sum = first.Sum(r => r.MechanismSums![19]), squares = first.Sum(r => r.MechanismSums![20]);
                double mean = sum / Scale / n;
                double half = StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(Math.Max(0, ((squares / (Scale * Scale)) - (n * mean * mean)) / (n - 1)) / n);
                return (Math.Min(1, mean + half) - Math.Max(-1, mean - half)) / 2;
            }

            Assert.InRange(list.Count, 2, 12);
            Assert.True(list.Count == 12 || Half(list.Count) <= HalfWidth + 1e-12, $"point {point.Key}: {list.Count} replications, half-width {Half(list.Count)}");
            Assert.True(list.Count == 2 || Half(list.Count - 1) > HalfWidth - 1e-12, $"point {point.Key}: stopped late");
        }

        // The target is met between the minimum and the cap somewhere, so the stopping rule is exercised.
        var counts = rows.GroupBy(r => r.Point).Select(g => g.Count()).ToList();
        Assert.True(counts.Any(c => c is > 2 and < 12), "replications per point: " + string.Join(", ", counts));
    }

    [Fact]
    public void Sensitivity_OfAShapleyShareOrAButForRate_IsTheSobolIndicesOfThePointsMeans()
    {
        Factor[] factors = [Factor.Parse("states.BBB.perception.credulity=0:1"), Factor.Parse("crises.crisis-1.challengerCost=0.05:0.3")];
        var options = new SweepOptions { Rounds = 600, Replications = 2, Seed = 6, Threads = 2 };
        foreach (string metric in (string[])["shapley.defender.ownCredulity", "butFor.defender.ownCredulity"])
        {
            var result = SensitivityAnalysis.Run(Noisy(), factors, 8, metric, options, resamples: 50);
            Assert.Equal(metric, result.Metric);

            // The outputs: each point's mean over its replications of the metric, from the sums in its rows.
            var measure = Measure.Parse(metric);
            var outputs = new Sweep(Noisy(), ExperimentDesign.Sobol(8, factors), options).Rows()
                .GroupBy(r => r.Point)
                .Select(g => g.Average(r => measure.IsMean ? r.MechanismSums![(3 * 2) + 1] / Scale / r.Trials : (double)r.MechanismSums![3 * 2] / r.Trials))
                .ToArray();
            var expected = SobolAnalysis.Analyze(outputs, 2, 50, 0.95, 6);
            Assert.Equal(expected.FirstOrder.Select(i => i.Estimate), result.Indices.FirstOrder.Select(i => i.Estimate));
            Assert.Equal(expected.TotalOrder.Select(i => i.Estimate), result.Indices.TotalOrder.Select(i => i.Estimate));
        }
    }

    private static Scenario Noisy() => SweepTests.Noisy();

    private static Sweep Make(params string[] factors) => new(
        Noisy(),
        ExperimentDesign.Grid([.. factors.Select(Factor.Parse)]),
        new SweepOptions { Rounds = 2_000, Replications = 2, Seed = 11, Threads = 2 });
}
