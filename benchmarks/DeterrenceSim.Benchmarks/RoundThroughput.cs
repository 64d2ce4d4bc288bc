using BenchmarkDotNet.Attributes;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Rounds per second of each crisis of the embedded Indo-Pacific scenario, on one thread, through the public
/// <see cref="MonteCarlo"/> API. The reported mean is nanoseconds per round (OperationsPerInvoke = rounds).
/// </summary>
[MemoryDiagnoser]
public class RoundThroughput
{
    private const int Rounds = 1 << 18;
    private MonteCarlo _monteCarlo = null!;

    /// <summary>Gets or sets the crisis id.</summary>
    [Params("east-china-sea", "korean-peninsula", "baltic")]
    public string Crisis { get; set; } = "east-china-sea";

    /// <summary>Compiles the embedded scenario once.</summary>
    [GlobalSetup]
    public void Setup() => _monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));

    /// <summary>Plays <c>2^18</c> rounds on one thread.</summary>
    /// <returns>The war count, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public long Round() => _monteCarlo.Run(Crisis, new RoundOptions { Rounds = Rounds, Seed = 1, Threads = 1 }).Outcomes[Outcomes.Outcome.War].Count;
}
