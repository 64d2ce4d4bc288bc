using System.Globalization;
using DeterrenceSim.Engine;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Sobol' variance-based sensitivity indices from model outputs on a Saltelli design (<see cref="SaltelliSampling"/>),
/// with bootstrap confidence intervals.
/// </summary>
/// <remarks>
/// <para>
/// The outputs are a flat array of length N(k + 2) in the layout of <see cref="SaltelliSampling"/>: element
/// r(k + 2) + j is f(A_r) for j = 0, f(AB_r^(j)) for j = 1 to k, and f(B_r) for j = k + 1. The estimators are those
/// of Saltelli et al. (2010), Computer Physics Communications 181:259-270, Table 2, as SALib's <c>sobol.analyze</c>
/// computes them:
/// </para>
/// <list type="bullet">
/// <item>first order (Table 2 (b)): S_i = mean_r[ f(B_r) (f(AB_r^(i)) - f(A_r)) ] / V;</item>
/// <item>total order (Jansen 1999, Table 2 (f)): ST_i = mean_r[ (f(A_r) - f(AB_r^(i)))^2 ] / (2V);</item>
/// <item>V is the population variance (divisor 2N) of the 2N values f(A_r) and f(B_r) together.</item>
/// </list>
/// <para>
/// Intervals: the N base rows are resampled with replacement B times; each resample recomputes V and every index;
/// the interval is the percentile interval of the B values at the requested level (quantiles by Hyndman &amp; Fan
/// 1996 type 7, NumPy's default), and the standard error is their standard deviation (Efron &amp; Tibshirani 1993,
/// "An Introduction to the Bootstrap", chapters 6 and 13). Row indices come from MathNet's
/// <see cref="Xoshiro256StarStar"/>, seeded with the low 32 bits of the SplitMix64 finaliser of the 64-bit seed (the
/// MathNet generator takes a 32-bit seed): the same outputs and seed give identical results. A resample whose
/// outputs have zero variance (possible only with very few base rows) is left out of the interval and the standard
/// error.
/// </para>
/// </remarks>
public static class SobolAnalysis
{
    /// <summary>Estimates first- and total-order indices with bootstrap intervals.</summary>
    /// <param name="outputs">The model outputs, length N(k + 2) with N ≥ 1, in the layout above; all finite.</param>
    /// <param name="factors">The number of factors k, at least 1.</param>
    /// <param name="resamples">The number of bootstrap resamples B, at least 2. The default value is 1000.</param>
    /// <param name="confidenceLevel">The coverage of the percentile intervals, in (0, 1). The default value is 0.95.</param>
    /// <param name="seed">The seed of the bootstrap's row draws. The default value is 1.</param>
    /// <returns>The indices, the number of base rows N and the variance V.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="factors"/> is below 1, <paramref name="resamples"/> is below 2, or
    /// <paramref name="confidenceLevel"/> is not in (0, 1).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="outputs"/> is not a positive multiple of k + 2; an output is NaN or infinite
    /// (the message names its index); the outputs f(A) and f(B) have zero variance, so the indices are undefined; or
    /// every bootstrap resample but at most one has zero variance.
    /// </exception>
    public static SobolIndices Analyze(ReadOnlySpan<double> outputs, int factors, int resamples = 1000, double confidenceLevel = 0.95, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be in (0, 1).");
        }

        int perRow = checked(factors + 2);
        if (outputs.Length == 0 || outputs.Length % perRow != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The outputs have length {outputs.Length}, which is not a positive multiple of k + 2 = {perRow} ({factors} factors)."),
                nameof(outputs));
        }

        for (int p = 0; p < outputs.Length; p++)
        {
            if (!double.IsFinite(outputs[p]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Output {p} is {outputs[p]}: every output must be finite."),
                    nameof(outputs));
            }
        }

        int n = outputs.Length / perRow;
        var rows = new int[n];
        for (int r = 0; r < n; r++)
        {
            rows[r] = r;
        }

        var first = new double[factors];
        var total = new double[factors];
        double variance = Estimate(outputs, factors, rows, first, total);
        if (!(variance > 0))
        {
            throw new ArgumentException("The outputs have zero variance: the indices are undefined.", nameof(outputs));
        }

        var firstBoot = new double[factors][];
        var totalBoot = new double[factors][];
        for (int i = 0; i < factors; i++)
        {
            firstBoot[i] = new double[resamples];
            totalBoot[i] = new double[resamples];
        }

        var random = new Xoshiro256StarStar(unchecked((int)SplitMix64.Mix(seed)));
        var bootFirst = new double[factors];
        var bootTotal = new double[factors];
        int kept = 0;
        for (int b = 0; b < resamples; b++)
        {
            for (int r = 0; r < n; r++)
            {
                rows[r] = random.Next(n);
            }

            if (Estimate(outputs, factors, rows, bootFirst, bootTotal) > 0)
            {
                for (int i = 0; i < factors; i++)
                {
                    firstBoot[i][kept] = bootFirst[i];
                    totalBoot[i][kept] = bootTotal[i];
                }

                kept++;
            }
        }

        if (kept < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Only {kept} of {resamples} bootstrap resamples of the {n} base rows have nonzero variance: too few base rows for an interval."),
                nameof(outputs));
        }

        var firstOrder = new SensitivityIndex[factors];
        var totalOrder = new SensitivityIndex[factors];
        for (int i = 0; i < factors; i++)
        {
            firstOrder[i] = Summarise(first[i], firstBoot[i].AsSpan(0, kept), confidenceLevel);
            totalOrder[i] = Summarise(total[i], totalBoot[i].AsSpan(0, kept), confidenceLevel);
        }

        return new SobolIndices(firstOrder, totalOrder, n, variance);
    }

    // The indices of the base rows listed in rows (with repeats); returns V, and the indices only where V > 0.
    private static double Estimate(ReadOnlySpan<double> outputs, int factors, int[] rows, double[] first, double[] total)
    {
        int perRow = factors + 2;
        double sum = 0;
        foreach (int r in rows)
        {
            int a = r * perRow;
            sum += outputs[a] + outputs[a + factors + 1];
        }

        double mean = sum / (2.0 * rows.Length);
        double squares = 0, scale = 0;
        foreach (int r in rows)
        {
            int a = r * perRow;
            double da = outputs[a] - mean;
            double db = outputs[a + factors + 1] - mean;
            squares += (da * da) + (db * db);
            scale = Math.Max(scale, Math.Max(Math.Abs(outputs[a]), Math.Abs(outputs[a + factors + 1])));
        }

        // Equal outputs leave a variance of rounding error in the mean (about (n eps f)^2), not zero: count it as zero.
        double variance = squares / (2.0 * rows.Length);
        if (!(variance > 1e-18 * scale * scale))
        {
            return 0;
        }

        Array.Clear(first);
        Array.Clear(total);
        foreach (int r in rows)
        {
            int a = r * perRow;
            double fA = outputs[a];
            double fB = outputs[a + factors + 1];
            for (int i = 0; i < factors; i++)
            {
                double fAB = outputs[a + 1 + i];
                first[i] += fB * (fAB - fA);
                double d = fA - fAB;
                total[i] += d * d;
            }
        }

        for (int i = 0; i < factors; i++)
        {
            first[i] /= rows.Length * variance;
            total[i] /= 2.0 * rows.Length * variance;
        }

        return variance;
    }

    private static SensitivityIndex Summarise(double estimate, Span<double> boot, double confidenceLevel)
    {
        boot.Sort();
        double[] sorted = boot.ToArray();
        double tail = (1 - confidenceLevel) / 2;
        double lower = SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R7);
        double upper = SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R7);
        return new SensitivityIndex(estimate, lower, upper, ArrayStatistics.StandardDeviation(sorted));
    }
}
