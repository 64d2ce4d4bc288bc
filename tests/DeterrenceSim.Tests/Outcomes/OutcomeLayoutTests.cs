using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Outcomes;

/// <summary>Every array of counts is laid out from the outcome and war-cause enumerations: these tests fail when an
/// enumeration grows in a way a layout cannot follow.</summary>
public class OutcomeLayoutTests
{
    [Fact]
    public void Enums_HaveTheValuesZeroToCountMinusOne_SoTheyCanIndexArrays()
    {
        Assert.Equal(Enumerable.Range(0, OutcomeLayout.Outcomes), Enum.GetValues<Outcome>().Select(o => (int)o));
        Assert.Equal(Enumerable.Range(0, OutcomeLayout.Causes), Enum.GetValues<WarCause>().Select(c => (int)c));
    }

    [Fact]
    public void RoundTally_SlotsOfOutcomesCausesAndFlags_AreDisjointAndContiguous()
    {
        var slots = Enum.GetValues<Outcome>().Select(o => RoundTally.OutcomeOffset + (int)o)
            .Concat(Enum.GetValues<WarCause>().Select(c => RoundTally.CauseOffset + (int)c))
            .Append(RoundTally.PreventiveFromMisperceptionIndex)
            .Append(RoundTally.ChallengerWinsIndex)
            .ToList();
        Assert.Equal(Enumerable.Range(0, slots.Count), slots);
        Assert.Equal(slots.Count, RoundTally.AllianceOffset);
        var tally = new RoundTally(alliances: 2, participants: 3);
        Assert.Equal(RoundTally.AllianceOffset + 2 + 3, tally.Counts.Length);
        Assert.Equal(RoundTally.AllianceOffset + 2, tally.SupportOffset);
    }

    [Fact]
    public void SweepMetrics_AreTheOutcomesThenTheCauses()
    {
        Assert.Equal(OutcomeLayout.Outcomes + OutcomeLayout.Causes, SweepMetrics.Count);
        Assert.Equal(SimulationResultJsonNames(), SweepMetrics.Names);
    }

    [Fact]
    public void Simulate_HasRatesByPeriodForEveryOutcome_AndEveryCause()
    {
        // A sweep over runs reads every outcome's rates by period; a new outcome without them fails here.
        var scenario = DeterrenceSim.Scenarios.ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var sweep = new Sweep(scenario, ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:2")), new SweepOptions { Periods = 2, Replications = 1 });
        var rows = sweep.RunPoint(0);
        Assert.Single(rows);
        Assert.Equal(3 * SweepMetrics.Count, rows[0].Rates!.Length);
    }

    private static IEnumerable<string> SimulationResultJsonNames() =>
        Enum.GetValues<Outcome>().Select(o => DeterrenceSim.IO.SimulationResultJson.CamelCase(o.ToString()))
            .Concat(Enum.GetValues<WarCause>().Select(c => DeterrenceSim.IO.SimulationResultJson.CamelCase(c.ToString())));
}
