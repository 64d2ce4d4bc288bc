using System.Globalization;
using DeterrenceSim.Engine;

namespace DeterrenceSim.Calibration;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni, Welch, Strelkowa, Ipsen &amp; Stumpf 2009,
/// J. R. Soc. Interface 6:187-202) for any model that maps parameters θ and a random key to summary statistics: the
/// posterior π(θ | ρ(s(θ), s_obs) ≤ ε) is approximated by a weighted population of N particles while the tolerance ε
/// shrinks from generation to generation.
/// </summary>
/// <remarks>
/// <para><b>Algorithm.</b> Generation 0 draws θ from the prior (by inversion of each parameter's distribution function)
/// with ε₀ = +∞, so every proposal is accepted and the weights are equal. Generation t ≥ 1 proposes θ by drawing a
/// parent θⱼ of generation t − 1 with probability wⱼ and perturbing it with the kernel N(θⱼ, Σₜ), Σₜ twice the weighted
/// covariance of generation t − 1 (Beaumont, Cornuet, Marin &amp; Robert 2009, Biometrika 96(4):983-990); a perturbation
/// outside the prior's support is redrawn. It simulates s(θ), accepts θ when ρ(s(θ), s_obs) ≤ εₜ, and stops at N
/// accepted particles; their importance weights are wᵢ ∝ π(θᵢ) / Σⱼ wⱼ Kₜ(θᵢ | θⱼ), normalised (Toni et al. 2009,
/// step S2.2; computed in logarithms). The next tolerance is the weighted α-quantile of generation t's distances,
/// εₜ₊₁ = max(q_α, ε_min), by default the median (adaptive tolerances: Drovandi &amp; Pettitt 2011, Biometrics
/// 67(1):225-233; Del Moral, Doucet &amp; Jasra 2012, Stat. Comput. 22(5):1009-1020; pyABC's <c>QuantileEpsilon</c>). ρ is the weighted Euclidean distance sqrt(Σₛ λₛ (sₛ − s_obs,ₛ)²)
/// (<see cref="AbcSmcOptions.StatisticWeights"/>). The run stops after <see cref="AbcSmcOptions.MaxGenerations"/>
/// generations, after the generation at <see cref="AbcSmcOptions.MinEpsilon"/>, or when a generation needs more than
/// N / <see cref="AbcSmcOptions.MinAcceptanceRate"/> proposals (that generation is dropped). The implementation follows
/// the design of pyABC (Klinger, Rickert &amp; Hasenauer 2018, Bioinformatics 34(20):3591-3593; Schälte et al. 2022,
/// JOSS 7(74):4304) with its multivariate normal kernel scaled as Beaumont et al.</para>
/// <para><b>Determinism.</b> Proposal k (k = 0, 1, 2, ...) of generation t draws all its randomness — its prior sample in
/// generation 0; its parent, its kernel perturbation and any redraws later — from a SplitMix64 stream keyed by
/// (seed, t, k), and hands the model a key derived from the same triple (<see cref="AbcParticle.Key"/>). Proposals are
/// simulated in parallel in batches; the sampler then walks each batch in order of k and the generation's particles are
/// the first N accepted proposals by k. Weights, covariances and quantiles are reduced in a fixed order. The result is
/// therefore bit-identical for any <see cref="AbcSmcOptions.Threads"/> and batch size; the model may only be called for
/// some proposals past the last one a generation uses, whose results are discarded.</para>
/// </remarks>
/// <example>
/// The mean θ of a normal distribution with unit variance, from the mean of 50 draws:
/// <code>
/// var result = AbcSmc.Run(
///     [new CalibratedParameter("theta", new UniformPrior(-10, 10))],
///     observed: [1.3],
///     (theta, key) =>
///     {
///         var random = new SplitMix64(key);
///         double sum = 0;
///         for (int i = 0; i &lt; 25; i++)
///         {
///             random.NextNormalPair(out double a, out double b);
///             sum += a + b;
///         }
///
///         return [theta[0] + (sum / 50)];
///     },
///     new AbcSmcOptions { Seed = 42 });
/// ParameterSummary theta = result.SummaryOf("theta"); // mean ≈ 1.3, sd ≈ 1 / sqrt(50)
/// </code>
/// </example>
public static class AbcSmc
{
    private const ulong Domain = 0xABC5_AC00_0000_0000UL;
    private const ulong Purpose = 0xD1B54A32D192ED03UL;

    /// <summary>Runs ABC-SMC: calibrates the parameters of a model to observed summary statistics.</summary>
    /// <param name="parameters">The parameters θ and their priors, in the order the model reads them. Range: at least
    /// one; names unique.</param>
    /// <param name="observed">The observed summary statistics s_obs. Range: at least one; finite; as many as the model
    /// returns.</param>
    /// <param name="model">The model: θ and a key to simulated statistics; thread-safe.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (<see cref="AbcSmcOptions"/>).</param>
    /// <param name="progress">Receives the generation, its tolerance and its accepted and simulated proposals after every
    /// batch; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between and within batches.</param>
    /// <returns>The final population, the history of the generations and each parameter's weighted summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, <paramref name="observed"/> or
    /// <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (<see cref="AbcSmcOptions.Validate"/>;
    /// for example fewer than 2 particles).</exception>
    /// <exception cref="ArgumentException">No parameters, a <see langword="null"/> parameter or two with one name; no
    /// observed statistics or one not finite; statistic weights not as many as the observed statistics; or the model
    /// returned <see langword="null"/>, a number of statistics other than the observed one (the message gives both
    /// lengths), or a statistic that is NaN or infinite (the message gives the parameter values).</exception>
    /// <exception cref="InvalidOperationException">A proposal's perturbation fell outside the prior's support 10,000
    /// times in a row, or the kernel's covariance cannot be factorised.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>An exception the model throws propagates unchanged (that of the lowest proposal index, whatever the
    /// threads).</remarks>
    public static AbcSmcResult Run(
        IReadOnlyList<CalibratedParameter> parameters,
        IReadOnlyList<double> observed,
        AbcModel model,
        AbcSmcOptions? options = null,
        IProgress<AbcSmcProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new AbcSmcOptions();
        options.Validate();
        if (parameters.Count == 0)
        {
            throw new ArgumentException("At least one parameter must be calibrated.", nameof(parameters));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"parameters[{p}] is null."), nameof(parameters));
            if (!names.Add(parameter.Name))
            {
                throw new ArgumentException($"Two parameters are named '{parameter.Name}'; names must be unique.", nameof(parameters));
            }
        }

        if (observed.Count == 0)
        {
            throw new ArgumentException("At least one statistic must be observed.", nameof(observed));
        }

        for (int s = 0; s < observed.Count; s++)
        {
            if (!double.IsFinite(observed[s]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"observed[{s}] is {observed[s]:R}; observed statistics must be finite."), nameof(observed));
            }
        }

        if (options.StatisticWeights is { } weights && weights.Count != observed.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"StatisticWeights holds {weights.Count} weights, but {observed.Count} statistics were observed; give one weight a statistic."), nameof(options));
        }

        return new AbcSmcSampler([.. parameters], [.. observed], model, options, progress, cancellationToken).Run();
    }

    /// <summary>The key of proposal k of generation t: SplitMix64 finalisers of the seed, the generation (offset into a
    /// domain of its own, apart from the engine's replication keys) and the proposal index.</summary>
    internal static ulong ProposalKey(ulong seed, int generation, long proposal) =>
        SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(seed) ^ SplitMix64.Mix(Domain + (ulong)(uint)generation)) ^ SplitMix64.Mix((ulong)proposal));

    /// <summary>The stream of a proposal's own draws: prior sample, or parent, perturbation and redraws.</summary>
    internal static SplitMix64 ProposalStream(ulong proposalKey) => new(SplitMix64.Mix(proposalKey ^ Purpose));

    /// <summary>The key handed to the model for a proposal.</summary>
    internal static ulong ModelKey(ulong proposalKey) => SplitMix64.Mix(proposalKey ^ unchecked(2 * Purpose));
}
