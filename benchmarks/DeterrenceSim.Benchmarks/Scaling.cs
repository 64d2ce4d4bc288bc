using BenchmarkDotNet.Attributes;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Cost per supporter-round on synthetic scenarios with 10 to 10,000 supporters of the defender, one thread. The
/// defender has supporter noise (0.3), so each round draws and transforms one normal per supporter; every invocation
/// plays 10^7 supporter-rounds (10^7 / n rounds), so the reported mean is nanoseconds per supporter-round and should
/// stay flat as n grows.
/// </summary>
[MemoryDiagnoser]
public class Scaling
{
    private const int SupporterRounds = 10_000_000;
    private MonteCarlo _monteCarlo = null!;

    /// <summary>Gets or sets the number of supporters n.</summary>
    [Params(10, 100, 1_000, 10_000)]
    public int Supporters { get; set; }

    /// <summary>Builds the synthetic scenario.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var states = new List<State>
        {
            new("C", "Challenger", 1.0, "Theatre") { Perception = new PerceptionProfile(Credulity: 0.5, Noise: 0.5) },
            new("D", "Defender", 0.5, "Theatre") { Perception = new PerceptionProfile(Credulity: 0.5, Noise: 0.5, SupporterNoise: 0.3) },
        };
        var commitments = new List<Commitment>();
        for (int i = 0; i < Supporters; i++)
        {
            string id = "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            states.Add(new State(id, id, 1.0 / Supporters, "Elsewhere"));
            commitments.Add(new Commitment(id, "D", CommitmentKind.BilateralDefence, 0.5, 0.7) { Scope = ["Theatre"] });
        }

        var crisis = new Crisis("synthetic", "C", "D", new Theatre("Theatre"), 0.5, 0.1) { DefenderCost = 0.1 };
        _monteCarlo = new MonteCarlo(CompiledScenario.Compile(new Scenario("scaling", states, [crisis]) { Commitments = commitments }));
    }

    /// <summary>Plays 10^7 / n rounds on one thread.</summary>
    /// <returns>The war count, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = SupporterRounds)]
    public long SupporterRound() =>
        _monteCarlo.Run("synthetic", new RoundOptions { Rounds = SupporterRounds / Supporters, Seed = 1, Threads = 1 }).Outcomes[Outcomes.Outcome.War].Count;
}
