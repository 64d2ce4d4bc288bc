using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using DeterrenceSim.Engine;
using MathNet.Numerics.Statistics;

namespace DeterrenceSim.Calibration;

/// <summary>One run of <see cref="AbcSmc.Run"/> (its documentation gives the algorithm and the stream scheme): the
/// validated inputs, the batch's slots reused from batch to batch, and the generation loop.</summary>
internal sealed class AbcSmcSampler
{
    /// <summary>Redraws of one proposal's perturbation that may fall outside the prior's support before the run fails.</summary>
    private const int MaxPerturbations = 10_000;

    /// <summary>The most proposals simulated in one batch.</summary>
    private const int MaxBatch = 1 << 16;

    private const double DoubleUnit = 1.0 / (1UL << 53);

    private readonly CalibratedParameter[] _parameters;
    private readonly Prior[] _priors;
    private readonly double[] _observed;
    private readonly double[]? _statisticWeights;
    private readonly AbcModel _model;
    private readonly AbcSmcOptions _options;
    private readonly IProgress<AbcSmcProgress>? _progress;
    private readonly ParallelOptions _parallel;
    private readonly int _dimension;
    private readonly int _particles;

    // One slot a proposal of the current batch, indexed by k − (the batch's first k).
    private double[] _slotTheta = [];
    private double[]?[] _slotStatistics = [];
    private double[] _slotDistance = [];
    private ulong[] _slotKey = [];
    private Exception?[] _slotError = [];

    public AbcSmcSampler(CalibratedParameter[] parameters, double[] observed, AbcModel model, AbcSmcOptions options, IProgress<AbcSmcProgress>? progress, CancellationToken cancellationToken)
    {
        _parameters = parameters;
        _priors = [.. parameters.Select(p => p.Prior)];
        _observed = observed;
        _statisticWeights = options.StatisticWeights is { } weights ? [.. weights] : null;
        _model = model;
        _options = options;
        _progress = progress;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        _dimension = parameters.Length;
        _particles = options.Particles;
    }

    public AbcSmcResult Run()
    {
        var history = new List<AbcSmcGeneration>();
        AbcPopulation? population = null;
        double epsilon = double.PositiveInfinity;
        double acceptanceRate = 1;
        AbcSmcStopReason reason;
        for (int t = 0; ; t++)
        {
            _parallel.CancellationToken.ThrowIfCancellationRequested();
            PerturbationKernel? kernel = population is null ? null : PerturbationKernel.Of(population);
            double[]? cumulative = population?.CumulativeWeights();
            var next = new AbcPopulation(_particles, _dimension);
            long proposals = Sample(t, epsilon, population, kernel, cumulative, next, acceptanceRate);
            if (proposals < 0)
            {
                reason = AbcSmcStopReason.MinAcceptanceRate;
                break;
            }

            if (population is null || kernel is null)
            {
                next.SetEqualWeights();
            }
            else
            {
                SetImportanceWeights(next, population, kernel);
            }

            history.Add(new AbcSmcGeneration(t, epsilon, _particles, proposals, next.EffectiveSampleSize()));
            acceptanceRate = (double)_particles / proposals;
            population = next;
            if (epsilon <= _options.MinEpsilon)
            {
                reason = AbcSmcStopReason.MinEpsilon;
                break;
            }

            if (t + 1 >= _options.MaxGenerations)
            {
                reason = AbcSmcStopReason.MaxGenerations;
                break;
            }

            epsilon = Math.Max(WeightedQuantile.Of(next.Distances, next.Weights, _options.Quantile), _options.MinEpsilon);
        }

        // Generation 0 accepts every proposal, so at least one generation is complete.
        return Result(population!, history, reason);
    }

    /// <summary>Fills <paramref name="next"/> with the first N proposals of generation t (by index k) within ε; returns
    /// the proposals used, or −1 when N were not accepted within ⌈N / r_min⌉ proposals.</summary>
    private long Sample(int t, double epsilon, AbcPopulation? population, PerturbationKernel? kernel, double[]? cumulative, AbcPopulation next, double previousRate)
    {
        long cap = _options.MinAcceptanceRate > 0 ? (long)Math.Min(Math.Ceiling(_particles / _options.MinAcceptanceRate), long.MaxValue / 2) : long.MaxValue;
        int accepted = 0;
        long evaluated = 0;
        while (true)
        {
            if (evaluated >= cap)
            {
                return -1;
            }

            // The batch size only balances wasted simulations against parallel idle time; it changes no result.
            double rate = evaluated > 0 ? Math.Max(accepted, 1) / (double)evaluated : previousRate;
            double wanted = (_particles - accepted) / rate * (population is null ? 1.0 : 1.1);
            long size = (long)Math.Min(Math.Ceiling(wanted), MaxBatch);
            size = Math.Max(size, 2L * _options.Threads);
            size = Math.Min(size, cap - evaluated);
            Simulate(t, evaluated, (int)size, population, kernel, cumulative);
            for (int s = 0; s < size; s++)
            {
                long k = evaluated + s;
                double[] statistics = Checked(s, t, k);
                if (_slotDistance[s] <= epsilon)
                {
                    next.Set(accepted, _slotTheta.AsSpan(s * _dimension, _dimension), statistics, _slotDistance[s], _slotKey[s]);
                    accepted++;
                    if (accepted == _particles)
                    {
                        _progress?.Report(new AbcSmcProgress(t, epsilon, accepted, k + 1));
                        return k + 1;
                    }
                }
            }

            evaluated += size;
            _progress?.Report(new AbcSmcProgress(t, epsilon, accepted, evaluated));
        }
    }

    /// <summary>Proposes and simulates proposals first .. first + size − 1 of generation t into the slots, in
    /// parallel; every slot depends on its own k only.</summary>
    private void Simulate(int t, long first, int size, AbcPopulation? population, PerturbationKernel? kernel, double[]? cumulative)
    {
        if (_slotDistance.Length < size)
        {
            _slotTheta = new double[size * _dimension];
            _slotStatistics = new double[size][];
            _slotDistance = new double[size];
            _slotKey = new ulong[size];
            _slotError = new Exception[size];
        }

        int chunk = Math.Max(1, size / (_options.Threads * 8));
        Parallel.ForEach(Partitioner.Create(0, size, chunk), _parallel, range =>
        {
            double[] normals = new double[_dimension + 1];
            for (int s = range.Item1; s < range.Item2; s++)
            {
                SimulateOne(t, first + s, s, population, kernel, cumulative, normals);
            }
        });
    }

    private void SimulateOne(int t, long k, int s, AbcPopulation? population, PerturbationKernel? kernel, double[]? cumulative, double[] normals)
    {
        _slotStatistics[s] = null;
        _slotDistance[s] = double.NaN;
        _slotError[s] = null;
        try
        {
            ulong key = AbcSmc.ProposalKey(_options.Seed, t, k);
            var stream = AbcSmc.ProposalStream(key);
            Span<double> theta = _slotTheta.AsSpan(s * _dimension, _dimension);
            if (population is null || kernel is null || cumulative is null)
            {
                for (int p = 0; p < _dimension; p++)
                {
                    // A uniform in the open interval (0, 1): the midpoint of one of 2^53 cells.
                    double u = ((stream.NextUInt64() >> 11) + 0.5) * DoubleUnit;
                    theta[p] = _priors[p].InverseCumulativeDistribution(u);
                }
            }
            else
            {
                for (int attempt = 1; ; attempt++)
                {
                    int parent = Parent(cumulative, stream.NextDouble());
                    kernel.Perturb(ref stream, population.Particle(parent), theta, normals);
                    if (InSupport(theta))
                    {
                        break;
                    }

                    if (attempt == MaxPerturbations)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Proposal {k} of generation {t}: {MaxPerturbations} perturbations in a row fell outside the priors' support."));
                    }
                }
            }

            ulong modelKey = AbcSmc.ModelKey(key);
            _slotKey[s] = modelKey;
            double[] statistics = _model(theta.ToArray(), modelKey);
            _slotStatistics[s] = statistics;
            _slotDistance[s] = Distance(statistics);
        }
        catch (Exception e)
        {
            _slotError[s] = e;
        }
    }

    /// <summary>The weighted Euclidean distance to the observed statistics; NaN when the model's statistics are absent,
    /// of another length or not finite (<see cref="Checked"/> then throws).</summary>
    private double Distance(double[]? statistics)
    {
        if (statistics is null || statistics.Length != _observed.Length)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int j = 0; j < _observed.Length; j++)
        {
            double difference = statistics[j] - _observed[j];
            sum += (_statisticWeights?[j] ?? 1.0) * difference * difference;
        }

        return double.IsFinite(sum) ? Math.Sqrt(sum) : double.NaN;
    }

    /// <summary>Slot s's statistics, after rethrowing the model's exception or throwing on statistics that are absent, of
    /// the wrong length or not finite.</summary>
    private double[] Checked(int s, int t, long k)
    {
        if (_slotError[s] is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        double[]? statistics = _slotStatistics[s];
        var c = CultureInfo.InvariantCulture;
        if (statistics is null)
        {
            throw new ArgumentException(string.Create(c, $"The model returned null for {Describe(s)} (generation {t}, proposal {k})."), "model");
        }

        if (statistics.Length != _observed.Length)
        {
            throw new ArgumentException(string.Create(c, $"The model returned {statistics.Length} statistics for {Describe(s)}, but {_observed.Length} were observed; the model must return as many statistics as were observed, in the same order."), "observed");
        }

        for (int j = 0; j < statistics.Length; j++)
        {
            if (!double.IsFinite(statistics[j]))
            {
                throw new ArgumentException(string.Create(c, $"The model returned {statistics[j]:R} for statistic {j} at {Describe(s)} (generation {t}, proposal {k}, key 0x{_slotKey[s]:X16}); statistics must be finite."), "model");
            }
        }

        // Finite statistics can still overflow the sum of squares.
        if (double.IsNaN(_slotDistance[s]))
        {
            throw new ArgumentException(string.Create(c, $"The distance of the statistics at {Describe(s)} to the observed ones overflows (generation {t}, proposal {k})."), "model");
        }

        return statistics;
    }

    private string Describe(int s) =>
        "parameters (" + string.Join(", ", _parameters.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {_slotTheta[(s * _dimension) + i]:R}"))) + ")";

    private bool InSupport(ReadOnlySpan<double> theta)
    {
        for (int p = 0; p < theta.Length; p++)
        {
            if (!(_priors[p].DensityLn(theta[p]) > double.NegativeInfinity))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The parent index j with cumulative[j − 1] ≤ u Σ w &lt; cumulative[j] (inversion of the weights).</summary>
    private static int Parent(double[] cumulative, double u)
    {
        double target = u * cumulative[^1];
        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>wᵢ ∝ π(θᵢ) / Σⱼ wⱼ Kₜ(θᵢ | θⱼ) (Toni et al. 2009), in logarithms: with z = L⁻¹θ the kernel is
    /// exp(−|zᵢ − zⱼ|² / 2) up to a constant common to every i, and the sum is a streaming log-sum-exp. O(N² d) a
    /// generation; each i is computed whole by one thread, in the order of j.</summary>
    private void SetImportanceWeights(AbcPopulation next, AbcPopulation previous, PerturbationKernel kernel)
    {
        int d = _dimension;
        int n = previous.Count;
        double[] whitened = new double[n * d];
        double[] logPrevious = new double[n];
        for (int j = 0; j < n; j++)
        {
            kernel.Whiten(previous.Particle(j), whitened.AsSpan(j * d, d));
            logPrevious[j] = Math.Log(previous.Weights[j]);
        }

        double[] logWeights = new double[next.Count];
        int chunk = Math.Max(1, next.Count / (_options.Threads * 8));
        Parallel.ForEach(Partitioner.Create(0, next.Count, chunk), _parallel, range =>
        {
            double[] z = new double[d];
            for (int i = range.Item1; i < range.Item2; i++)
            {
                ReadOnlySpan<double> theta = next.Particle(i);
                kernel.Whiten(theta, z);
                double max = double.NegativeInfinity;
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    if (previous.Weights[j] == 0)
                    {
                        continue;
                    }

                    double quadratic = 0;
                    for (int p = 0; p < d; p++)
                    {
                        double difference = z[p] - whitened[(j * d) + p];
                        quadratic += difference * difference;
                    }

                    double a = logPrevious[j] - (0.5 * quadratic);
                    if (a <= max)
                    {
                        sum += Math.Exp(a - max);
                    }
                    else
                    {
                        sum = (sum * Math.Exp(max - a)) + 1;
                        max = a;
                    }
                }

                double logPrior = 0;
                for (int p = 0; p < d; p++)
                {
                    logPrior += _priors[p].DensityLn(theta[p]);
                }

                logWeights[i] = logPrior - (max + Math.Log(sum));
            }
        });
        next.SetLogWeights(logWeights);
    }

    private AbcSmcResult Result(AbcPopulation population, List<AbcSmcGeneration> history, AbcSmcStopReason reason)
    {
        int d = _dimension;
        var particles = new AbcParticle[population.Count];
        for (int i = 0; i < population.Count; i++)
        {
            particles[i] = new AbcParticle(population.Particle(i).ToArray(), population.Weights[i], population.Distances[i], population.Statistics[i], population.Keys[i]);
        }

        var summaries = new ParameterSummary[d];
        double[] column = new double[population.Count];
        for (int p = 0; p < d; p++)
        {
            var statistics = new RunningWeightedStatistics();
            for (int i = 0; i < population.Count; i++)
            {
                column[i] = population.Theta[(i * d) + p];
                statistics.Push(population.Weights[i], column[i]);
            }

            summaries[p] = new ParameterSummary(
                _parameters[p].Name,
                statistics.Mean,
                statistics.StandardDeviation,
                WeightedQuantile.Of(column, population.Weights, 0.025),
                WeightedQuantile.Of(column, population.Weights, 0.975));
        }

        return new AbcSmcResult(_parameters, _observed, _options, particles, [.. history], summaries, reason);
    }
}
