using System.Globalization;
using DeterrenceSim.Engine;

namespace DeterrenceSim.Calibration;

/// <summary>
/// Calibration of <see cref="PopulationParameters"/> to a historical population by ABC-SMC (<see cref="AbcSmc"/>; Toni et
/// al. 2009), and prediction of another population from the posterior (docs/DESIGN.md section 10). A simulated data set is
/// the population played once (<see cref="HistoricalPopulation.Simulate"/>), the same size as the record, so the
/// posterior reflects the record's own sampling noise.
/// </summary>
/// <example>
/// <code>
/// var early = MidPopulation.GmlMid.Between(1816, 1944).Compile();
/// var posterior = PopulationCalibration.Calibrate(early, new PopulationCalibrationOptions { Seed = 1 });
/// var late = PopulationCalibration.Predict(posterior, MidPopulation.GmlMid.Between(1945, 2010).Compile());
/// </code>
/// </example>
public static class PopulationCalibration
{
    /// <summary>Gets the default priors: noise ~ U(0, 4) (logit scale: from none to shocks that swing a 50% belief to 2% or
    /// 98% at two standard deviations), cost ~ U(0, 0.5) of the stakes, dissatisfaction ~ U(−0.3, 0.5).</summary>
    public static IReadOnlyList<CalibratedParameter> DefaultPriors { get; } =
    [
        new("noise", new UniformPrior(0, 4)),
        new("cost", new UniformPrior(0, 0.5)),
        new("dissatisfaction", new UniformPrior(-0.3, 0.5)),
    ];

    /// <summary>Calibrates the parameters to the population's record, or to the statistics given in
    /// <see cref="PopulationCalibrationOptions.Observed"/> (such as those of a data set simulated from the population).</summary>
    /// <param name="population">The compiled population whose record (or given statistics) is matched.</param>
    /// <param name="options">The statistics, priors and sampler settings; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Reports each generation.</param>
    /// <param name="cancellationToken">Stops between batches of proposals.</param>
    /// <returns>The posterior, with its posterior predictive of every statistic of <see cref="PopulationStatistics.All"/>
    /// that the population defines.</returns>
    /// <exception cref="ArgumentException">A statistic the population does not define (no crisis counts, such as
    /// <c>war.from1945</c> in 1816-1944), an unknown statistic, priors that are not the three parameters in order, or
    /// given <see cref="PopulationCalibrationOptions.Observed"/> values not one a statistic or not shares in [0, 1].</exception>
    public static PopulationPosterior Calibrate(
        HistoricalPopulation population,
        PopulationCalibrationOptions? options = null,
        IProgress<AbcSmcProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        options ??= new PopulationCalibrationOptions();
        var names = options.Statistics;
        PopulationStatistics.Check(names);
        if (names.Contains("challengerWinsGivenWar"))
        {
            throw new ArgumentException("the statistic 'challengerWinsGivenWar' can be predicted but not matched: a simulated data set without a war leaves it undefined", nameof(options));
        }
        var priors = options.Priors ?? DefaultPriors;
        if (priors.Count != 3 || !priors.Select(p => p.Name).SequenceEqual(PopulationParameters.Names))
        {
            throw new ArgumentException($"expected priors of {string.Join(", ", PopulationParameters.Names)} in that order, found {string.Join(", ", priors.Select(p => p.Name))}", nameof(options));
        }

        var observed = PopulationStatistics.Observed(population, names);
        for (int s = 0; s < names.Count; s++)
        {
            if (double.IsNaN(observed[s]))
            {
                throw new ArgumentException($"the statistic '{names[s]}' is not defined in {population.Source.Name} {population.Source.FromYear}-{population.Source.ToYear}: no crisis of the population counts for it", nameof(options));
            }
        }

        if (options.Observed is { } given)
        {
            if (given.Count != names.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Observed holds {given.Count} values, but {names.Count} statistics are matched ({string.Join(", ", names)}); give one value a statistic, in that order"), nameof(options));
            }

            for (int s = 0; s < names.Count; s++)
            {
                if (!(given[s] >= 0 && given[s] <= 1))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Observed[{s}] ('{names[s]}') is {given[s]:R}; expected a share in [0, 1]"), nameof(options));
                }
            }

            observed = [.. given];
        }

        var result = AbcSmc.Run(
            priors,
            observed,
            (theta, key) => Statistics(population, PopulationParameters.FromValues(theta), key, names),
            new AbcSmcOptions { Particles = options.Particles, MaxGenerations = options.Generations, Seed = options.Seed, Threads = options.Threads },
            progress,
            cancellationToken);
        var predictive = Predictive(result.Particles, population, options.Seed, options.Threads);
        return new PopulationPosterior(population.Source, population.Rules, result, names, predictive);
    }

    /// <summary>Predicts a population from a posterior: each particle plays the population once (a key derived from
    /// <paramref name="seed"/> and the particle's index), and each statistic gets its weighted mean and 2.5% and 97.5%
    /// weighted quantiles beside the record's value.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="population">The population to predict.</param>
    /// <param name="seed">The seed of the predictive draws.</param>
    /// <param name="threads">Worker threads; 0 (the default) for the processor count. Results do not depend on them.</param>
    /// <returns>Every statistic of <see cref="PopulationStatistics.All"/> that the population defines.</returns>
    public static IReadOnlyList<StatisticEstimate> Predict(PopulationPosterior posterior, HistoricalPopulation population, ulong seed = 1, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(population);
        return Predictive(posterior.Samples, population, seed, threads);
    }

    private static double[] Statistics(HistoricalPopulation population, PopulationParameters parameters, ulong key, IReadOnlyList<string> names)
    {
        var outcomes = new HistoricalOutcome[population.Count];
        var won = new sbyte[population.Count];
        population.Simulate(parameters, key, outcomes, won);
        var values = new double[names.Count];
        PopulationStatistics.Compute(population, outcomes, won, names, values);
        return values;
    }

    private static IReadOnlyList<StatisticEstimate> Predictive(IReadOnlyList<AbcParticle> particles, HistoricalPopulation population, ulong seed, int threads)
    {
        var names = PopulationStatistics.All;
        var observed = PopulationStatistics.Observed(population, names);
        var simulated = new double[particles.Count][];
        ulong root = SplitMix64.Mix(seed ^ 0x5052454449435456UL); // "PREDICTV": apart from the sampler's keys
        Parallel.For(0, particles.Count, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, i =>
            simulated[i] = Statistics(population, PopulationParameters.FromValues([.. particles[i].Parameters]), SplitMix64.Mix(root ^ SplitMix64.Mix((ulong)i)), names));
        var weights = particles.Select(p => p.Weight).ToArray();
        var estimates = new List<StatisticEstimate>();
        for (int s = 0; s < names.Count; s++)
        {
            if (double.IsNaN(observed[s]))
            {
                continue;
            }

            // A statistic undefined in a simulated data set (no simulated war for challengerWinsGivenWar) is left out of
            // that statistic's predictive distribution.
            var values = new List<double>();
            var w = new List<double>();
            for (int i = 0; i < particles.Count; i++)
            {
                if (!double.IsNaN(simulated[i][s]))
                {
                    values.Add(simulated[i][s]);
                    w.Add(weights[i]);
                }
            }

            if (values.Count == 0)
            {
                continue;
            }

            double total = w.Sum();
            double mean = values.Zip(w, (v, x) => v * x).Sum() / total;
            estimates.Add(new StatisticEstimate(
                names[s],
                observed[s],
                mean,
                WeightedQuantile.Of([.. values], [.. w], 0.025),
                WeightedQuantile.Of([.. values], [.. w], 0.975)));
        }

        return estimates;
    }
}

/// <summary>How <see cref="PopulationCalibration.Calibrate"/> runs.</summary>
public sealed record PopulationCalibrationOptions
{
    /// <summary>Gets the statistics matched (<see cref="PopulationStatistics.All"/>). The default value is
    /// <see cref="PopulationStatistics.Default"/>.</summary>
    public IReadOnlyList<string> Statistics { get; init; } = PopulationStatistics.Default;

    /// <summary>Gets the observed values of <see cref="Statistics"/>, one a statistic in that order, matched in place of
    /// the population's record; <see langword="null"/> (the default) for the record's values
    /// (<see cref="PopulationStatistics.Observed"/>). Given values calibrate against another data set of the same crises,
    /// such as one simulated at known parameters (<see cref="HistoricalPopulation.Simulate"/> and
    /// <see cref="PopulationStatistics.Compute"/>) to check that they are recovered (simulation-based calibration; Talts,
    /// Betancourt, Simpson, Vehtari &amp; Gelman 2018, arXiv:1804.06788). The posterior predictive
    /// (<see cref="PopulationPosterior.Predictive"/>) still sets each statistic beside the record's value. Range: shares
    /// in [0, 1], as many as <see cref="Statistics"/>.</summary>
    public IReadOnlyList<double>? Observed { get; init; }

    /// <summary>Gets the priors of noise, cost and dissatisfaction, in that order; <see langword="null"/> (the default)
    /// for <see cref="PopulationCalibration.DefaultPriors"/>.</summary>
    public IReadOnlyList<CalibratedParameter>? Priors { get; init; }

    /// <summary>Gets the number of particles. Range: ≥ 2. The default value is 1000.</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>Gets the most generations, counting the prior's. Range: ≥ 1. The default value is 10.</summary>
    public int Generations { get; init; } = 10;

    /// <summary>Gets the seed. The default value is 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the worker threads; results do not depend on them. The default value is the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}

/// <summary>A statistic's recorded value beside its posterior predictive: weighted mean and 95% interval.</summary>
/// <param name="Name">The statistic (<see cref="PopulationStatistics.All"/>).</param>
/// <param name="Observed">The record's value. Range: [0, 1].</param>
/// <param name="Predicted">The posterior predictive mean. Range: [0, 1].</param>
/// <param name="Lower">Its 2.5% quantile.</param>
/// <param name="Upper">Its 97.5% quantile.</param>
public sealed record StatisticEstimate(string Name, double Observed, double Predicted, double Lower, double Upper)
{
    /// <summary>Gets a value indicating whether the record lies in the 95% predictive interval.</summary>
    public bool Covered => Observed >= Lower && Observed <= Upper;
}

/// <summary>The result of <see cref="PopulationCalibration.Calibrate"/>: the population and rules it was fitted to, the
/// ABC-SMC result (particles, weights, generations), per-parameter summaries and the posterior predictive.</summary>
public sealed class PopulationPosterior
{
    internal PopulationPosterior(MidPopulation population, PopulationRules rules, AbcSmcResult result, IReadOnlyList<string> statistics, IReadOnlyList<StatisticEstimate> predictive)
    {
        Population = population;
        Rules = rules;
        Result = result;
        Samples = result.Particles;
        Summaries = result.Summaries;
        Matched = statistics;
        Predictive = predictive;
    }

    /// <summary>Creates a posterior from saved samples (a posterior file), for <see cref="PopulationCalibration.Predict"/>.</summary>
    /// <param name="population">The population it was fitted to.</param>
    /// <param name="rules">The placement rules it was fitted with.</param>
    /// <param name="samples">The particles: parameters in the order of <see cref="PopulationParameters.Names"/> and weights.</param>
    /// <param name="summaries">The per-parameter summaries.</param>
    /// <param name="matched">The statistics matched.</param>
    /// <param name="predictive">The posterior predictive of the fitted population.</param>
    internal PopulationPosterior(MidPopulation population, PopulationRules rules, IReadOnlyList<AbcParticle> samples, IReadOnlyList<ParameterSummary> summaries, IReadOnlyList<string> matched, IReadOnlyList<StatisticEstimate> predictive)
    {
        Population = population;
        Rules = rules;
        Samples = samples;
        Summaries = summaries;
        Matched = matched;
        Predictive = predictive;
    }

    /// <summary>Gets the population fitted.</summary>
    public MidPopulation Population { get; }

    /// <summary>Gets the placement rules.</summary>
    public PopulationRules Rules { get; }

    /// <summary>Gets the sampler's result, or <see langword="null"/> for a posterior read from a file.</summary>
    public AbcSmcResult? Result { get; }

    /// <summary>Gets the weighted particles.</summary>
    public IReadOnlyList<AbcParticle> Samples { get; }

    /// <summary>Gets each parameter's weighted mean, sd and 2.5% and 97.5% quantiles, in the order of
    /// <see cref="PopulationParameters.Names"/>.</summary>
    public IReadOnlyList<ParameterSummary> Summaries { get; }

    /// <summary>Gets the statistics matched.</summary>
    public IReadOnlyList<string> Matched { get; }

    /// <summary>Gets the posterior predictive of every statistic the fitted population defines.</summary>
    public IReadOnlyList<StatisticEstimate> Predictive { get; }
}
