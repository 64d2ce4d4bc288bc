using DeterrenceSim.Engine;
using MathNet.Numerics.LinearAlgebra;

namespace DeterrenceSim.Calibration;

/// <summary>
/// The perturbation kernel Kₜ(θ | θ*) = N(θ; θ*, Σₜ) with Σₜ twice the weighted covariance of the previous population
/// (Beaumont, Cornuet, Marin &amp; Robert 2009, Biometrika 96(4):983-990; Filippi, Barnes, Cornebise &amp; Stumpf 2013,
/// Stat. Appl. Genet. Mol. Biol. 12(1):87-107, discuss it among the kernels fitted to the whole population). Held as
/// the lower Cholesky factor L of Σₜ (MathNet), so a perturbation is θ* + L z with z ~ N(0, I) and the kernel's
/// quadratic form is |L⁻¹(θ − θ*)|².
/// </summary>
internal sealed class PerturbationKernel
{
    private readonly double[] _lower;

    private PerturbationKernel(double[] lower, int dimension)
    {
        _lower = lower;
        Dimension = dimension;
    }

    public int Dimension { get; }

    /// <summary>The kernel of a population: Σ = 2 Cov_w(θ). A covariance that is not positive definite (a population
    /// collapsed onto a point or a line) gets a ridge on the diagonal, 10⁻¹² times its mean variance (or 10⁻¹² if that
    /// is 0), raised a thousandfold until the factorisation succeeds.</summary>
    /// <exception cref="InvalidOperationException">Even a ridge as large as the mean variance does not help.</exception>
    public static PerturbationKernel Of(AbcPopulation population)
    {
        int d = population.Dimension;
        double[] covariance = population.WeightedCovariance();
        double meanVariance = 0;
        for (int p = 0; p < d; p++)
        {
            meanVariance += 2 * covariance[(p * d) + p] / d;
        }

        double step = meanVariance > 0 ? 1e-12 * meanVariance : 1e-12;
        double ridge = 0;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            var sigma = Matrix<double>.Build.Dense(d, d, (p, q) => (2 * covariance[(p * d) + q]) + (p == q ? ridge : 0));
            Matrix<double> factor;
            try
            {
                factor = sigma.Cholesky().Factor;
            }
            catch (ArgumentException)
            {
                ridge = ridge == 0 ? step : ridge * 1e3;
                continue;
            }

            double[] lower = new double[d * d];
            for (int p = 0; p < d; p++)
            {
                for (int q = 0; q <= p; q++)
                {
                    lower[(p * d) + q] = factor[p, q];
                }
            }

            return new PerturbationKernel(lower, d);
        }

        throw new InvalidOperationException("The perturbation kernel's covariance (twice the population's weighted covariance) is not positive definite, even with a ridge.");
    }

    /// <summary>θ = θ* + L z, with z ~ N(0, I) drawn from the stream by the Box-Muller transform.</summary>
    public void Perturb(ref SplitMix64 stream, ReadOnlySpan<double> parent, Span<double> result, Span<double> normals)
    {
        int d = Dimension;
        for (int p = 0; p < d; p += 2)
        {
            stream.NextNormalPair(out double first, out double second);
            normals[p] = first;
            if (p + 1 < d)
            {
                normals[p + 1] = second;
            }
        }

        for (int p = 0; p < d; p++)
        {
            double sum = parent[p];
            for (int q = 0; q <= p; q++)
            {
                sum += _lower[(p * d) + q] * normals[q];
            }

            result[p] = sum;
        }
    }

    /// <summary>z = L⁻¹ x by forward substitution: whitened coordinates, in which the kernel's quadratic form
    /// (θ − θ*)ᵀ Σ⁻¹ (θ − θ*) is the squared Euclidean distance |z − z*|².</summary>
    public void Whiten(ReadOnlySpan<double> x, Span<double> z)
    {
        int d = Dimension;
        for (int p = 0; p < d; p++)
        {
            double sum = x[p];
            for (int q = 0; q < p; q++)
            {
                sum -= _lower[(p * d) + q] * z[q];
            }

            z[p] = sum / _lower[(p * d) + p];
        }
    }
}
