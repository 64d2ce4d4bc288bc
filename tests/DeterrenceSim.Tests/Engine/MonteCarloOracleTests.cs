using DeterrenceSim.Compilation;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>The analytic oracles of DESIGN.md section 3, each with a fixed seed and a 4-SE tolerance where stochastic.</summary>
public class MonteCarloOracleTests
{
    [Fact]
    public void Run_PerfectPerceptionNashSplitNoDeepening_NoWarInAnyCrisis()
    {
        var scenario = ParameterPaths.SetAll(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName), [
            new("states.*.perception.credulity", "0"),
            new("states.*.perception.noise", "0"),
            new("states.*.perception.supporterNoise", "0"),
            new("states.*.perception.capabilityBias", "0"),
            new("commitments.*.deepening.reliability", "0"),
            new("commitments.*.deepening.signal", "0"),
        ]);
        foreach (var crisis in scenario.Crises)
        {
            Assert.Equal(BargainingProtocol.NashSplit, crisis.Bargaining.Protocol);
            var result = TestScenarios.Run(scenario, 100_000, crisis: crisis.Id);
            Assert.Equal(0, result[Outcome.War].Count);
            Assert.Equal(100_000, result[Outcome.Deterred].Count + result[Outcome.Concession].Count);
        }
    }

    [Theory]
    [InlineData(1.0, 1.0)] // p = 0.5
    [InlineData(3.0, 1.0)] // p = 0.75
    [InlineData(1.0, 3.0)] // p = 0.25
    public void Run_TakeItOrLeaveItAccuratePerception_WarProbabilityIndependentOfBalance(double challenger, double defender)
    {
        // Fearon (1995) risk-return trade-off: P(war) = (c̄ - c_C) / (2 c̄) = 0.375 for c̄ = 0.4, c_C = 0.1 while x* < 1.
        var scenario = TestScenarios.Bilateral(challenger, defender, crisis: c => c with
        {
            DefenderCost = null,
            Bargaining = new Bargaining(BargainingProtocol.TakeItOrLeaveIt, DefenderCostUpperBound: 0.4),
        });
        double p = challenger / (challenger + defender);
        Assert.True(p + 0.15 < 1 && p < 0.85);

        var result = TestScenarios.Run(scenario, 200_000);

        TestScenarios.WithinFourStandardErrors(0.375, result[Outcome.War]);
        Assert.Equal(result[Outcome.War].Count, result[WarCause.Rational].Count);
    }

    [Theory]
    [InlineData(0.25, true)]
    [InlineData(0.24, false)]
    public void Run_PerceivedDeclineAroundPowellThreshold_PreventiveWarInEveryRoundOrNone(double decline, bool war)
    {
        // C: 0.7; D: 0.1 plus a supporter of strength 1 with ρ = 0.2, so p = 0.7 / (0.7 + 0.1 + 0.2) = 0.7.
        // Deepening over H = 1 period moves ρ to ρ' with 0.7 / (0.8 + ρ') = 0.7 - decline.
        // Powell (2006): with δ = 0.9 and costs 0.1, war iff the decline exceeds 0.2444.
        double deepenedReliability = (0.7 / (0.7 - decline)) - 0.8;
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates: [new State("J", "Supporter", 1.0, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, 0.2, 0.5)
            {
                Scope = ["Theatre"],
                Deepening = new Deepening(Reliability: deepenedReliability - 0.2),
            }],
            crisis: c => c with { Discount = 0.9, Foresight = 1 });
        Assert.Equal(0.7, new DeterrenceSim.Engine.MonteCarlo(CompiledScenario.Compile(scenario)).AccurateWinProbability("crisis"), 12);

        var result = TestScenarios.Run(scenario, 50_000);

        Assert.Equal(war ? 50_000 : 0, result[WarCause.Preventive].Count);
        Assert.Equal(war ? 50_000 : 0, result[Outcome.War].Count);
        Assert.Equal(0, result.PreventiveFromMisperception.Count); // accurate perception: a rational preventive war
    }

    [Theory]
    [InlineData(0.25, 1, true)] // thresholds: 0.2444 (H = 1), 0.2938 (H = 2), 0.3487 (H = 3)
    [InlineData(0.24, 1, false)]
    [InlineData(0.30, 2, true)]
    [InlineData(0.29, 2, false)]
    [InlineData(0.36, 3, true)]
    [InlineData(0.34, 3, false)]
    public void Run_DefenderGrowthAroundPowellThreshold_PreventiveWarInEveryRoundOrNone(double decline, int foresight, bool war)
    {
        // C: 0.7, D: 0.3, so p = 0.7. D grows by g a period; C looks H periods ahead: K_D' = 0.3 (1 + g)^H with
        // 0.7 / (0.7 + K_D') = 0.7 - decline. Powell (2006): war iff δ^H (p - p') > (1 - δ^H)(1 - p) + c_C + δ^H c_D.
        double delta = 0.9;
        double deltaH = Math.Pow(delta, foresight);
        double threshold = (((1 - deltaH) * 0.3) + 0.1 + (deltaH * 0.1)) / deltaH;
        Assert.Equal(war, decline > threshold);
        double grownDefender = (0.7 / (0.7 - decline)) - 0.7;
        double growth = Math.Pow(grownDefender / 0.3, 1.0 / foresight) - 1;
        var scenario = TestScenarios.Bilateral(0.7, 0.3, crisis: c => c with { Discount = delta, Foresight = foresight });
        scenario = ParameterPaths.Set(scenario, "states.D.growthRate", growth);

        var result = TestScenarios.Run(scenario, 20_000);

        Assert.Equal(war ? 20_000 : 0, result[WarCause.Preventive].Count);
    }

    [Fact]
    public void AccurateWinProbability_ChinaAloneAgainstUnitedStates_MatchesCinc2022Oracle()
    {
        var scenario = CincDyad(supporterReliability: null);
        Assert.Equal(0.654518, new DeterrenceSim.Engine.MonteCarlo(CompiledScenario.Compile(scenario)).AccurateWinProbability("crisis"), 6);
    }

    [Fact]
    public void AccurateWinProbability_AllFourPartnersFight_MatchesCinc2022Oracle()
    {
        var scenario = CincDyad(supporterReliability: 1.0);
        Assert.Equal(0.572310, new DeterrenceSim.Engine.MonteCarlo(CompiledScenario.Compile(scenario)).AccurateWinProbability("crisis"), 6);
    }

    [Fact]
    public void Run_PartnersJoinWithLeedsReliability_ChallengerVictoryMatchesExpectedTrueP()
    {
        // The United States always fights (it is D); E[p] over the 16 coalitions of partners = 0.592019
        // (DESIGN.md section 3), while p(E[S]) = 0.591246.
        // C underrates its opponent (b = -10) so every round is a war; victory draws then estimate E[p].
        var scenario = CincDyad(supporterReliability: 0.745);
        scenario = ParameterPaths.Set(scenario, "states.C.perception.capabilityBias", -10);
        scenario = ParameterPaths.Set(scenario, "crises.crisis.challengerCost", 0);
        scenario = ParameterPaths.Set(scenario, "crises.crisis.defenderCost", 0);
        Assert.Equal(0.591246, new DeterrenceSim.Engine.MonteCarlo(CompiledScenario.Compile(scenario)).AccurateWinProbability("crisis"), 6);

        var result = TestScenarios.Run(scenario, 1_000_000, seed: 2023);

        Assert.Equal(1_000_000, result[Outcome.War].Count);
        TestScenarios.WithinFourStandardErrors(0.592019, result.ChallengerVictoryGivenWar);
        TestScenarios.WithinFourStandardErrors(0.745, result.SupportRates["JPN"]);
        TestScenarios.WithinFourStandardErrors(0.745, result.SupportRates["NZL"]);
    }

    [Fact]
    public void Run_CommitmentOutOfScope_SupportRateIsOutOfScopeReliability()
    {
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("J", "Supporter", 0.5, "Elsewhere")],
            commitments: [new Commitment("J", "D", CommitmentKind.Partnership, 0.9, 0.5) { Scope = ["Elsewhere"], OutOfScopeReliability = 0.2 }],
            challengerPerception: new PerceptionProfile(CapabilityBias: -10));

        var result = TestScenarios.Run(scenario, 100_000);

        TestScenarios.WithinFourStandardErrors(0.2, result.SupportRates["J"]);
    }

    [Fact]
    public void Run_NashSplitAccurate_SettlementIsTheAnalyticSplit()
    {
        // x = (p - c_C) + λ ((p + c_D) - (p - c_C)) = 0.75 - 0.1 + 0.5 · 0.2 = 0.75 > q = 0.5: concession every round.
        var scenario = TestScenarios.Bilateral(3, 1);
        var result = TestScenarios.Run(scenario, 10_000);
        Assert.Equal(10_000, result[Outcome.Concession].Count);
        Assert.Equal(0.75, result.MeanSettlement.Mean!.Value, 12);
    }

    [Fact]
    public void Run_DefenderOverratesChallenger_ConcedesMoreThanAccurateDefender()
    {
        // b_D = ln 3 triples C's strength in D's eyes: p̂_D = 0.75 for p = 0.5; x = 0.4 + 0.5 (0.85 - 0.4) = 0.625.
        var scenario = TestScenarios.Bilateral(1, 1, defenderPerception: new PerceptionProfile(CapabilityBias: Math.Log(3)));
        var result = TestScenarios.Run(scenario, 10_000);
        Assert.Equal(0.625, result.MeanSettlement.Mean!.Value, 12);
    }

    [Fact]
    public void Run_FullInformationSharing_RemovesTheProtagonistsNoise()
    {
        // φ = 1 on the defender's only supporter multiplies its optimism noise by 0: same as no noise at all.
        Scenario WithDefenderNoise(double noise, double sharing) => TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("J", "Supporter", 0.5, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, 0.5, 0.5) { Scope = ["Theatre"], InformationSharing = sharing }],
            challengerPerception: new PerceptionProfile(Noise: 0.5),
            defenderPerception: new PerceptionProfile(Noise: noise));

        var shared = TestScenarios.Run(WithDefenderNoise(2.0, 1.0), 50_000);
        var silent = TestScenarios.Run(WithDefenderNoise(0.0, 1.0), 50_000);
        var noisy = TestScenarios.Run(WithDefenderNoise(2.0, 0.0), 50_000);

        Assert.Equal(silent.Outcomes.Values.Select(r => r.Count), shared.Outcomes.Values.Select(r => r.Count));
        Assert.NotEqual(silent[Outcome.War].Count, noisy[Outcome.War].Count);
    }

    internal static Scenario CincDyad(double? supporterReliability)
    {
        // COW NMC v7.0, CINC 2022 (data/cow-nmc-v7-2022-cinc.csv): C = China, D = the United States; every state
        // projects 1 and m = 1. The partners JPN, KOR, AUS and NZL commit to the United States.
        var partners = new (string Id, double Cinc)[] { ("JPN", 0.024713842), ("KOR", 0.019953229), ("AUS", 0.0060012988), ("NZL", 0.00070774212) };
        var states = partners.Select(p => new State(p.Id, p.Id, p.Cinc, "Theatre")).ToList();
        var commitments = supporterReliability is double rho
            ? partners.Select(p => new Commitment(p.Id, "D", CommitmentKind.Partnership, rho, 0.5) { Scope = ["Theatre"] }).ToList()
            : [];
        return TestScenarios.Bilateral(0.23409663, 0.12356574, states, commitments);
    }
}
