using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Experiments;

/// <summary>A design point whose growth leaves the capability range within the periods cannot run: its rows say why,
/// naming the JSON path, and the other points run.</summary>
public class SweepGrowthTests
{
    [Fact]
    public void RunPoint_GrowthThatOverflowsWithinThePeriods_GivesErrorRowsNamingTheField()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var sweep = new Sweep(scenario, ExperimentDesign.Grid(Factor.Parse("states.CHN.growthRate=0:1:2")), new SweepOptions { Periods = 1100, Replications = 2 });
        var fine = sweep.RunPoint(0);
        Assert.All(fine, r => Assert.Null(r.Error));
        int chn = scenario.States.Select(s => s.Id).ToList().IndexOf("CHN");
        var failed = sweep.RunPoint(1);
        Assert.Equal(2, failed.Count);
        Assert.All(failed, r =>
        {
            Assert.Null(r.Counts);
            Assert.Contains($"$.states[{chn}].growthRate: expected a growth rate that keeps the capability of CHN between 1e-300 and 1e300 over 1100 periods", r.Error, StringComparison.Ordinal);
        });
    }
}
