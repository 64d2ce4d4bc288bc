using System.Globalization;

namespace DeterrenceSim.Calibration;

/// <summary>
/// Options of <see cref="AbcSmc.Run"/>: the population size, the schedule of tolerances and when to stop, the distance,
/// the seed and the threads. Validated once, at the edge (<see cref="Validate"/>), with exceptions that name the field.
/// </summary>
public sealed record AbcSmcOptions
{
    /// <summary>Gets the particles N of every generation. Range: N ≥ 2. The default value is 1,000.</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>Gets the most generations T to run, counting generation 0 (which samples the prior with ε₀ = +∞).
    /// Range: T ≥ 1. The default value is 10.</summary>
    public int MaxGenerations { get; init; } = 10;

    /// <summary>Gets the quantile α of the adaptive tolerances: εₜ₊₁ is the weighted α-quantile of the distances of
    /// generation t's particles (Drovandi &amp; Pettitt 2011; Del Moral, Doucet &amp; Jasra 2012;
    /// pyABC's <c>QuantileEpsilon</c>). Range: 0 &lt; α &lt; 1. The default value is 0.5, the weighted median.</summary>
    public double Quantile { get; init; } = 0.5;

    /// <summary>Gets the smallest acceptance rate r_min worth paying for: a generation that has not accepted N particles
    /// within ⌈N / r_min⌉ proposals is abandoned and the run stops (<see cref="AbcSmcStopReason.MinAcceptanceRate"/>)
    /// with the previous generation. 0 sets no limit. Range: 0 ≤ r_min ≤ 1. The default value is 0.01.</summary>
    public double MinAcceptanceRate { get; init; } = 0.01;

    /// <summary>Gets the smallest tolerance ε_min: the tolerances never go below it (εₜ₊₁ = max(quantile, ε_min)), and the
    /// run stops after the generation run at ε_min (<see cref="AbcSmcStopReason.MinEpsilon"/>). Range: finite,
    /// ε_min ≥ 0. The default value is 0.</summary>
    public double MinEpsilon { get; init; }

    /// <summary>Gets the weights λₛ of the distance ρ(x, y) = sqrt(Σₛ λₛ (xₛ − yₛ)²) between simulated and observed
    /// statistics, one a statistic; <see langword="null"/> (the default) for the Euclidean distance (every λₛ = 1).
    /// λₛ = 1 / σₛ², with σₛ a scale of statistic s (such as its standard deviation over the prior predictive), puts
    /// statistics of different units on one scale. Range: finite, λₛ ≥ 0, at least one positive, as many as the observed
    /// statistics.</summary>
    public IReadOnlyList<double>? StatisticWeights { get; init; }

    /// <summary>Gets the master seed S; one seed reproduces a result exactly on any machine and thread count (proposal k
    /// of generation t draws from a stream keyed by (S, t, k); <see cref="AbcSmc"/>). Range: any 64-bit value. The
    /// default value is 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the number of worker threads that simulate proposals; results are bit-identical for any value.
    /// Range: ≥ 1. The default value is <see cref="Environment.ProcessorCount"/>.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it (such as <c>Particles</c>).</exception>
    /// <exception cref="ArgumentException">A statistic weight is negative or not finite, or every weight is 0.</exception>
    public void Validate()
    {
        if (Particles < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Particles), Particles, "Particles must be at least 2.");
        }

        if (MaxGenerations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGenerations), MaxGenerations, "MaxGenerations must be at least 1.");
        }

        if (!(Quantile > 0 && Quantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Quantile), Quantile, "Quantile must be strictly between 0 and 1.");
        }

        if (!(MinAcceptanceRate >= 0 && MinAcceptanceRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinAcceptanceRate), MinAcceptanceRate, "MinAcceptanceRate must be between 0 and 1.");
        }

        if (!(MinEpsilon >= 0) || !double.IsFinite(MinEpsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(MinEpsilon), MinEpsilon, "MinEpsilon must be finite and at least 0.");
        }

        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be at least 1.");
        }

        if (StatisticWeights is { } weights)
        {
            for (int s = 0; s < weights.Count; s++)
            {
                if (!(weights[s] >= 0) || !double.IsFinite(weights[s]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"StatisticWeights[{s}] is {weights[s]:R}; each weight must be finite and at least 0."), nameof(StatisticWeights));
                }
            }

            if (!weights.Any(w => w > 0))
            {
                throw new ArgumentException("StatisticWeights must hold at least one positive weight.", nameof(StatisticWeights));
            }
        }
    }
}
