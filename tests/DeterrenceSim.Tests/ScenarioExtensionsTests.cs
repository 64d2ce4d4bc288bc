using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using DeterrenceSim.Tests.Experiments;

namespace DeterrenceSim.Tests;

public class ScenarioExtensionsTests
{
    [Fact]
    public void Run_CompilesImplicitly_SameResultAsTheLongForm()
    {
        var scenario = SweepTests.Noisy();
        var options = new RoundOptions { Rounds = 5_000, Seed = 9, Replication = 2, Threads = 2 };
        var longForm = new MonteCarlo(CompiledScenario.Compile(scenario)).Run("crisis-1", options);
        var shortPath = scenario.Run("crisis-1", options);
        Assert.All(Measure.All, m => Assert.Equal(longForm[m], shortPath[m]));
        Assert.Equal(longForm.MeanSettlement, shortPath.MeanSettlement);
        Assert.Equal(longForm.Seed, shortPath.Seed);
    }

    [Fact]
    public void Simulate_CompilesImplicitly_SameResultAsTheLongForm()
    {
        var scenario = SweepTests.Noisy();
        var options = new RunOptions { Periods = 4, Replications = 6, Seed = 3, Threads = 2 };
        var longRows = new List<PeriodRow>();
        var shortRows = new List<PeriodRow>();
        var longForm = new MonteCarlo(CompiledScenario.Compile(scenario)).Simulate(options, longRows.Add);
        var shortPath = scenario.Simulate(options, shortRows.Add);
        Assert.Equal(longForm.Crises[0].WarByPeriod, shortPath.Crises[0].WarByPeriod);
        Assert.Equal(longForm.Crises[0].AnyWar, shortPath.Crises[0].AnyWar);
        Assert.Equal(longRows.Select(r => (r.Replication, r.Period, r.Outcome)), shortRows.Select(r => (r.Replication, r.Period, r.Outcome)));
    }

    [Fact]
    public void Run_OptionOutOfRange_NamesTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SweepTests.Noisy().Run("crisis-1", new RoundOptions { Rounds = 0 }));
        Assert.Equal("Rounds", e.ParamName);
    }

    [Fact]
    public void Run_UnknownCrisis_Throws() =>
        Assert.Throws<ArgumentException>(() => SweepTests.Noisy().Run("nope", new RoundOptions { Rounds = 10 }));

    [Fact]
    public void Simulate_GrowthOutOfRange_IsAScenarioErrorNamingThePath()
    {
        var scenario = SweepTests.Noisy().With("states.AAA.growthRate", 1e5);
        var e = Assert.Throws<ScenarioException>(() => scenario.Simulate(new RunOptions { Periods = 100, Replications = 1 }));
        Assert.Contains("growthRate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_IsParameterPathsSet()
    {
        var scenario = SweepTests.Noisy();
        Assert.Equal(
            ScenarioLoader.ToJson(ParameterPaths.Set(scenario, "crises.crisis-1.statusQuo", 0.4)),
            ScenarioLoader.ToJson(scenario.With("crises.crisis-1.statusQuo", 0.4)));
        Assert.Equal(
            ScenarioLoader.ToJson(ParameterPaths.Set(scenario, "crises.crisis-1.bargaining.protocol", "NashSplit")),
            ScenarioLoader.ToJson(scenario.With("crises.crisis-1.bargaining.protocol", "NashSplit")));
        Assert.Throws<ScenarioException>(() => scenario.With("states.NOPE.capability", 1.0));
    }

    [Fact]
    public void Sweep_IsTheGridSweepOfTheFactors()
    {
        var options = new SweepOptions { Rounds = 500, Replications = 2, Seed = 4, Threads = 1 };
        var shortPath = SweepTests.Noisy().Sweep(["crises.crisis-1.statusQuo=0.4:0.5:2", "states.AAA.perception.credulity=0:1:3"], options);
        var longForm = new Sweep(SweepTests.Noisy(), ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.4:0.5:2"), Factor.Parse("states.AAA.perception.credulity=0:1:3")), options);
        Assert.Equal(longForm.Design, shortPath.Design);
        Assert.Equal(longForm.Rows().ToList(), shortPath.Rows().ToList());
        Assert.Throws<ArgumentException>(() => SweepTests.Noisy().Sweep(["crises.crisis-1.statusQuo=0.4:0.5"]));
    }

    [Fact]
    public void Load_IsTheLoader()
    {
        Assert.Equal(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023")), ScenarioLoader.ToJson(Simulation.Load("indo-pacific-2023")));
        Assert.Throws<ScenarioException>(() => Simulation.Load("no-such-scenario.json"));
    }
}
