using BenchmarkDotNet.Attributes;
using DeterrenceSim.Experiments;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Design points per second of a sweep of the embedded Indo-Pacific scenario on one thread, through the public
/// <see cref="Sweep.Rows"/> API: a 4 × 4 grid over the challenger's credulity and the partnerships' signals. The
/// reported mean is nanoseconds per design point (OperationsPerInvoke = points). <see cref="PointOverhead"/> plays one
/// round per point, so it measures what a point costs besides its rounds: applying the overrides, validating and
/// compiling the scenario, and setting up the Monte Carlo run.
/// </summary>
[MemoryDiagnoser]
public class Sweep
{
    private const int Points = 16;
    private Scenario _scenario = null!;
    private ExperimentDesign _design = null!;

    /// <summary>Loads the embedded scenario and builds the design once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        _design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:4"), Factor.Parse("commitments.Partnership.signal=0.2:0.8:4"));
    }

    /// <summary>16 points of 4 replications of 1,000 rounds of <c>east-china-sea</c>.</summary>
    /// <returns>The number of rows, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Points)]
    public int SmallDesign() => Run(rounds: 1_000, replications: 4);

    /// <summary>16 points of one round each: the per-point overhead.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark(OperationsPerInvoke = Points)]
    public int PointOverhead() => Run(rounds: 1, replications: 1);

    private int Run(long rounds, int replications)
    {
        var sweep = new Experiments.Sweep(_scenario, _design, new SweepOptions { Rounds = rounds, Replications = replications, Seed = 1, Threads = 1 });
        int rows = 0;
        foreach (var row in sweep.Rows())
        {
            rows += row.Error is null ? 1 : 0;
        }

        return rows;
    }
}
