using System.Globalization;
using DeterrenceSim.Engine;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Morris's elementary-effects screening (Morris 1991, "Factorial sampling plans for preliminary computational
/// experiments", Technometrics 33(2):161-174) with the μ* of Campolongo, Cariboni &amp; Saltelli (2007), "An effective
/// screening design for sensitivity analysis of large models", Environmental Modelling &amp; Software 22(10):1509-1518),
/// from model outputs on a Morris design (<see cref="ExperimentDesign.Morris"/>), with bootstrap intervals. The
/// conventions are those of SALib's <c>morris.analyze</c>.
/// </summary>
/// <remarks>
/// <para>
/// In each trajectory every factor moves once, between two consecutive points x and x + Δe_i (in either order), and
/// its elementary effect is EE_i = (y(x + Δe_i) − y(x)) / Δ, with Δ = p/(2(p − 1)) in units of the factor's normalised
/// range [0, 1]: an effect is in output units per unit of the normalised range, so a linear y = Σ a_i x_i over ranges
/// [lo_i, hi_i] has EE_i = a_i (hi_i − lo_i) in every trajectory. This is SALib's scaling (its analyzer divides by the
/// same Δ whatever the bounds). Over the r trajectories: μ_i = mean EE_i, μ*_i = mean |EE_i|, σ_i = standard deviation
/// of EE_i with divisor r − 1 (NumPy's <c>ddof=1</c>).
/// </para>
/// <para>
/// Intervals: the r trajectories are resampled with replacement B times, and each resample recomputes μ, μ* and σ of
/// every factor; the interval is the percentile interval of the B values (quantiles by Hyndman &amp; Fan 1996 type 7)
/// and the standard error their standard deviation, as <see cref="SobolAnalysis"/> does. SALib's
/// <c>mu_star_conf</c> is the normal-theory half-width z·SE of μ* (1.96 × <see cref="SensitivityIndex.StandardError"/>
/// of <see cref="MorrisIndices.MuStar"/> at 95%). Trajectory indices come from MathNet's
/// <see cref="Xoshiro256StarStar"/> seeded with the low 32 bits of the SplitMix64 finaliser of the seed: the same
/// outputs and seed give identical results.
/// </para>
/// </remarks>
public static class MorrisAnalysis
{
    /// <summary>The elementary effects, one per trajectory and factor.</summary>
    /// <param name="design">The Morris design the outputs were computed on.</param>
    /// <param name="outputs">One finite output per design point, in point order (length r(k + 1)).</param>
    /// <returns>EE[t][i]: the effect of factor i in trajectory t, in output units per unit of the normalised range.</returns>
    /// <exception cref="ArgumentException">The design is not a Morris design, the outputs do not have one value per
    /// point, or an output is NaN or infinite (the message names its point).</exception>
    public static double[][] ElementaryEffects(ExperimentDesign design, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        Check(design, outputs);
        int k = design.Factors.Count;
        long r = design.Samples;
        var effects = new double[r][];
        var step = new int[k];
        var direction = new int[k];
        var lower = new int[k];
        double delta = design.Delta;
        for (long t = 0; t < r; t++)
        {
            design.MorrisTrajectory(t, step, direction, lower);
            var row = effects[t] = new double[k];
            long start = t * (k + 1);
            for (int i = 0; i < k; i++)
            {
                double before = outputs[(int)(start + step[i])];
                double after = outputs[(int)(start + step[i] + 1)];
                row[i] = (direction[i] > 0 ? after - before : before - after) / delta;
            }
        }

        return effects;
    }

    /// <summary>Estimates μ, μ* and σ of every factor with bootstrap intervals.</summary>
    /// <param name="design">The Morris design the outputs were computed on, with r ≥ 2 trajectories.</param>
    /// <param name="outputs">One finite output per design point, in point order (length r(k + 1)).</param>
    /// <param name="resamples">The number of bootstrap resamples B, at least 2. The default value is 1000.</param>
    /// <param name="confidenceLevel">The coverage of the percentile intervals, in (0, 1). The default value is 0.95.</param>
    /// <param name="seed">The seed of the bootstrap's trajectory draws. The default value is 1.</param>
    /// <returns>The measures with their intervals.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is below 2, or
    /// <paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The design is not a Morris design or has fewer than 2 trajectories (σ needs
    /// two), the outputs do not have one value per point, or an output is NaN or infinite.</exception>
    public static MorrisIndices Analyze(ExperimentDesign design, ReadOnlySpan<double> outputs, int resamples = 1000, double confidenceLevel = 0.95, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be in (0, 1).");
        }

        if (design.Kind == DesignKind.Morris && design.Samples < 2)
        {
            throw new ArgumentException($"The design has {design.Samples} trajectory: the standard deviation of the elementary effects needs at least 2.", nameof(design));
        }

        var effects = ElementaryEffects(design, outputs);
        int k = design.Factors.Count;
        int r = effects.Length;
        var rows = new int[r];
        for (int t = 0; t < r; t++)
        {
            rows[t] = t;
        }

        var mu = new double[k];
        var muStar = new double[k];
        var sigma = new double[k];
        Estimate(effects, rows, mu, muStar, sigma);
        var boot = new double[3][][];
        for (int m = 0; m < 3; m++)
        {
            boot[m] = new double[k][];
            for (int i = 0; i < k; i++)
            {
                boot[m][i] = new double[resamples];
            }
        }

        var random = new Xoshiro256StarStar(unchecked((int)SplitMix64.Mix(seed)));
        var bMu = new double[k];
        var bMuStar = new double[k];
        var bSigma = new double[k];
        for (int b = 0; b < resamples; b++)
        {
            for (int t = 0; t < r; t++)
            {
                rows[t] = random.Next(r);
            }

            Estimate(effects, rows, bMu, bMuStar, bSigma);
            for (int i = 0; i < k; i++)
            {
                boot[0][i][b] = bMu[i];
                boot[1][i][b] = bMuStar[i];
                boot[2][i][b] = bSigma[i];
            }
        }

        var muIndex = new SensitivityIndex[k];
        var muStarIndex = new SensitivityIndex[k];
        var sigmaIndex = new SensitivityIndex[k];
        for (int i = 0; i < k; i++)
        {
            muIndex[i] = Summarise(mu[i], boot[0][i], confidenceLevel);
            muStarIndex[i] = Summarise(muStar[i], boot[1][i], confidenceLevel);
            sigmaIndex[i] = Summarise(sigma[i], boot[2][i], confidenceLevel);
        }

        return new MorrisIndices(muIndex, muStarIndex, sigmaIndex, r, design.Levels, design.Delta);
    }

    private static void Check(ExperimentDesign design, ReadOnlySpan<double> outputs)
    {
        if (design.Kind != DesignKind.Morris)
        {
            throw new ArgumentException($"Elementary effects need a Morris design, found a {ExperimentDesign.Name(design.Kind)} design.", nameof(design));
        }

        if (outputs.Length != design.PointCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The outputs have length {outputs.Length}, expected one per design point: {design.PointCount} ({design.Samples} trajectories of {design.Factors.Count + 1} points)."),
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
    }

    // μ, μ* and σ (divisor n − 1) of each factor over the trajectories listed in rows (with repeats).
    private static void Estimate(double[][] effects, int[] rows, double[] mu, double[] muStar, double[] sigma)
    {
        int n = rows.Length;
        for (int i = 0; i < mu.Length; i++)
        {
            double sum = 0, absolute = 0;
            foreach (int t in rows)
            {
                sum += effects[t][i];
                absolute += Math.Abs(effects[t][i]);
            }

            double mean = sum / n;
            double squares = 0;
            foreach (int t in rows)
            {
                double d = effects[t][i] - mean;
                squares += d * d;
            }

            mu[i] = mean;
            muStar[i] = absolute / n;
            sigma[i] = Math.Sqrt(squares / (n - 1));
        }
    }

    private static SensitivityIndex Summarise(double estimate, double[] boot, double confidenceLevel)
    {
        Array.Sort(boot);
        double tail = (1 - confidenceLevel) / 2;
        double lower = SortedArrayStatistics.QuantileCustom(boot, tail, QuantileDefinition.R7);
        double upper = SortedArrayStatistics.QuantileCustom(boot, 1 - tail, QuantileDefinition.R7);
        return new SensitivityIndex(estimate, lower, upper, ArrayStatistics.StandardDeviation(boot));
    }
}
