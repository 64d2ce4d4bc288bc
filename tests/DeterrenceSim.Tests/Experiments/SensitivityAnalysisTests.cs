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
        var s1 = result.Indices.FirstOrder[0];
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| crises.crisis-1.challengerCost: first order S1 | {s1.Estimate:F4} | [{s1.Lower:F4}, {s1.Upper:F4}] |"), result.ToMarkdown(), StringComparison.Ordinal);
        Assert.Equal(4, System.Xml.Linq.XElement.Parse(result.ToHtml()).Descendants("tbody").Single().Elements("tr").Count());
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

    [Fact]
    public void SobolGFunctionThroughTheDesignMatchesItsAnalyticIndices()
    {
        // Sobol's G function, G(x) = prod (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^8 with a = (0, 1, 4.5, 9, 99, 99, 99, 99)
        // (Saltelli et al. 2010, section 4): V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1, S_i = V_i / V,
        // ST_i = V_i prod_(j != i) (1 + V_j) / V. Evaluated on ExperimentDesign.Sobol's points, N = 8192; SALib's tolerance.
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        var design = ExperimentDesign.Sobol(8192, [.. a.Select((_, i) => Factor.Parse($"x.x{i}=0:1"))]);
        var outputs = new double[design.PointCount];
        var x = new double[a.Length];
        for (long p = 0; p < design.PointCount; p++)
        {
            design.GetPoint(p, x);
            double g = 1;
            for (int i = 0; i < a.Length; i++)
            {
                g *= (Math.Abs((4 * x[i]) - 2) + a[i]) / (1 + a[i]);
            }

            outputs[p] = g;
        }

        var indices = SobolAnalysis.Analyze(outputs, a.Length, resamples: 200);
        double[] vi = [.. a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai)))];
        double v = vi.Aggregate(1.0, (product, value) => product * (1 + value)) - 1;
        for (int i = 0; i < a.Length; i++)
        {
            double others = vi.Where((_, j) => j != i).Aggregate(1.0, (product, value) => product * (1 + value));
            Assert.Equal(vi[i] / v, indices.FirstOrder[i].Estimate, 0.05);
            Assert.Equal(vi[i] * others / v, indices.TotalOrder[i].Estimate, 0.05);
        }
    }
}
