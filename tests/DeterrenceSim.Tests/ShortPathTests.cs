// No using of the library's namespaces: the test sits in DeterrenceSim.Tests, so it sees the root namespace
// DeterrenceSim and nothing else, as a notebook with only `using DeterrenceSim;` does.
namespace DeterrenceSim.Tests;

/// <summary>The notebook's short path (samples/notebooks/quickstart.ipynb, samples/scripts/quickstart.cs) compiles
/// and runs with one namespace.</summary>
public class ShortPathTests
{
    [Fact]
    public void Quickstart_OneNamespace_LoadsRunsSweepsAndTabulates()
    {
        var scenario = Simulation.Load("indo-pacific-2023").With("states.JPN.perception.credulity", 0.9);
        var result = scenario.Run("east-china-sea", new() { Rounds = 20_000, Seed = 42 });
        var frame = result.ToDataFrame();
        Assert.Equal(8 + 17, frame.Rows.Count); // the outcomes and war causes, then the mechanisms
        Assert.Equal("war", frame["measure"][2]);
        Assert.Equal(20_000L, frame["trials"][2]);

        var sweep = scenario.Sweep(["states.JPN.perception.credulity=0:1:3"], new() { Crisis = "east-china-sea", Rounds = 2_000, Replications = 3, Seed = 42 });
        var points = sweep.Summarise();
        Assert.Equal(3, points.Count);
        Assert.Equal([0.0, 0.5, 1.0], points.Select(p => p.Values["states.JPN.perception.credulity"]));
        var table = points.ToDataFrame();
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(points[1].MeanOfReplications(DeterrenceSim.Outcomes.Measure.War).Mean, table["war_mean"][1]);

        var runs = scenario.Simulate(new() { Periods = 3, Replications = 4, Seed = 7 });
        Assert.Equal(3, runs.Crises[0].WarByPeriod.Count);
    }
}
