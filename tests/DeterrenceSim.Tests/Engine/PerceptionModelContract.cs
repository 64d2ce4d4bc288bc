using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The contract every <see cref="IPerceptionModel"/> meets (one abstract test class, one subclass per implementation,
/// below): beliefs in [0, 1] for any logit (±∞ included), noise and shock; non-decreasing in the logit and, with noise,
/// in the shock (a positive shock raises C's chance); the shock ignored without noise; a pure function;
/// <see cref="IPerceptionModel.LargestDecline"/> in [0, 1] and a true bound of a belief's fall; and a Monte Carlo run
/// with the model bit-identical for any thread count.
/// </summary>
/// <typeparam name="TPerception">The model under test.</typeparam>
public abstract class PerceptionModelContract<TPerception>
    where TPerception : struct, IPerceptionModel
{
    private static readonly double[] Logits = [double.NegativeInfinity, -50, -5, -1, -0.1, 0, 0.1, 1, 5, 50, double.PositiveInfinity];
    private static readonly double[] Noises = [0, 0.1, 0.6, 2, 10];
    private static readonly double[] Shocks = [-8, -2, -0.5, 0, 0.5, 2, 8];

    [Fact]
    public void Belief_AnyInput_WithinUnitInterval()
    {
        foreach (double logit in Logits)
        {
            foreach (double noise in Noises)
            {
                foreach (double shock in Shocks)
                {
                    double p = TPerception.Belief(logit, noise, shock);
                    if (!(p >= 0 && p <= 1))
                    {
                        Assert.Fail($"belief {p:R} at L {logit:R}, σ {noise:R}, η {shock:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Belief_HigherLogit_NotLower()
    {
        foreach (double noise in Noises)
        {
            foreach (double shock in Shocks)
            {
                for (int i = 1; i < Logits.Length; i++)
                {
                    if (!(TPerception.Belief(Logits[i], noise, shock) >= TPerception.Belief(Logits[i - 1], noise, shock)))
                    {
                        Assert.Fail($"L {Logits[i - 1]:R} -> {Logits[i]:R}, σ {noise:R}, η {shock:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Belief_HigherShock_NotLower()
    {
        foreach (double logit in Logits)
        {
            foreach (double noise in Noises)
            {
                for (int i = 1; i < Shocks.Length; i++)
                {
                    if (!(TPerception.Belief(logit, noise, Shocks[i]) >= TPerception.Belief(logit, noise, Shocks[i - 1])))
                    {
                        Assert.Fail($"η {Shocks[i - 1]:R} -> {Shocks[i]:R}, L {logit:R}, σ {noise:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Belief_ZeroNoise_IgnoresShock()
    {
        foreach (double logit in Logits)
        {
            double p = TPerception.Belief(logit, 0, 0);
            foreach (double shock in Shocks)
            {
                Assert.Equal(p, TPerception.Belief(logit, 0, shock));
            }
        }
    }

    [Fact]
    public void Belief_SameArguments_SameBits()
    {
        foreach (double logit in Logits)
        {
            foreach (double noise in Noises)
            {
                foreach (double shock in Shocks)
                {
                    Assert.Equal(
                        BitConverter.DoubleToInt64Bits(TPerception.Belief(logit, noise, shock)),
                        BitConverter.DoubleToInt64Bits(TPerception.Belief(logit, noise, shock)));
                }
            }
        }
    }

    [Fact]
    public void LargestDecline_AnyGap_WithinUnitIntervalAndBoundsTheFallOfTheBelief()
    {
        foreach (double gap in new[] { 1e-6, 0.01, 0.1, 0.5, 1, 3, 10, 100 })
        {
            double bound = TPerception.LargestDecline(gap);
            if (!(bound >= 0 && bound <= 1))
            {
                Assert.Fail($"bound {bound:R} at gap {gap:R}");
            }
            for (int i = -400; i <= 400; i++)
            {
                double logit = i * 0.05;
                foreach (double noise in Noises)
                {
                    foreach (double shock in Shocks)
                    {
                        double fall = TPerception.Belief(logit, noise, shock) - TPerception.Belief(logit - gap, noise, shock);
                        if (!(fall <= bound + 1e-12))
                        {
                            Assert.Fail($"fall {fall:R} above the bound {bound:R} at gap {gap:R}, L {logit:R}, σ {noise:R}, η {shock:R}");
                        }
                    }
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
            monteCarlo.Run<NashSplit, TPerception, PowellPreventiveWar>("crisis", new RoundOptions { Rounds = Rounds, Seed = 3, Threads = threads });

        var one = Result(1);
        Assert.Equal(SimulationResultJson.ToJson(one with { Threads = 0 }), SimulationResultJson.ToJson(Result(2) with { Threads = 0 }));
        Assert.Equal(Rounds, Enum.GetValues<Outcome>().Sum(o => one[o].Count));
    }
}

/// <summary>The built-in logistic perception passes the perception contract.</summary>
public sealed class LogisticPerceptionContract : PerceptionModelContract<LogisticPerception>
{
}

/// <summary>A user-defined perception (a probit link) passes the perception contract.</summary>
public sealed class ProbitPerceptionContract : PerceptionModelContract<ProbitPerception>
{
}
