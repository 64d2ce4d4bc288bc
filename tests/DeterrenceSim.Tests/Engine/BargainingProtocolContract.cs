using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The contract every <see cref="IBargainingProtocol"/> meets (as MathNet's common distribution tests: one abstract
/// test class, one subclass per implementation, below). Checked on grids over the whole domain
/// (<see cref="StrategyGrids"/>): without war the settlement lies in [0, 1] and in the perceived bargaining range
/// [p̂_C − c_C, p̂_D + c_D] (clamped to [0, 1]), so an empty range means war (Fearon 1995); war is monotone in optimism
/// (Blainey 1973) and in the defender's cost; the decision is a pure function; and a Monte Carlo run with the protocol
/// is bit-identical for any thread count, its outcome counts summing to the rounds.
/// </summary>
/// <typeparam name="TProtocol">The protocol under test.</typeparam>
public abstract class BargainingProtocolContract<TProtocol>
    where TProtocol : struct, IBargainingProtocol
{
    private static readonly double[] Beliefs = StrategyGrids.Beliefs;

    [Fact]
    public void IsWar_NoWar_SettlementWithinUnitIntervalAndPerceivedBargainingRange()
    {
        int peace = 0;
        foreach (var (terms, challenger, defender, cost) in Inputs())
        {
            if (TProtocol.IsWar(in terms, challenger, defender, cost, out double x))
            {
                continue;
            }

            peace++;
            double lower = Math.Clamp(challenger - terms.ChallengerCost, 0, 1);
            double upper = Math.Clamp(defender + cost, 0, 1);
            if (!(x >= 0 && x <= 1 && x >= lower - 1e-12 && x <= upper + 1e-12))
            {
                Assert.Fail($"settlement {x:R} outside [{lower:R}, {upper:R}] at {terms}, p̂_C {challenger:R}, p̂_D {defender:R}, c_D {cost:R}");
            }
        }

        Assert.True(peace > 0, "the protocol never settles on the grid");
    }

    [Fact]
    public void IsWar_EmptyPerceivedBargainingRange_War()
    {
        foreach (var (terms, challenger, defender, cost) in Inputs())
        {
            if (challenger - terms.ChallengerCost > defender + cost)
            {
                if (!TProtocol.IsWar(in terms, challenger, defender, cost, out _))
                {
                    Assert.Fail($"peace with an empty range at {terms}, p̂_C {challenger:R}, p̂_D {defender:R}, c_D {cost:R}");
                }
            }
        }
    }

    [Fact]
    public void IsWar_MoreOptimisticChallenger_NeverTurnsWarIntoPeace()
    {
        foreach (var terms in StrategyGrids.BargainingTerms())
        {
            foreach (double cost in StrategyGrids.Costs)
            {
                foreach (double defender in Beliefs)
                {
                    AssertMonotone(Beliefs.Select(challenger => TProtocol.IsWar(in terms, challenger, defender, cost, out _)), $"p̂_C rising at {terms}, p̂_D {defender:R}, c_D {cost:R}");
                }
            }
        }
    }

    [Fact]
    public void IsWar_MoreOptimisticDefender_NeverTurnsWarIntoPeace()
    {
        foreach (var terms in StrategyGrids.BargainingTerms())
        {
            foreach (double cost in StrategyGrids.Costs)
            {
                foreach (double challenger in Beliefs)
                {
                    AssertMonotone(Beliefs.Reverse().Select(defender => TProtocol.IsWar(in terms, challenger, defender, cost, out _)), $"p̂_D falling at {terms}, p̂_C {challenger:R}, c_D {cost:R}");
                }
            }
        }
    }

    [Fact]
    public void IsWar_HigherDefenderCost_NeverTurnsPeaceIntoWar()
    {
        foreach (var terms in StrategyGrids.BargainingTerms())
        {
            foreach (double challenger in Beliefs)
            {
                foreach (double defender in Beliefs)
                {
                    AssertMonotone(StrategyGrids.Costs.Reverse().Select(cost => TProtocol.IsWar(in terms, challenger, defender, cost, out _)), $"c_D falling at {terms}, p̂_C {challenger:R}, p̂_D {defender:R}");
                }
            }
        }
    }

    [Fact]
    public void IsWar_SameArguments_SameDecisionAndSettlement()
    {
        foreach (var (terms, challenger, defender, cost) in Inputs())
        {
            bool war = TProtocol.IsWar(in terms, challenger, defender, cost, out double x);
            bool again = TProtocol.IsWar(in terms, challenger, defender, cost, out double y);
            Assert.Equal(war, again);
            Assert.True(war || BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y));
        }
    }

    [Fact]
    public void Run_OneOrTwoThreads_BitIdenticalAndOutcomesSumToRounds()
    {
        const long Rounds = 40_000; // three chunks, so two threads split them
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(StrategyGrids.NoisyCrisis()));
        SimulationResult Result(int threads) =>
            monteCarlo.Run<TProtocol>("crisis", new RoundOptions { Rounds = Rounds, Seed = 3, Threads = threads });

        var one = Result(1);
        Assert.Equal(SimulationResultJson.ToJson(one with { Threads = 0 }), SimulationResultJson.ToJson(Result(2) with { Threads = 0 }));
        Assert.Equal(Rounds, Enum.GetValues<Outcome>().Sum(o => one[o].Count));
        Assert.Equal(one[Outcome.War].Count, Enum.GetValues<WarCause>().Sum(c => one[c].Count));
    }

    /// <summary>Asserts that a sequence of decisions, once true, stays true.</summary>
    private static void AssertMonotone(IEnumerable<bool> wars, string where)
    {
        bool war = false;
        foreach (bool w in wars)
        {
            Assert.False(war && !w, "war turned into peace: " + where);
            war |= w;
        }
    }

    private static IEnumerable<(BargainingTerms Terms, double Challenger, double Defender, double Cost)> Inputs() =>
        from terms in StrategyGrids.BargainingTerms()
        from cost in StrategyGrids.Costs
        from challenger in Beliefs
        from defender in Beliefs
        select (terms, challenger, defender, cost);
}

/// <summary>The built-in Nash split passes the protocol contract.</summary>
public sealed class NashSplitContract : BargainingProtocolContract<NashSplit>
{
}

/// <summary>The built-in take-it-or-leave-it protocol passes the protocol contract.</summary>
public sealed class TakeItOrLeaveItContract : BargainingProtocolContract<TakeItOrLeaveIt>
{
}

/// <summary>A user-defined protocol (the sample's) passes the protocol contract.</summary>
public sealed class DefenderUltimatumContract : BargainingProtocolContract<DefenderUltimatum>
{
}
