using System.Globalization;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using DeterrenceSim.Tests.Scenarios;

namespace DeterrenceSim.Tests.Experiments;

public class SweepTests
{
    private static Sweep Make(ExperimentDesign design, int replications = 3, long rounds = 2_000, int threads = 2, ulong seed = 11, PrecisionTarget? precision = null) =>
        new(Noisy(), design, new SweepOptions { Rounds = rounds, Replications = replications, Seed = seed, Threads = threads, Precision = precision });

    /// <summary>The minimal scenario with noisy perceptions, so that every outcome has an interior rate.</summary>
    internal static Scenario Noisy() => ParameterPaths.Set(MinimalScenario.Parse(), "states.*.perception.noise", 0.8);

    [Fact]
    public void ReplicatesDifferAndReproduce()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3"));
        var first = Make(design).Rows().ToList();
        var again = Make(design).Rows().ToList();
        Assert.Equal(first, again);
        Assert.Equal(9, first.Count);
        foreach (var point in first.GroupBy(r => r.Point))
        {
            var wars = point.Select(r => r.Estimate("war")).ToList();
            Assert.Equal(wars.Count, wars.Distinct().Count());
        }

        Assert.NotEqual(first.Select(r => r.Counts), Make(design, seed: 12).Rows().Select(r => r.Counts));
        Assert.StartsWith("point 1, replication 2, values (0.15): deterred ", first[5].ToString(), StringComparison.Ordinal);
        Assert.Contains("war " + first[5].Estimate("war")!.Value.ToString("F4", CultureInfo.InvariantCulture), first[5].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPointSeesTheSameDrawsForTheSameReplication()
    {
        // The supporter's own perception plays no part in this crisis, so with common random numbers every point of
        // the design gives exactly the same rates replication by replication.
        var design = ExperimentDesign.Grid(Factor.Parse("states.CCC.perception.credulity=0:1:3"));
        var rows = Make(design).Rows().ToList();
        foreach (var replication in rows.GroupBy(r => r.Replication))
        {
            var rates = replication.Select(r => r.Counts!).ToList();
            Assert.All(rates, r => Assert.Equal(rates[0], r));
        }

        Assert.NotEqual(rows[0].Counts, rows[1].Counts);
    }

    [Fact]
    public void RowsAreTheSameForOneAndTwoThreads()
    {
        var design = ExperimentDesign.LatinHypercube(9, 5, Factor.Parse("crises.crisis-1.statusQuo=0.3:0.6"), Factor.Parse("states.AAA.perception.credulity=0:1"));
        Assert.Equal(Make(design, threads: 1).Rows().ToList(), Make(design, threads: 2).Rows().ToList());
        Assert.Equal(Make(design, threads: 1).Rows().ToList(), Make(design, threads: 7).Rows().ToList());
    }

    [Fact]
    public void RowsMatchAMonteCarloRunAtThePointsValues()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.4:0.5:2"));
        var sweep = Make(design, replications: 2);
        var rows = sweep.Rows().ToList();
        var scenario = ParameterPaths.Set(Noisy(), "crises.crisis-1.statusQuo", 0.5);
        var result = new MonteCarlo(CompiledScenario.Compile(scenario))
            .Run("crisis-1", new RoundOptions { Rounds = 2_000, Seed = 11, Replication = 1, Threads = 1 });
        var row = rows.Single(r => r.Point == 1 && r.Replication == 1);
        Assert.Equal(result[Outcome.War].Estimate, row.Estimate("war"));
        Assert.Equal(result[WarCause.DefenderMisperception].Estimate, row.Estimate("defenderMisperception"));
        Assert.Equal(result[Outcome.Deterred], row[Measure.Deterred]);
        Assert.All(Measure.All, m => Assert.Equal(result[m], row[m]));
        Assert.Equal(result[WarCause.Preventive], row[Measure.Of(WarCause.Preventive)]);
    }

    [Fact]
    public void APointThatCannotRunIsReportedWithItsReasonNotSkipped()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.5:1.5:3"));
        var rows = Make(design, replications: 2).Rows().ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows.Where(r => r.Point < 2), r => Assert.Null(r.Error));
        var failed = rows.Where(r => r.Point == 2).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, r =>
        {
            Assert.Null(r.Counts);
            Assert.False(r.Ran);
            Assert.Null(r[Measure.War].Estimate);
            Assert.Equal(1.5, r.Values[0]);
            Assert.Contains("crises.crisis-1.statusQuo", r.Error, StringComparison.Ordinal);
            Assert.Contains("1.5", r.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void UnknownAndNonNumericPathsAreRejectedBeforeAnythingRuns()
    {
        var e = Assert.Throws<ScenarioException>(() => Make(ExperimentDesign.Grid(Factor.Parse("states.ZZZ.capability=0:1:2"))));
        Assert.Contains("ZZZ", e.Message, StringComparison.Ordinal);
        var protocol = Assert.Throws<ArgumentException>(() => Make(ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.bargaining.protocol=0:1:2"))));
        Assert.Contains("not a number", protocol.Message, StringComparison.Ordinal);
        var crisis = Assert.Throws<ArgumentException>(() => new Sweep(Noisy(), ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0:1:2")), new SweepOptions { Crisis = "nope" }));
        Assert.Contains("crisis-1", crisis.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRunsEachReplicationIsOneRunAndItsRatesAreSharesOfThePeriods()
    {
        // Replication r of a point is replication r of MonteCarlo.Simulate at the point's values: the sweep's war counts,
        // summed over its replications, equal the war counts of Simulate with as many replications.
        const int periods = 12, replications = 5;
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:2"));
        var sweep = new Sweep(Noisy(), design, new SweepOptions { Periods = periods, Replications = replications, Seed = 8, Threads = 2 });
        var rows = sweep.Rows().ToList();
        Assert.Equal(2 * replications, rows.Count);
        for (int point = 0; point < 2; point++)
        {
            var scenario = ParameterPaths.Set(Noisy(), "crises.crisis-1.challengerCost", design.GetPoint(point)[0]);
            var runs = new MonteCarlo(CompiledScenario.Compile(scenario)).Simulate(new RunOptions { Periods = periods, Replications = replications, Seed = 8, Threads = 1 });
            var pointRows = rows.Where(r => r.Point == point).ToList();
            foreach (string metric in new[] { "war", "deterred", "concession" })
            {
                var byPeriod = metric switch { "war" => runs.Crises[0].WarByPeriod, "deterred" => runs.Crises[0].DeterredByPeriod, _ => runs.Crises[0].ConcessionByPeriod };
                long expected = byPeriod.Sum(p => p.Count);
                long found = pointRows.Sum(r => (long)Math.Round(r.Estimate(metric)!.Value * periods));
                Assert.Equal(expected, found);
            }

            long defenderMisperception = pointRows.Sum(r => (long)Math.Round(r.Estimate("defenderMisperception")!.Value * periods));
            Assert.Equal(runs.Crises[0].WarCauses[WarCause.DefenderMisperception].Count, defenderMisperception);
        }

        Assert.True(rows.Select(r => r.Estimate("war")).Distinct().Count() > 1, "replications should differ");
    }

    [Fact]
    public void FirstReplicationReplaysOneReplicationOfALongerSimulation()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(Noisy()));
        var all = new List<PeriodRow>();
        monteCarlo.Simulate(new RunOptions { Periods = 6, Replications = 4, Seed = 2, Threads = 2 }, all.Add);
        var third = new List<PeriodRow>();
        monteCarlo.Simulate(new RunOptions { Periods = 6, Replications = 1, FirstReplication = 2, Seed = 2, Threads = 1 }, third.Add);
        var expected = all.Where(r => r.Replication == 2).ToList();
        Assert.Equal(expected.Count, third.Count);
        for (int i = 0; i < third.Count; i++)
        {
            Assert.Equal(2, third[i].Replication);
            Assert.Equal(expected[i].Outcome, third[i].Outcome);
            Assert.Equal(expected[i].ChallengerBelief, third[i].ChallengerBelief);
            Assert.Equal(expected[i].Belief, third[i].Belief);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => monteCarlo.Simulate(new RunOptions { Replications = 2, FirstReplication = int.MaxValue - 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => monteCarlo.Simulate(new RunOptions { FirstReplication = -1 }));
    }

    [Fact]
    public void TwoFactorsThatSetTheSameValueAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Make(ExperimentDesign.Grid(Factor.Parse("states.AAA.perception.credulity=0:1:2"), Factor.Parse("states.*.perception.credulity=0:1:2"))));
        Assert.Contains("'states.AAA.perception.credulity' and 'states.*.perception.credulity' both set 'states.AAA.perception.credulity'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIntegerFieldCannotBeAContinuousFactor()
    {
        var e = Assert.Throws<ArgumentException>(() => Make(ExperimentDesign.LatinHypercube(10, 1, Factor.Parse("crises.crisis-1.foresight=1:5"))));
        Assert.Contains("is an integer", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, Make(ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.foresight=1:3:3")), replications: 1).Rows().Count(r => r.Error is null));
        var fraction = Assert.Throws<ArgumentException>(() => Make(ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.foresight=1:2:3"))));
        Assert.Contains("has the level 1.5", fraction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepeningActsInSingleRoundsAndIsNotFlagged() =>
        Assert.Empty(Make(ExperimentDesign.Grid(Factor.Parse("commitments.*.deepening.reliability=0:0.05:2"))).Warnings);

    [Fact]
    public void TheRunLengthIsNotAFactor()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sweep(Noisy(), ExperimentDesign.Grid(Factor.Parse("periods=1:10:2")), new SweepOptions { Periods = 3 }));
        Assert.Contains("'periods' cannot be varied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFactorThatActsOnlyInRunsIsFlaggedInASweepOfRounds()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("priorStrength=1:10:2"));
        Assert.Contains(Make(design).Warnings, w => w.Contains("acts only in runs over periods", StringComparison.Ordinal));
        Assert.Empty(new Sweep(Noisy(), design, new SweepOptions { Periods = 3 }).Warnings);
        Assert.Empty(Make(ExperimentDesign.Grid(Factor.Parse("states.AAA.perception.credulity=0:1:2"))).Warnings);
        Assert.Contains(Make(ExperimentDesign.Sobol(6, Factor.Parse("states.AAA.perception.credulity=0:1"))).Warnings, w => w.Contains("use 8", StringComparison.Ordinal));
        Assert.Empty(Make(ExperimentDesign.Sobol(8, Factor.Parse("states.AAA.perception.credulity=0:1"))).Warnings);
    }

    [Fact]
    public void PrecisionTargetReplicatesUntilTheIntervalIsNarrowEnoughOrTheCap()
    {
        const double halfWidth = 0.01;
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3"));
        var target = new PrecisionTarget("war", halfWidth, 40);
        var rows = Make(design, replications: 2, rounds: 1_000, precision: target).Rows().ToList();
        foreach (var point in rows.GroupBy(r => r.Point))
        {
            var list = point.ToList();
            Assert.Equal(Enumerable.Range(0, list.Count), list.Select(r => r.Replication));
            Assert.InRange(list.Count, 2, 40);
            double HalfWidth(int count)
            {
                long wars = list.Take(count).Sum(r => (long)Math.Round(r.Estimate("war")!.Value * 1_000));
                var p = Proportion.Wilson(wars, 1_000L * count);
                return (p.Upper - p.Lower) / 2;
            }

            if (list.Count < 40)
            {
                Assert.True(HalfWidth(list.Count) <= halfWidth);
            }

            if (list.Count > 2)
            {
                Assert.True(HalfWidth(list.Count - 1) > halfWidth, "stopped late");
            }
        }

        Assert.True(rows.GroupBy(r => r.Point).Select(g => g.Count()).Distinct().Count() > 1, "the target should need different replications at different war rates");
    }
}
