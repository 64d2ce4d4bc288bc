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
    public void Measures_AreTheOutcomesThenTheCauses_WithTheJsonNames()
    {
        Assert.Equal(OutcomeLayout.Outcomes + OutcomeLayout.Causes, Measure.All.Count);
        Assert.Equal(SimulationResultJsonNames(), Measure.All.Select(m => m.Name));
        Assert.Equal(Enumerable.Range(0, Measure.All.Count), Measure.All.Select(m => m.Index));
        Assert.All(Enum.GetValues<Outcome>(), o => Assert.Equal(o, Measure.Of(o).Outcome));
        Assert.All(Enum.GetValues<WarCause>(), c => Assert.Equal(c, Measure.Of(c).WarCause));
        Assert.Same(Measure.War, Measure.Parse("war"));
        Assert.Contains("expected a measure among deterred, concession, war, preventive,", Assert.Throws<ArgumentException>(() => Measure.Parse("War")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Of((Outcome)OutcomeLayout.Outcomes));
    }

    [Fact]
    public void Simulate_HasRatesByPeriodForEveryOutcome_AndEveryCause()
    {
        // A sweep over runs reads every outcome's rates by period; a new outcome without them fails here.
        var scenario = DeterrenceSim.Scenarios.ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var sweep = new Sweep(scenario, ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:2")), new SweepOptions { Periods = 2, Replications = 1 });
        var rows = sweep.RunPoint(0);
        Assert.Single(rows);
        Assert.Equal(Measure.All.Count, rows[0].Counts!.Length);
        Assert.All(Measure.All, m => Assert.NotNull(rows[0][m].Estimate));
    }

    private static IEnumerable<string> SimulationResultJsonNames() =>
        Enum.GetValues<Outcome>().Select(o => DeterrenceSim.IO.SimulationResultJson.CamelCase(o.ToString()))
            .Concat(Enum.GetValues<WarCause>().Select(c => DeterrenceSim.IO.SimulationResultJson.CamelCase(c.ToString())));
}
