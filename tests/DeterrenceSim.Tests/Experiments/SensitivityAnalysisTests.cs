using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Experiments;

public class SensitivityAnalysisTests
{
    [Fact]
    public void AParameterThatPlaysNoPartHasIndicesOfExactlyZero()
    {
        // The supporter's own credulity plays no part in this crisis: with common random numbers, changing it changes no
        // output, so f(AB_i) = f(A) at every row and both estimators are exactly 0 (not just within noise).
        var result = SensitivityAnalysis.Run(
            SweepTests.Noisy(),
            [Factor.Parse("crises.crisis-1.challengerCost=0.05:0.3"), Factor.Parse("states.CCC.perception.credulity=0:1")],
            64,
            "war",
            new SweepOptions { Rounds = 2_000, Replications = 1, Seed = 3, Threads = 2 });
        Assert.Equal(64 * 4, result.Design.PointCount);
        Assert.Equal(0, result.Indices.FirstOrder[1].Estimate);
        Assert.Equal(0, result.Indices.TotalOrder[1].Estimate);
        Assert.Equal(0, result.Indices.TotalOrder[1].Upper);

        // The only parameter that matters carries all of the variance.
        Assert.InRange(result.Indices.TotalOrder[0].Estimate, 0.9, 1.1);
        Assert.InRange(result.Indices.FirstOrder[0].Estimate, 0.8, 1.2);
        Assert.Contains("crises.crisis-1.challengerCost", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void APointThatCannotRunStopsTheAnalysisWithItsValues()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SensitivityAnalysis.Run(
            SweepTests.Noisy(),
            [Factor.Parse("crises.crisis-1.statusQuo=0.5:1.5")],
            8,
            "war",
            new SweepOptions { Rounds = 100, Replications = 1 }));
        Assert.Contains("crises.crisis-1.statusQuo=", e.Message, StringComparison.Ordinal);
        Assert.Contains("narrow the ranges", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewBaseSamplesAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SensitivityAnalysis.Run(SweepTests.Noisy(), [Factor.Parse("states.AAA.perception.noise=0.2:1")], 2));

    [Fact]
    public void AMetricThatDoesNotVaryIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SensitivityAnalysis.Run(
            SweepTests.Noisy(),
            [Factor.Parse("states.CCC.perception.credulity=0:1")],
            8,
            "war",
            new SweepOptions { Rounds = 100, Replications = 1 }));
        Assert.Contains("does not vary", e.Message, StringComparison.Ordinal);
    }
}
