using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>The strategies as the engine runs them: the crisis's own protocol, a protocol named by the caller, and the
/// built-in strategies' oracles (DESIGN.md section 3).</summary>
public class MonteCarloStrategyTests
{
    private static readonly RoundOptions Options = new() { Rounds = 50_000, Seed = 7, Threads = 2 };

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(7.0)]
    [InlineData(-0.5)]
    public void Run_AProtocolSettlingOutsideTheStakes_StopsNamingIt(double settlement)
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));
        BrokenSettlement.Value = settlement;
        var e = Assert.Throws<InvalidOperationException>(() => monteCarlo.Run<BrokenSettlement>("east-china-sea", Options));
        Assert.StartsWith("The bargaining protocol BrokenSettlement settled at ", e.Message, StringComparison.Ordinal);
        Assert.Contains("asks for a settlement in [0, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AProtocolThatThrows_ItsExceptionReachesTheCaller_NotTheThreadPoolsWrapper()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));
        var e = Assert.Throws<FormatException>(() => monteCarlo.Run<ThrowingProtocol>("east-china-sea", Options));
        Assert.Equal("my protocol broke", e.Message);
    }

    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("baltic")]
    public void RunOfNashSplit_NashSplitCrisis_SameResultAsTheCrisisOwnProtocol(string crisis)
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));

        Assert.Equal(SimulationResultJson.ToJson(monteCarlo.Run(crisis, Options)), SimulationResultJson.ToJson(monteCarlo.Run<NashSplit>(crisis, Options)));
    }

    [Fact]
    public void RunOfTakeItOrLeaveIt_TakeItOrLeaveItCrisis_SameResultAsTheCrisisOwnProtocol()
    {
        var scenario = ParameterPaths.SetAll(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName), [
            new("crises.baltic.bargaining.protocol", "TakeItOrLeaveIt"),
            new("crises.baltic.bargaining.defenderCostUpperBound", "0.4"),
        ]);
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));

        var own = monteCarlo.Run("baltic", Options);

        Assert.Equal(SimulationResultJson.ToJson(own), SimulationResultJson.ToJson(monteCarlo.Run<TakeItOrLeaveIt>("baltic", Options)));
        Assert.NotEqual(SimulationResultJson.ToJson(own), SimulationResultJson.ToJson(monteCarlo.Run<NashSplit>("baltic", Options)));
    }

    [Fact]
    public void RunOfPrivateCostProtocol_CrisisWithoutUpperBound_ThrowsArgumentException()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(TestScenarios.Bilateral(1, 1)));

        var error = Assert.Throws<ArgumentException>(() => monteCarlo.Run<TakeItOrLeaveIt>("crisis", Options));
        Assert.Contains("defenderCostUpperBound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunOfFixedCostProtocol_CrisisWithoutDefenderCost_ThrowsArgumentException()
    {
        var scenario = TestScenarios.Bilateral(1, 1, crisis: c => c with
        {
            DefenderCost = null,
            Bargaining = new Bargaining(BargainingProtocol.TakeItOrLeaveIt, DefenderCostUpperBound: 0.4),
        });
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));

        var error = Assert.Throws<ArgumentException>(() => monteCarlo.Run<NashSplit>("crisis", Options));
        Assert.Contains("defenderCost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunOfUserProtocol_AccuratePerception_NoWarAndTheDefenderOffer()
    {
        // The defender's ultimatum with accurate perception: p̂_C = p̂_D = p = 0.75, so D offers x = p − c_C = 0.65,
        // exactly what C accepts: never war, always a concession (x > q = 0.5).
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(TestScenarios.Bilateral(3, 1)));

        var result = monteCarlo.Run<DefenderUltimatum>("crisis", Options);

        Assert.Equal(0, result[Outcome.War].Count);
        Assert.Equal(Options.Rounds, result[Outcome.Concession].Count);
        Assert.Equal(0.65, result.MeanSettlement.Mean!.Value, 12);
    }

    [Fact]
    public void RunOfUserProtocol_ChallengerOptimism_WarsOnlyFromTheChallengerMisperception()
    {
        // Only C misperceives (σ_C = 1): under the defender's ultimatum war iff p̂_C > p̂_D = p, so every war vanishes
        // when C sees truly and none when D does: ChallengerMisperception, in about half the rounds (P(η_C > 0)).
        var scenario = TestScenarios.Bilateral(1, 1, challengerPerception: new PerceptionProfile(Noise: 1));
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));

        var result = monteCarlo.Run<DefenderUltimatum>("crisis", Options);

        Assert.Equal(result[Outcome.War].Count, result[WarCause.ChallengerMisperception].Count);
        TestScenarios.WithinFourStandardErrors(0.5, result[Outcome.War]);
    }

    [Fact]
    public void RunWithoutPreventiveWar_PowellStrikesEveryRound_NoPreventiveWar()
    {
        // The Powell oracle of MonteCarloOracleTests: a perceived decline of 0.25 > 0.2444 makes every round a
        // preventive war under the built-in test, none without it.
        var scenario = TestScenarios.Bilateral(
            0.7,
            0.1,
            extraStates: [new State("J", "Supporter", 1.0, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, 0.2, 0.5)
            {
                Scope = ["Theatre"],
                Deepening = new Deepening(Reliability: (0.7 / (0.7 - 0.25)) - 0.8 - 0.2),
            }],
            crisis: c => c with { Discount = 0.9, Foresight = 1 });
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));

        Assert.Equal(Options.Rounds, monteCarlo.Run("crisis", Options)[WarCause.Preventive].Count);
        Assert.Equal(0, monteCarlo.Run<NashSplit, LogisticPerception, NoPreventiveWar>("crisis", Options)[WarCause.Preventive].Count);
    }

    [Theory]
    [InlineData(0.245, true)]
    [InlineData(0.244, false)]
    public void PowellIsPreventive_DesignOracle_WarIffDeclineAbove02444(double decline, bool war)
    {
        // DESIGN.md section 3 (H = 1): δ 0.9, p 0.7, c_C = c_D = 0.1: war iff the perceived decline exceeds 0.2444.
        var terms = new PreventiveTerms(Discount: 0.9, ChallengerCost: 0.1, DefenderCost: 0.1);

        Assert.Equal(war, PowellPreventiveWar.IsPreventive(in terms, 0.7, 0.7 - decline));
    }

    [Fact]
    public void NashSplitIsWar_NonEmptyRange_SplitsByChallengerPower()
    {
        // lower = 0.6 − 0.1 = 0.5, upper = 0.4 + 0.3 = 0.7, λ = 0.25: x = 0.55 (Fearon 1995's range, split by power).
        var terms = new BargainingTerms(StatusQuo: 0.5, ChallengerCost: 0.1, ChallengerPower: 0.25, DefenderCostUpperBound: 0);

        Assert.False(NashSplit.IsWar(in terms, 0.6, 0.4, 0.3, out double x));
        Assert.Equal(0.55, x, 12);
    }

    [Fact]
    public void TakeItOrLeaveItIsWar_Demand_BeliefPlusHalfTheCostGap()
    {
        // x* = min(1, p̂_C + max(0, (c̄ − c_C)/2)) = 0.5 + 0.15 = 0.65; D with p̂_D + c_D = 0.4 + 0.3 = 0.7 accepts, with 0.6 fights.
        var terms = new BargainingTerms(StatusQuo: 0.5, ChallengerCost: 0.1, ChallengerPower: 0.5, DefenderCostUpperBound: 0.4);

        Assert.False(TakeItOrLeaveIt.IsWar(in terms, 0.5, 0.4, 0.3, out double x));
        Assert.Equal(0.65, x, 12);
        Assert.True(TakeItOrLeaveIt.IsWar(in terms, 0.5, 0.4, 0.2, out _));
    }
}

/// <summary>A protocol that breaks its contract: no war, at a settlement the test chooses.</summary>
internal readonly struct BrokenSettlement : IBargainingProtocol
{
    public static double Value { get; set; }

    public static bool PrivateDefenderCost => false;

    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        settlement = Value;
        return false;
    }
}

/// <summary>A protocol that throws.</summary>
internal readonly struct ThrowingProtocol : IBargainingProtocol
{
    public static bool PrivateDefenderCost => false;

    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement) =>
        throw new FormatException("my protocol broke");
}
