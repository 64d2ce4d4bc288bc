using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>Escalation strikes and treaty scope (North Atlantic Treaty, Article 6).</summary>
public class MonteCarloEscalationTests
{
    [Theory]
    [InlineData("Pacific", false)] // Hawaii and Guam: outside Article 6
    [InlineData("NorthAmerica", true)] // the continental United States: inside
    public void Run_StrikeOnUnitedStates_TriggersNatoOnlyWhereItsScopeHoldsTheRegion(string region, bool triggers)
    {
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("USA", "United States", 0.5, "NorthAmerica") { Regions = ["NorthAmerica", "Pacific"] }, new State("GBR", "United Kingdom", 0.2, "Europe")],
            commitments: [new Commitment("USA", "D", CommitmentKind.BilateralDefence, 0.0, 0.5) { Scope = ["Theatre"] }],
            alliances: [new Alliance("NATO", ["USA", "GBR"]) { Scope = ["Europe", "NorthAmerica"], MemberReliability = 1 }],
            challengerPerception: new PerceptionProfile(CapabilityBias: -10),
            crisis: c => c with { Escalation = [new EscalationStrike("USA", region, 1.0)] });

        var result = TestScenarios.Run(scenario, 10_000);

        Assert.Equal(10_000, result[Outcome.War].Count);
        Assert.Equal(triggers ? 10_000 : 0, result.AlliancesTriggered["NATO"].Count);
        Assert.Equal(10_000, result.SupportRates["USA"].Count); // struck supporter joins either way
        // GBR can fight only through NATO: where no strike can trigger it, it is no potential supporter at all.
        Assert.Equal(triggers ? 10_000 : 0, result.SupportRates.TryGetValue("GBR", out var gbr) ? gbr.Count : 0);
        Assert.Equal(triggers, result.SupportRates.ContainsKey("GBR"));
    }

    [Fact]
    public void Run_EmbeddedEastChinaSea_StrikeOnGuamNeverTriggersNato()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var crisis = scenario.Crises.Single(c => c.Id == "east-china-sea");
        Assert.Contains(crisis.Escalation, e => e.Target == "USA" && e.Region == "Pacific");
        var result = TestScenarios.Run(scenario, 200_000, crisis: "east-china-sea");
        Assert.True(result[Outcome.War].Count > 0);
        Assert.Equal(0, result.AlliancesTriggered["NATO"].Count);
    }

    [Fact]
    public void Run_AllianceMemberReliability_MembersJoinAtThatRate()
    {
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("E", "Ally", 0.5, "Europe"), new State("F", "Ally", 0.5, "Europe")],
            alliances: [new Alliance("A", ["E", "F", "D"]) { Scope = ["Europe"], MemberReliability = 0.3 }],
            challengerPerception: new PerceptionProfile(CapabilityBias: -10),
            crisis: c => c with { Escalation = [new EscalationStrike("E", "Europe", 0.5)] });

        var result = TestScenarios.Run(scenario, 100_000);

        TestScenarios.WithinFourStandardErrors(0.5, result.AlliancesTriggered["A"]);
        TestScenarios.WithinFourStandardErrors(0.5 * 0.3, result.SupportRates["F"]);
        Assert.False(result.SupportRates.ContainsKey("D")); // the defender is a protagonist, never a supporter
    }
}
