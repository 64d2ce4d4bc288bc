using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Experiments;

public class SobolAnalysisTests
{
    private const double Tolerance = 0.05; // SALib's own test tolerance for the Ishigami indices

    [Fact]
    public void Analyze_Ishigami_MatchesAnalyticIndices()
    {
        // Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi); closed-form partial
        // variances as in Saltelli et al. (2008), "Global Sensitivity Analysis. The Primer", section 4.5.
        const double a = 7, b = 0.1;
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v = (a * a / 8) + (b * pi4 / 5) + (b * b * pi8 / 18) + 0.5;
        double v1 = 0.5 * Math.Pow(1 + (b * pi4 / 5), 2);
        double v2 = a * a / 8;
        double v13 = b * b * pi8 * ((1.0 / 18) - (1.0 / 50));
        double[] s = [v1 / v, v2 / v, 0];
        double[] st = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.Equal(0.3139, s[0], 4); // the commonly quoted values: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)
        Assert.Equal(0.4424, s[1], 4);
        Assert.Equal(0.5576, st[0], 4);
        Assert.Equal(0.2437, st[2], 4);

        double[] outputs = Evaluate(8192, 3, x =>
        {
            double x1 = -Math.PI + (2 * Math.PI * x[0]);
            double x2 = -Math.PI + (2 * Math.PI * x[1]);
            double x3 = -Math.PI + (2 * Math.PI * x[2]);
            return Math.Sin(x1) + (a * Math.Sin(x2) * Math.Sin(x2)) + (b * Math.Pow(x3, 4) * Math.Sin(x1));
        });
        SobolIndices result = SobolAnalysis.Analyze(outputs, 3);

        Assert.Equal(8192, result.BaseSamples);
        Assert.Equal(v, result.Variance, v * Tolerance);
        AssertIndices(s, result.FirstOrder);
        AssertIndices(st, result.TotalOrder);
    }

    [Fact]
    public void Analyze_LinearModel_IndicesAreSquaredCoefficientShares()
    {
        // f = sum c_i x_i with independent x_i ~ U(0, 1): V_i = c_i^2 / 12, no interactions, so S_i = ST_i = c_i^2 / sum c^2.
        double[] c = [1, 2, 3, 0.5];
        double sumSquares = c.Sum(x => x * x);
        double[] outputs = Evaluate(4096, c.Length, x =>
        {
            double f = 0;
            for (int i = 0; i < c.Length; i++)
            {
                f += c[i] * x[i];
            }

            return f;
        });

        SobolIndices result = SobolAnalysis.Analyze(outputs, c.Length);

        double[] expected = [.. c.Select(x => x * x / sumSquares)];
        AssertIndices(expected, result.FirstOrder);
        AssertIndices(expected, result.TotalOrder);
        Assert.Equal(sumSquares / 12, result.Variance, 0.01 * sumSquares / 12);
    }

    [Fact]
    public void Analyze_TwoRowsByHand_MatchesEstimatorFormulas()
    {
        // k = 1, rows (f(A), f(AB), f(B)) = (1, 2, 3) and (4, 6, 5).
        // V = population variance of {1, 3, 4, 5} = 2.1875.
        // S = mean(f(B)(f(AB) - f(A))) / V = ((3 * 1) + (5 * 2)) / 2 / 2.1875.
        // ST = mean((f(A) - f(AB))^2) / (2V) = ((1 + 4) / 2) / (2 * 2.1875).
        SobolIndices result = SobolAnalysis.Analyze(new double[] { 1, 2, 3, 4, 6, 5 }, 1, resamples: 50);

        Assert.Equal(2, result.BaseSamples);
        Assert.Equal(2.1875, result.Variance, 12);
        Assert.Equal(6.5 / 2.1875, result.FirstOrder[0].Estimate, 12);
        Assert.Equal(2.5 / 4.375, result.TotalOrder[0].Estimate, 12);
    }

    [Fact]
    public void Analyze_SameSeed_IdenticalIntervals_OtherSeedDiffers()
    {
        double[] outputs = Evaluate(256, 2, x => x[0] + (x[1] * x[1]) + (x[0] * x[1]));

        SobolIndices first = SobolAnalysis.Analyze(outputs, 2, resamples: 200, seed: 42);
        SobolIndices second = SobolAnalysis.Analyze(outputs, 2, resamples: 200, seed: 42);
        SobolIndices other = SobolAnalysis.Analyze(outputs, 2, resamples: 200, seed: 43);

        Assert.Equal(first.FirstOrder, second.FirstOrder);
        Assert.Equal(first.TotalOrder, second.TotalOrder);
        Assert.Equal(first.FirstOrder[0].Estimate, other.FirstOrder[0].Estimate);
        Assert.NotEqual(first.FirstOrder[0].Lower, other.FirstOrder[0].Lower);
    }

    [Fact]
    public void Analyze_HigherConfidence_WiderInterval()
    {
        double[] outputs = Evaluate(256, 2, x => x[0] + (x[1] * x[1]) + (x[0] * x[1]));

        SensitivityIndex narrow = SobolAnalysis.Analyze(outputs, 2, resamples: 400, confidenceLevel: 0.5).TotalOrder[1];
        SensitivityIndex wide = SobolAnalysis.Analyze(outputs, 2, resamples: 400, confidenceLevel: 0.99).TotalOrder[1];

        Assert.True(wide.Lower < narrow.Lower && narrow.Upper < wide.Upper);
        Assert.Equal(narrow.StandardError, wide.StandardError); // same seed, same resamples
        Assert.True(narrow.StandardError > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(11)]
    public void Analyze_LengthNotMultipleOfFactorsPlusTwo_Throws(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyze(new double[length], 3));
        Assert.Equal("outputs", ex.ParamName);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains("5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1000, 0.95)]
    [InlineData(-1, 1000, 0.95)]
    [InlineData(1, 1, 0.95)]
    [InlineData(1, 0, 0.95)]
    [InlineData(1, 1000, 0.0)]
    [InlineData(1, 1000, 1.0)]
    [InlineData(1, 1000, double.NaN)]
    public void Analyze_ArgumentOutOfRange_Throws(int factors, int resamples, double confidenceLevel) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolAnalysis.Analyze(new double[] { 1, 2, 3, 4, 5, 6 }, factors, resamples, confidenceLevel));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Analyze_NonFiniteOutput_ThrowsNamingIndex(double bad)
    {
        double[] outputs = [1, 2, 3, 4, 6, 5];
        outputs[4] = bad;
        var ex = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyze(outputs, 1));
        Assert.Contains("Output 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ZeroVariance_Throws()
    {
        // f(A) and f(B) constant: V = 0, even though f(AB) varies.
        var ex = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyze(new double[] { 2, 1, 2, 2, 3, 2 }, 1));
        Assert.Contains("zero variance", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_EqualNonZeroOutputs_AreZeroVarianceNotRoundingError()
    {
        // 0.18 sixteen times: the mean is 0.18 only up to rounding, so a naive variance is about 1e-34, not 0.
        var outputs = Enumerable.Repeat(0.18, 8 * 3).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyze(outputs, 1));
        Assert.Contains("zero variance", ex.Message, StringComparison.Ordinal);
    }

    // Model outputs on the Saltelli design with n base rows, in the layout SobolAnalysis reads.
    private static double[] Evaluate(int n, int factors, Func<double[], double> model)
    {
        var sequence = new SobolSequence(2 * factors);
        var outputs = new double[SaltelliSampling.PointCount(n, factors)];
        var x = new double[factors];
        for (int p = 0; p < outputs.Length; p++)
        {
            SaltelliSampling.GetUnitPoint(sequence, factors, p, x);
            outputs[p] = model(x);
        }

        return outputs;
    }

    private static void AssertIndices(double[] expected, IReadOnlyList<SensitivityIndex> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            SensitivityIndex index = actual[i];
            Assert.True(Math.Abs(index.Estimate - expected[i]) <= Tolerance, $"index {i}: estimate {index.Estimate}, expected {expected[i]}");
            Assert.True(index.Lower <= index.Estimate + Tolerance && index.Estimate - Tolerance <= index.Upper, $"index {i}: estimate {index.Estimate} far outside [{index.Lower}, {index.Upper}]");
            Assert.True(expected[i] >= index.Lower - Tolerance && expected[i] <= index.Upper + Tolerance, $"index {i}: {expected[i]} more than {Tolerance} outside [{index.Lower}, {index.Upper}]");
            Assert.True(index.StandardError > 0 && double.IsFinite(index.StandardError), $"index {i}: standard error {index.StandardError}");
        }
    }
}
