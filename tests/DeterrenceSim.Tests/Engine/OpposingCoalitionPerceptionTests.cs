using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The challenger's perception of the opposing coalition (issue 13; DESIGN.md section 3): perceived reach, anticipated
/// commitment and perceived cohesion, each checked against Powell's (2006) threshold by hand. The challenger (0.7) faces
/// the defender (0.1) and opposing supporters it perceives at total strength 1 with reliability 0.2, so p̂ = 0.7; over
/// the foresight (H = 1, δ = 0.9, costs 0.1) it expects reliability ρ' with p̂' = 0.7 / (0.8 + ρ'). War iff the decline
/// p̂ − p̂' exceeds 0.2444: in every round or in none, as no draw enters.
/// </summary>
public sealed class OpposingCoalitionPerceptionTests
{
    private const int Rounds = 20_000;

    [Theory]
    [InlineData(0.25, 0.6, true)]
    [InlineData(0.24, 0.6, false)]
    [InlineData(0.25, 0.0, false)] // the true projection 0.5: the decline is 0.7 / 0.725 − 0.7 / 0.8778 ≈ 0.168
    public void Run_PerceivedReach_CountsOpposingSupporterAtInflatedProjection(double decline, double reach, bool war)
    {
        // J (K = 1.25) projects 0.5 into the theatre; read with reach r it projects 0.5 + r · 0.5, 0.8 at r = 0.6, so
        // K π̂ = 1.
        double deepened = DeepenedReliabilityFor(decline);
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates: [new State("J", "Supporter", 1.25, "Theatre")],
            commitments: [Supporter("J", 0.2, 0.5) with { Deepening = new Deepening(Reliability: deepened - 0.2) }],
            crisis: c => c with { Discount = 0.9, Foresight = 1, Theatre = new Theatre("Theatre") { Projection = new Dictionary<string, double> { ["J"] = 0.5 } } },
            challengerPerception: new PerceptionProfile(Reach: reach));

        AssertPreventiveInEveryRoundOrNone(scenario, war);
    }

    [Theory]
    [InlineData(0.25, 0.8, true)]
    [InlineData(0.24, 0.8, false)]
    [InlineData(0.25, 0.0, false)] // no deepening expected: no decline
    public void Run_AnticipatedCommitment_ClosesTheGapToTheSignalOverTheForesight(double decline, double anticipation, bool war)
    {
        // J (K = 1) has reliability 0.2 and no deepening; the challenger expects a' = 0.2 + α (v − 0.2) = ρ', so v is
        // set to 0.2 + (ρ' − 0.2) / 0.8 (α = 0.8), and with credulity 0 it reads the anchor itself.
        double deepened = DeepenedReliabilityFor(decline);
        double signal = 0.2 + ((deepened - 0.2) / 0.8);
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates: [new State("J", "Supporter", 1.0, "Theatre")],
            commitments: [Supporter("J", 0.2, signal)],
            crisis: c => c with { Discount = 0.9, Foresight = 1 },
            challengerPerception: new PerceptionProfile(Anticipation: anticipation));

        AssertPreventiveInEveryRoundOrNone(scenario, war);
    }

    [Fact]
    public void Run_AnticipatedCommitment_NeverExpectsARetreat()
    {
        // The signal (0.05) is below the reliability: α = 1 expects no change (max(0, v' − ā') = 0), so no window.
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates: [new State("J", "Supporter", 1.0, "Theatre")],
            commitments: [Supporter("J", 0.2, 0.05)],
            crisis: c => c with { Discount = 0.9, Foresight = 1, ChallengerCost = 0, DefenderCost = 0 },
            challengerPerception: new PerceptionProfile(Anticipation: 1));

        var result = TestScenarios.Run(scenario, Rounds);

        Assert.Equal(0, result[WarCause.Preventive].Count);
    }

    [Theory]
    [InlineData(0.25, 0.5, "C", true)]
    [InlineData(0.24, 0.5, "C", false)]
    [InlineData(0.25, 0.0, "C", false)] // without cohesion: 0.1 + 0.5 ρ; the decline is about 0.18
    [InlineData(0.25, 0.5, "ally", false)] // an alliance that counts the challenger among its members is not read as one bloc
    public void Run_PerceivedCohesion_ReadsThePartnersAllianceAsCommitted(double decline, double cohesion, string notMember, bool war)
    {
        // J (K = 0.5) is D's partner through alliance A, whose other members M1 and M2 (K = 0.5 each) commit nothing;
        // read with cohesion χ = 0.5 they count at χ ρ̂_J each: perceived strength 0.5 ρ + 2 · 0.5 · 0.5 ρ = ρ.
        double deepened = DeepenedReliabilityFor(decline);
        string[] members = notMember == "C" ? ["J", "M1", "M2"] : ["J", "M1", "M2", "C"];
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates:
            [
                new State("J", "Partner", 0.5, "Theatre"),
                new State("M1", "Member 1", 0.5, "Theatre"),
                new State("M2", "Member 2", 0.5, "Theatre"),
            ],
            commitments: [Supporter("J", 0.2, 0.5) with { Alliance = "A", Deepening = new Deepening(Reliability: deepened - 0.2) }],
            alliances: [new Alliance("A", members)],
            crisis: c => c with { Discount = 0.9, Foresight = 1 },
            challengerPerception: new PerceptionProfile(Cohesion: cohesion));

        AssertPreventiveInEveryRoundOrNone(scenario, war);
    }

    [Fact]
    public void Run_ConstructsAtZero_SameResultAsAProfileWithoutThem()
    {
        var embedded = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var options = new RoundOptions { Rounds = 50_000, Seed = 9, Threads = 2 };
        var before = new MonteCarlo(CompiledScenario.Compile(embedded)).Run("east-china-sea", options);
        var zero = ParameterPaths.Set(embedded, "states.*.perception.reach", 0.0);
        zero = ParameterPaths.Set(zero, "states.*.perception.cohesion", 0.0);
        var after = new MonteCarlo(CompiledScenario.Compile(zero)).Run("east-china-sea", options);

        Assert.Equal(before[Measure.War].Count, after[Measure.War].Count);
        Assert.Equal(before.Mechanisms[MechanismFactor.ChallengerOpponentCredulity].Shapley.Mean, after.Mechanisms[MechanismFactor.ChallengerOpponentCredulity].Shapley.Mean);

        var reach = ParameterPaths.Set(embedded, "states.CHN.perception.reach", 0.5);
        var inflated = new MonteCarlo(CompiledScenario.Compile(reach)).Run("east-china-sea", options);
        Assert.NotEqual(before[Measure.War].Count, inflated[Measure.War].Count);
    }

    [Fact]
    public void Run_ConstructsSet_TheFactorIsNamedAsTheWholePerceptionOfTheOpposingCoalition()
    {
        var embedded = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var options = new RoundOptions { Rounds = 1_000, Seed = 9, Threads = 1 };
        var plain = new MonteCarlo(CompiledScenario.Compile(embedded)).Run("east-china-sea", options);
        var reach = new MonteCarlo(CompiledScenario.Compile(ParameterPaths.Set(embedded, "states.CHN.perception.reach", 0.2))).Run("east-china-sea", options);

        Assert.Equal(MechanismFactor.ChallengerOpponentCredulity.Description(), plain.Mechanisms[MechanismFactor.ChallengerOpponentCredulity].Description);
        Assert.StartsWith("the challenger's perception of the opposing coalition", reach.Mechanisms[MechanismFactor.ChallengerOpponentCredulity].Description, StringComparison.Ordinal);
        Assert.Equal(MechanismFactor.DefenderOpponentCredulity.Description(), reach.Mechanisms[MechanismFactor.DefenderOpponentCredulity].Description);
    }

    private static Commitment Supporter(string id, double reliability, double signal) =>
        new(id, "D", CommitmentKind.BilateralDefence, reliability, signal) { Scope = ["Theatre"] };

    /// <summary>ρ' with 0.7 / (0.8 + ρ') = 0.7 − decline.</summary>
    private static double DeepenedReliabilityFor(double decline) => (0.7 / (0.7 - decline)) - 0.8;

    private static void AssertPreventiveInEveryRoundOrNone(Scenario scenario, bool war)
    {
        var result = TestScenarios.Run(scenario, Rounds);

        Assert.Equal(war ? Rounds : 0, result[WarCause.Preventive].Count);
        Assert.Equal(war ? Rounds : 0, result[Outcome.War].Count);

        // The accurate challenger sees no closing window: every one of these wars is Shifrinson's first mechanism, and
        // the attribution files it under the challenger's perception of the opposing coalition.
        Assert.Equal(war ? Rounds : 0, result.PreventiveFromMisperception.Count);
        var opposing = result.Mechanisms[MechanismFactor.ChallengerOpponentCredulity];
        Assert.Equal(war ? Rounds : 0, opposing.ButFor.Count);
        Assert.Equal(war ? 1.0 : 0.0, opposing.ShapleyPreventive.Mean!.Value, 12);
    }
}
