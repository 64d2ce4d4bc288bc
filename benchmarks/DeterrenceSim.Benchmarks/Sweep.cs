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
/// compiling the scenario, and setting up the Monte Carlo run. <see cref="ContrastPointOverhead"/> does the same for a
/// paired policy contrast (<see cref="Experiments.Sweep.Contrast"/>: the embedded variant <c>engagement-deepened</c>
/// against the scenario as it is, over the challenger's credulity and noise), which compiles and plays two scenarios a point.
/// </summary>
[MemoryDiagnoser]
public class Sweep
{
    private const int Points = 16;
    private const int LargePoints = 1_024;
    private Scenario _scenario = null!;
    private Scenario _policy = null!;
    private ExperimentDesign _design = null!;
    private ExperimentDesign _contrastDesign = null!;
    private ExperimentDesign _largeDesign = null!;

    /// <summary>Loads the embedded scenario and builds the design once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        _policy = ScenarioVariants.Apply(_scenario, "engagement-deepened");

        // The policy sets the partnerships' signals, which a contrast cannot vary: the challenger's noise instead.
        _contrastDesign = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:4"), Factor.Parse("states.CHN.perception.noise=0.2:0.8:4"));
        _design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:4"), Factor.Parse("commitments.Partnership.signal=0.2:0.8:4"));
        _largeDesign = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:32"), Factor.Parse("commitments.Partnership.signal=0.2:0.8:32"));
    }

    /// <summary>16 points of 4 replications of 1,000 rounds of <c>east-china-sea</c>.</summary>
    /// <returns>The number of rows, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Points)]
    public int SmallDesign() => Run(rounds: 1_000, replications: 4);

    /// <summary>16 points of one round each: the per-point overhead.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark(OperationsPerInvoke = Points)]
    public int PointOverhead() => Run(rounds: 1, replications: 1);

    /// <summary>1,024 points of one round each (a 32 × 32 grid): the per-point overhead in a design of the size it
    /// matters for, where building the sweep once is spread over a thousand points rather than 16.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark(OperationsPerInvoke = LargePoints)]
    public int PointOverheadLargeDesign() => Run(rounds: 1, replications: 1, design: _largeDesign);

    /// <summary>16 points of one round each of a paired contrast: the per-point overhead of a contrast.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark(OperationsPerInvoke = Points)]
    public int ContrastPointOverhead() => Run(rounds: 1, replications: 1, contrast: true);

    private int Run(long rounds, int replications, bool contrast = false, ExperimentDesign? design = null)
    {
        var options = new SweepOptions { Rounds = rounds, Replications = replications, Seed = 1, Threads = 1 };
        var sweep = contrast ? Experiments.Sweep.Contrast(_scenario, _policy, _contrastDesign, options) : new Experiments.Sweep(_scenario, design ?? _design, options);
        int rows = 0;
        foreach (var row in sweep.Rows())
        {
            rows += row.Error is null ? 1 : 0;
        }

        return rows;
    }
}
