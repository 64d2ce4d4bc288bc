using BenchmarkDotNet.Attributes;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// The Monte Carlo runner on 10^7 rounds of the default crisis with 1 and 2 threads; the reported mean is ns per round,
/// and the parallel efficiency is t(1) / (2 t(2)). Results are bit-identical for both (a test checks it).
/// </summary>
[MemoryDiagnoser]
public class Parallel
{
    private const int Rounds = 10_000_000;
    private MonteCarlo _monteCarlo = null!;

    /// <summary>Gets or sets the number of worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Compiles the embedded scenario once.</summary>
    [GlobalSetup]
    public void Setup() => _monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));

    /// <summary>Plays 10^7 rounds.</summary>
    /// <returns>The war count.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public long Round() => _monteCarlo.Run("east-china-sea", new RoundOptions { Rounds = Rounds, Seed = 1, Threads = Threads }).Outcomes[Outcomes.Outcome.War].Count;
}
