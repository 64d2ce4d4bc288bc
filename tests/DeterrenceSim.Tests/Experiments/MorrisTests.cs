using DeterrenceSim.Experiments;
using DeterrenceSim.IO;

namespace DeterrenceSim.Tests.Experiments;

/// <summary>Morris's design (trajectories on a grid of p levels) and its analysis (μ, μ*, σ of the elementary effects),
/// checked against functions whose elementary effects are known in closed form.</summary>
public class MorrisTests
{
    private static readonly Factor[] Three =
    [
        Factor.Parse("a.x=0:3"),
        Factor.Parse("a.y=-1:1"),
        Factor.Parse("a.z=10:10.5"),
    ];

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(6)]
    public void Morris_EachTrajectory_MovesEachFactorOnceByDeltaOnTheGrid(int levels)
    {
        const int R = 40;
        var design = ExperimentDesign.Morris(R, levels, 7, Three);
        int k = Three.Length;
        Assert.Equal(DesignKind.Morris, design.Kind);
        Assert.Equal(R * (k + 1), design.PointCount);
        Assert.Equal(levels / (2.0 * (levels - 1)), design.Delta);
        for (int t = 0; t < R; t++)
        {
            var moved = new int[k];
            var previous = design.GetPoint(t * (k + 1));
            for (int j = 0; j <= k; j++)
            {
                var point = design.GetPoint((t * (k + 1)) + j);
                for (int i = 0; i < k; i++)
                {
                    var f = Three[i];
                    Assert.InRange(point[i], f.Lower, f.Upper);
                    double level = (point[i] - f.Lower) / (f.Upper - f.Lower) * (levels - 1);
                    Assert.Equal(Math.Round(level), level, 9);
                    if (j > 0 && point[i] != previous[i])
                    {
                        moved[i]++;
                        Assert.Equal(design.Delta * (f.Upper - f.Lower), Math.Abs(point[i] - previous[i]), 12);
                    }
                }

                if (j > 0)
                {
                    // Exactly one factor changes between consecutive points.
                    Assert.Equal(1, Enumerable.Range(0, k).Count(i => point[i] != previous[i]));
                }

                previous = point;
            }

            Assert.All(moved, m => Assert.Equal(1, m));
        }
    }

    [Fact]
    public void Morris_SameSeed_SamePointsAndJsonRoundTrip()
    {
        var design = ExperimentDesign.Morris(12, 4, 99, Three);
        var again = ExperimentDesign.Morris(12, 4, 99, Three);
        var other = ExperimentDesign.Morris(12, 4, 100, Three);
        var points = Enumerable.Range(0, (int)design.PointCount).Select(p => design.GetPoint(p)).ToList();
        Assert.Equal(points, Enumerable.Range(0, (int)again.PointCount).Select(p => again.GetPoint(p)));
        Assert.NotEqual(points, Enumerable.Range(0, (int)other.PointCount).Select(p => other.GetPoint(p)));

        // Points are computed by index: in reverse order they are the same.
        Assert.Equal(points[^1], design.GetPoint(design.PointCount - 1));

        string json = design.ToJson();
        Assert.Contains("\"kind\": \"morris\"", json, StringComparison.Ordinal);
        Assert.Contains("\"levels\": 4", json, StringComparison.Ordinal);
        var loaded = ExperimentDesign.FromJson(json);
        Assert.Equal(design, loaded);
        Assert.NotEqual(design, ExperimentDesign.Morris(12, 6, 99, Three));
        Assert.Equal(points, Enumerable.Range(0, (int)loaded.PointCount).Select(p => loaded.GetPoint(p)));
        Assert.Equal("morris, 12 trajectories over 4 levels, 48 points (seed 99): a.x=0:3, a.y=-1:1, a.z=10:10.5", design.ToString());
        Assert.Equal(DesignKind.Morris, ExperimentDesign.ParseKind("morris"));
        Assert.Equal("morris", ExperimentDesign.Name(DesignKind.Morris));
    }

    [Fact]
    public void Morris_StartsAndDirections_UseEveryLevelAndBothDirections()
    {
        // Over many trajectories each factor starts on each of the p/2 lower levels and moves up as often as down.
        var design = ExperimentDesign.Morris(400, 4, 3, Factor.Parse("a.x=0:3"));
        int up = 0;
        var starts = new HashSet<double>();
        for (int t = 0; t < 400; t++)
        {
            double first = design.GetPoint(2 * t)[0];
            double second = design.GetPoint((2 * t) + 1)[0];
            up += second > first ? 1 : 0;
            starts.Add(Math.Min(first, second));
        }

        Assert.Equal([0.0, 1.0], starts.Order());

        // Binomial(400, 1/2): SD 10; 4 SD.
        Assert.InRange(up, 160, 240);
    }

    [Fact]
    public void Morris_OtherDesignsJson_HasNoLevelsKey()
    {
        // Only Morris designs write the key, so the other designs (and the sidecars that hold them) keep their bytes.
        foreach (var design in new[] { ExperimentDesign.LatinHypercube(4, 1, Three), ExperimentDesign.Sobol(4, Three), ExperimentDesign.Grid(Factor.Parse("a.x=0:1:3")) })
        {
            using var json = System.Text.Json.JsonDocument.Parse(design.ToJson());
            Assert.False(json.RootElement.TryGetProperty("levels", out _));
            Assert.Equal(0, design.Levels);
            Assert.Equal(0, design.Delta);
        }

        using var morris = System.Text.Json.JsonDocument.Parse(ExperimentDesign.Morris(2, 4, 1, Three).ToJson());
        Assert.Equal(4, morris.RootElement.GetProperty("levels").GetInt32());
    }

    [Theory]
    [InlineData(3, 4, "even number of levels")]
    [InlineData(1, 4, "even number of levels")]
    [InlineData(0, 4, "even number of levels")]
    [InlineData(4, 0, "trajectories")]
    public void Morris_BadLevelsOrTrajectories_Refused(int levels, long trajectories, string expected)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentDesign.Morris(trajectories, levels, 1, Three));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Morris_GridFactor_Refused() =>
        Assert.Throws<ArgumentException>(() => ExperimentDesign.Morris(4, 4, 1, Factor.Parse("a.x=0:1:3")));

    [Fact]
    public void Analyze_LinearFunction_MuAndMuStarAreCoefficientTimesRangeAndSigmaZero()
    {
        // y = 2x - 3y + 0z: EE_i = a_i (hi_i - lo_i) in every trajectory (SALib's units: per unit of normalised range).
        double[] a = [2, -3, 0];
        var design = ExperimentDesign.Morris(20, 4, 5, Three);
        var outputs = Outputs(design, v => (a[0] * v[0]) + (a[1] * v[1]) + (a[2] * v[2]));
        var effects = MorrisAnalysis.ElementaryEffects(design, outputs);
        var result = MorrisAnalysis.Analyze(design, outputs, 200, seed: 3);
        for (int i = 0; i < 3; i++)
        {
            double expected = a[i] * (Three[i].Upper - Three[i].Lower);
            Assert.All(effects, e => Assert.Equal(expected, e[i], 1e-12));
            Assert.Equal(expected, result.Mu[i].Estimate, 1e-12);
            Assert.Equal(Math.Abs(expected), result.MuStar[i].Estimate, 1e-12);
            Assert.Equal(0, result.Sigma[i].Estimate, 1e-12);
            Assert.Equal(0, result.MuStar[i].StandardError, 1e-12);
        }

        // The unused input: exactly zero, interval and all.
        Assert.Equal(0, result.MuStar[2].Estimate);
        Assert.Equal(0, result.MuStar[2].Upper);
        Assert.Equal(0, result.Sigma[2].Estimate);
        Assert.Equal(20, result.Trajectories);
        Assert.Equal(4, result.Levels);
    }

    [Fact]
    public void Analyze_Square_EffectsAreTheKnownFiniteDifferencesAndSigmaPositive()
    {
        // y = x^2 on [0, 1] with p = 4: Δ = 2/3 and x in {0, 1/3}, so EE = ((x + Δ)^2 - x^2)/Δ = 2x + Δ, 2/3 or 4/3.
        var design = ExperimentDesign.Morris(50, 4, 11, Factor.Parse("a.x=0:1"), Factor.Parse("a.y=0:1"));
        var outputs = Outputs(design, v => (v[0] * v[0]) + v[1]);
        var effects = MorrisAnalysis.ElementaryEffects(design, outputs);
        Assert.All(effects, e => Assert.True(Math.Abs(e[0] - (2.0 / 3)) < 1e-12 || Math.Abs(e[0] - (4.0 / 3)) < 1e-12, $"EE {e[0]}"));
        Assert.Contains(effects, e => e[0] > 1);
        Assert.Contains(effects, e => e[0] < 1);
        var result = MorrisAnalysis.Analyze(design, outputs, 500, seed: 2);
        double mean = effects.Average(e => e[0]);
        double sd = Math.Sqrt(effects.Sum(e => (e[0] - mean) * (e[0] - mean)) / (effects.Length - 1));
        Assert.Equal(mean, result.Mu[0].Estimate, 1e-12);
        Assert.Equal(mean, result.MuStar[0].Estimate, 1e-12);
        Assert.Equal(sd, result.Sigma[0].Estimate, 1e-12);
        Assert.True(result.Sigma[0].Estimate > 0.2);
        Assert.Equal(1, result.MuStar[1].Estimate, 1e-12);
        Assert.Equal(0, result.Sigma[1].Estimate, 1e-12);
    }

    [Fact]
    public void Analyze_Interaction_GivesSigmaAndCancelsInMu()
    {
        // y = (x - 1/2)(y - 1/2) on [0, 1]^2: EE_x = y - 1/2, ±1/2 or ±1/6 by where y sits: μ near 0, μ* and σ not.
        var design = ExperimentDesign.Morris(200, 4, 13, Factor.Parse("a.x=0:1"), Factor.Parse("a.y=0:1"));
        var outputs = Outputs(design, v => (v[0] - 0.5) * (v[1] - 0.5));
        var result = MorrisAnalysis.Analyze(design, outputs, 1000, seed: 4);
        for (int i = 0; i < 2; i++)
        {
            // |EE| is 1/2 or 1/6, each value of the other factor equally likely: E|EE| = 1/3; SD of mu* <= 1/6/sqrt(200).
            Assert.InRange(result.MuStar[i].Estimate, (1.0 / 3) - 0.06, (1.0 / 3) + 0.06);
            Assert.InRange(result.Mu[i].Estimate, -0.1, 0.1);
            Assert.True(result.Sigma[i].Estimate > 0.25);
            foreach (var m in new[] { result.Mu[i], result.MuStar[i], result.Sigma[i] })
            {
                Assert.InRange(m.Estimate, m.Lower, m.Upper);
                Assert.True(m.StandardError > 0);
            }
        }

        // Seeded: the same seed gives the same intervals.
        Assert.Equal(result.MuStar[0], MorrisAnalysis.Analyze(design, outputs, 1000, seed: 4).MuStar[0]);
        Assert.NotEqual(result.MuStar[0].Lower, MorrisAnalysis.Analyze(design, outputs, 1000, seed: 5).MuStar[0].Lower);
    }

    [Fact]
    public void Analyze_BadInputs_ClearErrors()
    {
        var design = ExperimentDesign.Morris(4, 4, 1, Three);
        var outputs = new double[design.PointCount];
        Assert.Contains("Morris design", Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyze(ExperimentDesign.Sobol(4, Three), new double[20])).Message, StringComparison.Ordinal);
        Assert.Contains("one per design point", Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyze(design, new double[3])).Message, StringComparison.Ordinal);
        outputs[5] = double.NaN;
        Assert.Contains("Output 5", Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyze(design, outputs)).Message, StringComparison.Ordinal);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyze(ExperimentDesign.Morris(1, 4, 1, Three), new double[4])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MorrisAnalysis.Analyze(design, new double[16], resamples: 1));
    }

    [Fact]
    public void RunMorris_UnusedParameter_MuStarExactlyZero_AndTheFileGivesTheSameNumbers()
    {
        // The supporter's credulity plays no part in this crisis: with common random numbers every effect is exactly 0.
        var factors = new[] { Factor.Parse("crises.crisis-1.challengerCost=0.05:0.3"), Factor.Parse("states.CCC.perception.credulity=0:1") };
        var options = new SweepOptions { Rounds = 2_000, Replications = 2, Seed = 3, Threads = 2 };
        var result = SensitivityAnalysis.RunMorris(SweepTests.Noisy(), factors, 10, 4, "war", options, 200);
        Assert.Equal(30, result.Design.PointCount);
        Assert.Equal(0, result.Indices.MuStar[1].Estimate);
        Assert.Equal(0, result.Indices.Sigma[1].Estimate);
        Assert.True(result.Indices.MuStar[0].Estimate > 0.01);
        Assert.Contains("mu-star", result.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, System.Xml.Linq.XElement.Parse(result.ToHtml()).Descendants("tbody").Single().Elements("tr").Count());
        Assert.Contains("| crises.crisis-1.challengerCost: mu-star |", result.ToMarkdown(), StringComparison.Ordinal);

        // The same design swept to a file and analysed from it: identical numbers.
        string folder = Path.Combine(Path.GetTempPath(), "morris-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "m.csv");
            SweepFile.Run(new Sweep(SweepTests.Noisy(), result.Design, options), file);
            var fromFile = SweepFileSensitivity.Morris(file, "war", 200);
            Assert.Equal(SensitivityResultIO.ToJson(result), SensitivityResultIO.ToJson(fromFile));
            Assert.Equal(SensitivityResultIO.ToCsv(result), SensitivityResultIO.ToCsv(fromFile));
            var e = Assert.Throws<SweepFileException>(() => SweepFileSensitivity.Sobol(file));
            Assert.Contains("morris design", e.Message, StringComparison.Ordinal);
            Assert.Contains("sweep --design sobol", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RunMorris_PointThatCannotRun_StopsWithItsValues()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SensitivityAnalysis.RunMorris(
            SweepTests.Noisy(),
            [Factor.Parse("crises.crisis-1.statusQuo=0.5:1.5")],
            4,
            options: new SweepOptions { Rounds = 100, Replications = 1 }));
        Assert.Contains("crises.crisis-1.statusQuo=", e.Message, StringComparison.Ordinal);
        Assert.Contains("Morris elementary effects need every point", e.Message, StringComparison.Ordinal);
    }

    private static double[] Outputs(ExperimentDesign design, Func<double[], double> model) =>
        [.. Enumerable.Range(0, (int)design.PointCount).Select(p => model(design.GetPoint(p)))];
}
