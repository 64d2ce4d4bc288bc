using BenchmarkDotNet.Attributes;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Periods per second of runs of the embedded Indo-Pacific scenario (three crises a period, learning, votes, growth,
/// overstretch), one thread, through the public <see cref="MonteCarlo.Simulate"/> API without rows. The reported mean
/// is nanoseconds per period (OperationsPerInvoke = replications × periods).
/// </summary>
[MemoryDiagnoser]
public class Dynamics
{
    private const int Replications = 256;
    private const int Periods = 20;
    private MonteCarlo _monteCarlo = null!;

    /// <summary>Compiles the embedded scenario once.</summary>
    [GlobalSetup]
    public void Setup() => _monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));

    /// <summary>Plays 256 replications of 20 periods on one thread.</summary>
    /// <returns>The number of replications with a war, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Replications * Periods)]
    public long Period() => _monteCarlo.Simulate(new RunOptions { Periods = Periods, Replications = Replications, Seed = 1, Threads = 1 }).AnyWar.Count;
}
