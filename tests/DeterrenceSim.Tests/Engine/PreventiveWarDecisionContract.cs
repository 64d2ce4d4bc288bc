using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The contract every <see cref="IPreventiveWarDecision"/> meets (one abstract test class, one subclass per
/// implementation, below): no strike without a closing window (p̂' &lt; p̂; Powell 2006's commitment problem needs a
/// shift of power); a deeper decline never turns a strike into none, higher costs never turn none into a strike;
/// <see cref="IPreventiveWarDecision.CanStrike"/> false only when no decline within its bound strikes; a pure
/// function; and a Monte Carlo run with the decision bit-identical for any thread count.
/// </summary>
/// <typeparam name="TWarDecision">The decision under test.</typeparam>
public abstract class PreventiveWarDecisionContract<TWarDecision>
    where TWarDecision : struct, IPreventiveWarDecision
{
    private static readonly double[] Beliefs = StrategyGrids.Beliefs;

    [Fact]
    public void IsPreventive_NoDecline_NoStrike()
    {
        foreach (var terms in StrategyGrids.PreventiveTerms())
        {
            foreach (double belief in Beliefs)
            {
                foreach (double deepened in Beliefs.Where(d => d >= belief))
                {
                    if (TWarDecision.IsPreventive(in terms, belief, deepened))
                    {
                        Assert.Fail($"strike at {terms}, p̂ {belief:R}, p̂' {deepened:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void IsPreventive_DeeperDecline_NeverTurnsStrikeIntoNone()
    {
        foreach (var terms in StrategyGrids.PreventiveTerms())
        {
            foreach (double belief in Beliefs)
            {
                bool strike = false;
                foreach (double deepened in Beliefs.Reverse())
                {
                    bool now = TWarDecision.IsPreventive(in terms, belief, deepened);
                    if (strike && !now)
                    {
                        Assert.Fail($"a deeper decline stopped the strike at {terms}, p̂ {belief:R}, p̂' {deepened:R}");
                    }
                    strike |= now;
                }
            }
        }
    }

    [Fact]
    public void IsPreventive_HigherCosts_NeverTurnsNoneIntoStrike()
    {
        foreach (var terms in StrategyGrids.PreventiveTerms())
        {
            foreach (double belief in Beliefs)
            {
                foreach (double deepened in Beliefs)
                {
                    if (TWarDecision.IsPreventive(in terms, belief, deepened))
                    {
                        continue;
                    }

                    foreach (double more in StrategyGrids.Costs)
                    {
                        var costlier = terms with { ChallengerCost = Math.Max(terms.ChallengerCost, more), DefenderCost = Math.Max(terms.DefenderCost, more) };
                        if (TWarDecision.IsPreventive(in costlier, belief, deepened))
                        {
                            Assert.Fail($"higher costs {costlier} made a strike at p̂ {belief:R}, p̂' {deepened:R}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void CanStrike_False_NoStrikeWithinTheBound()
    {
        foreach (var terms in StrategyGrids.PreventiveTerms())
        {
            foreach (double bound in new[] { 0, 0.01, 0.1, 0.2444, 0.3, 0.5, 1 })
            {
                if (TWarDecision.CanStrike(in terms, bound))
                {
                    continue;
                }

                for (int i = 0; i <= 200; i++)
                {
                    double belief = i / 200.0;
                    foreach (double decline in new[] { bound, bound * 0.999, bound / 2, bound / 10 })
                    {
                        if (TWarDecision.IsPreventive(in terms, belief, belief - decline))
                        {
                            Assert.Fail($"strike with decline {decline:R} ≤ {bound:R} at {terms}, p̂ {belief:R}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void IsPreventive_SameArguments_SameDecision()
    {
        foreach (var terms in StrategyGrids.PreventiveTerms())
        {
            foreach (double belief in Beliefs)
            {
                foreach (double deepened in Beliefs)
                {
                    Assert.Equal(TWarDecision.IsPreventive(in terms, belief, deepened), TWarDecision.IsPreventive(in terms, belief, deepened));
                }
            }
        }
    }

    [Fact]
    public void Run_OneOrTwoThreads_BitIdenticalAndOutcomesSumToRounds()
    {
        const long Rounds = 40_000;
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(StrategyGrids.NoisyCrisis()));
        SimulationResult Result(int threads) =>
            monteCarlo.Run<NashSplit, LogisticPerception, TWarDecision>("crisis", new RoundOptions { Rounds = Rounds, Seed = 3, Threads = threads });

        var one = Result(1);
        Assert.Equal(SimulationResultJson.ToJson(one with { Threads = 0 }), SimulationResultJson.ToJson(Result(2) with { Threads = 0 }));
        Assert.Equal(Rounds, Enum.GetValues<Outcome>().Sum(o => one[o].Count));
    }
}

/// <summary>Powell's built-in test passes the preventive-war contract.</summary>
public sealed class PowellPreventiveWarContract : PreventiveWarDecisionContract<PowellPreventiveWar>
{
}

/// <summary>The built-in switch-off passes the preventive-war contract.</summary>
public sealed class NoPreventiveWarContract : PreventiveWarDecisionContract<NoPreventiveWar>
{
}

/// <summary>A user-defined decision (a myopic challenger) passes the preventive-war contract.</summary>
public sealed class MyopicPreventiveWarContract : PreventiveWarDecisionContract<MyopicPreventiveWar>
{
}
