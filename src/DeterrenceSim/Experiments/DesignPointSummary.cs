using System.Globalization;
using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One design point of a sweep summarised over its replications: a tidy record, one a point, like the rows of Agents.jl's
/// <c>paramscan</c> or Mesa's <c>batch_run</c> aggregated by point. Each measure has two estimates:
/// <list type="bullet">
/// <item><see cref="Pooled"/>: the counts summed over the replications out of the summed trials, with the 95% Wilson
/// score interval (Wilson 1927) — binomial error of all the rounds together;</item>
/// <item><see cref="MeanOfReplications"/>: the mean of the replications' rates with the 95% Student-t interval,
/// mean ± t(0.975, R − 1) · s/√R within [0, 1] (DESIGN.md section 5) — the Monte Carlo error measured from the spread
/// over replications, the band <c>deterrence-sim plot</c> draws. Prefer it for runs over periods, whose periods are not
/// independent trials.</item>
/// </list>
/// With the same trials in every replication (as a sweep plays them) both estimates have the same centre. The measures
/// of the attribution by mechanism (<see cref="Measure.Mechanisms"/>) are summarised too when the rows record them
/// (<see cref="RecordsMechanisms"/>): a but-for share and <c>shapley.rational</c> like any rate; a Shapley share
/// (<see cref="Measure.IsMean"/>) by <see cref="PooledMean"/>, the per-round mean over all the point's rounds from the
/// summed exact sums with its t interval, and by <see cref="MeanOfReplications"/> within [−1, 1].
/// </summary>
/// <example>
/// <code>
/// foreach (var point in sweep.Summarise())
/// {
///     Console.WriteLine($"{point.Values["states.JPN.perception.credulity"]}: {point.MeanOfReplications(Measure.War)}");
/// }
/// </code>
/// </example>
public sealed class DesignPointSummary
{
    private readonly long[] _counts;
    private readonly double[] _means;
    private readonly double[] _squaredDeviations;
    private readonly long[]? _mechanismSums;

    private DesignPointSummary(long point, IReadOnlyDictionary<string, double> values, int replications, int ran, long trials, long[] counts, double[] means, double[] squaredDeviations, string? error, IReadOnlyList<Measure> reported, long[]? mechanismSums)
    {
        _mechanismSums = mechanismSums;
        Reported = reported;
        Point = point;
        Values = values;
        Replications = replications;
        ReplicationsRun = ran;
        Trials = trials;
        Error = error;
        _counts = counts;
        _means = means;
        _squaredDeviations = squaredDeviations;
    }

    /// <summary>Gets the design point, 0 to <see cref="ExperimentDesign.PointCount"/> − 1.</summary>
    public long Point { get; }

    /// <summary>Gets the value of each factor at the point, keyed by the factor's parameter path
    /// (<see cref="Factor.Path"/>) and enumerated in the design's factor order.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>Gets the number of replications (rows) at the point, including those of a point that could not run.</summary>
    public int Replications { get; }

    /// <summary>Gets the number of replications that ran (rows with counts): the R of <see cref="MeanOfReplications"/>;
    /// 0 when the point could not run.</summary>
    public int ReplicationsRun { get; }

    /// <summary>Gets the trials summed over the replications that ran (rounds, or periods of runs): the denominator of
    /// <see cref="Pooled"/>. Range: ≥ 0.</summary>
    public long Trials { get; }

    /// <summary>Gets why the point could not run (its values make the scenario invalid), or <see langword="null"/> when it
    /// ran.</summary>
    public string? Error { get; }

    /// <summary>Gets whether the point ran: no row has an error.</summary>
    public bool Ran => Error is null;

    /// <summary>Gets the measures of the sweep's reporters (<see cref="SweepRow.Reported"/>), which
    /// <see cref="Pooled"/> and <see cref="MeanOfReplications"/> also take; empty without reporters.</summary>
    public IReadOnlyList<Measure> Reported { get; }

    /// <summary>Gets whether the point's rows record the attribution by mechanism (<see cref="SweepRow.RecordsMechanisms"/>),
    /// so that its measures can be summarised.</summary>
    public bool RecordsMechanisms => _mechanismSums is not null;

    /// <summary>The pooled rate of a measure: its counts summed over the replications out of <see cref="Trials"/>, with
    /// the 95% Wilson score interval (Wilson 1927).</summary>
    /// <param name="measure">The measure, such as <see cref="Measure.War"/> or <c>Measure.ButFor(f)</c>.</param>
    /// <returns>The rate; with no trials (a point that could not run) the estimate is <see langword="null"/> and the
    /// interval [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A Shapley share (a mean: see <see cref="PooledMean"/>), or a reporter's
    /// measure the rows did not count.</exception>
    /// <exception cref="InvalidOperationException">A mechanism measure of rows that do not record them.</exception>
    public Proportion Pooled(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.IsMean)
        {
            throw new ArgumentException($"'{measure.Name}' is a mean share, not a rate: read it with PooledMean(measure).", nameof(measure));
        }

        return Proportion.Wilson(measure.IsMechanism ? MechanismSumsFor(measure)[measure.MechanismSlot] : _counts[measure.SlotAmong(Reported)], Trials);
    }

    /// <summary>The pooled Shapley share of a factor (<see cref="Measure.IsMean"/>): the mean of the per-round Shapley
    /// value over all the point's rounds (<see cref="Trials"/>), from the exact sums added over the replications, with
    /// its 95% t interval from the per-round variance within [−1, 1], as <c>run</c> computes it over its rounds.</summary>
    /// <param name="measure">The measure, such as <c>Measure.Shapley(MechanismFactor.DefenderOwnCredulity)</c>.</param>
    /// <returns>The mean; with no trials the mean is <see langword="null"/> and the interval [−1, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The measure is a rate (see <see cref="Pooled"/>).</exception>
    /// <exception cref="InvalidOperationException">The rows do not record the attribution by mechanism.</exception>
    public MeanEstimate PooledMean(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!measure.IsMean)
        {
            throw new ArgumentException($"'{measure.Name}' is a rate: read it with Pooled(measure).", nameof(measure));
        }

        var sums = MechanismSumsFor(measure);
        return Trials == 0 ? MeanEstimate.FromMoments(0, 0, 0, -1, 1) : MechanismLayout.ShapleyMean(sums[measure.MechanismSlot], sums[measure.MechanismSlot + 1], Trials);
    }

    /// <summary>The mean over the replications of a measure's estimate (a rate: each replication's count over its
    /// trials; a Shapley share: each replication's mean), with its 95% Student-t interval mean ± t(0.975, R − 1) · s/√R
    /// truncated to [0, 1] (a Shapley share: [−1, 1]) (DESIGN.md section 5).</summary>
    /// <param name="measure">The measure, such as <see cref="Measure.War"/>.</param>
    /// <returns>The estimate, <see cref="MeanEstimate.Count"/> = <see cref="ReplicationsRun"/>. With one replication
    /// the mean is that replication's rate, the standard error is <see langword="null"/> and the interval is [0, 1]:
    /// one replication has no spread to measure (its binomial interval is <see cref="Pooled"/>). With none (a point that
    /// could not run) the mean is <see langword="null"/> and the interval [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A reporter's measure the rows did not count.</exception>
    /// <exception cref="InvalidOperationException">A mechanism measure of rows that do not record them.</exception>
    public MeanEstimate MeanOfReplications(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.IsMechanism)
        {
            MechanismSumsFor(measure);
        }

        int slot = SlotOf(measure, Reported);
        return MeanEstimate.FromMoments(ReplicationsRun, _means[slot], _squaredDeviations[slot], measure.IsMean ? -1 : 0, 1);
    }

    /// <summary>Summarises sweep rows by design point: from <see cref="Sweep.Rows"/>, or rows read back from a results
    /// file (<c>SweepRowReader.Read(path, out var paths)</c>, then <c>DesignPointSummary.Of(rows, paths)</c>).</summary>
    /// <param name="rows">The rows, in any order; each point's values are taken from its first row. They are read once,
    /// and only each point's sums are kept.</param>
    /// <param name="factorPaths">The factors' parameter paths, in the order of <see cref="SweepRow.Values"/>
    /// (<see cref="ExperimentDesign.Factors"/>, or the paths the reader returns).</param>
    /// <returns>One summary a point, in point order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has not one value per factor path, the paths repeat, or a (point,
    /// replication) comes twice.</exception>
    /// <exception cref="InvalidOperationException">A row's counts are not one per measure within [0, trials].</exception>
    public static IReadOnlyList<DesignPointSummary> Of(IEnumerable<SweepRow> rows, IReadOnlyList<string> factorPaths)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(factorPaths);
        string[] paths = [.. factorPaths];
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
        {
            throw new ArgumentException($"The factor paths repeat: {string.Join(", ", paths)}.", nameof(factorPaths));
        }

        var points = new SortedDictionary<long, Accumulator>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (row.Values.Length != paths.Length)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"point {row.Point}, replication {row.Replication}: {row.Values.Length} values for {paths.Length} factor paths ({string.Join(", ", paths)})."), nameof(rows));
            }

            if (!points.TryGetValue(row.Point, out var accumulator))
            {
                accumulator = new Accumulator([.. row.Values], row.Reported, row.RecordsMechanisms);
                points.Add(row.Point, accumulator);
            }

            accumulator.Add(row);
        }

        return [.. points.Select(p => p.Value.Summary(p.Key, paths))];
    }

    /// <summary>A one-line summary: the point, its values and the war rate (mean of replications with its t-interval),
    /// or the error.</summary>
    /// <returns>Such as <c>point 2 (states.JPN.perception.credulity = 0.4), 5 replications: war 0.0187 [0.0171, 0.0203] (n = 5)</c>.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string head = string.Create(c, $"point {Point} ({string.Join(", ", Values.Select(v => string.Create(c, $"{v.Key} = {v.Value:G6}")))}), {Replications} replications");
        return Ran ? head + ": war " + MeanOfReplications(Measure.War) : head + ": cannot run: " + Error;
    }

    /// <summary>The place of a measure among a summary's moments: <see cref="Measure.All"/>, the reporters, then
    /// <see cref="Measure.Mechanisms"/>.</summary>
    private static int SlotOf(Measure measure, IReadOnlyList<Measure> reported)
    {
        if (!measure.IsMechanism)
        {
            return measure.SlotAmong(reported);
        }

        int k = 0;
        while (!Measure.Mechanisms[k].Equals(measure))
        {
            k++;
        }

        return Measure.All.Count + reported.Count + k;
    }

    /// <summary>The summed mechanism sums, or a clear error when the rows do not record them.</summary>
    private long[] MechanismSumsFor(Measure measure) => _mechanismSums
        ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"point {Point}: no '{measure.Name}': the rows do not record the attribution by mechanism (a file written before sweep results had the mechanism columns: sidecar formatVersion 2 or earlier)."));

    /// <summary>The sums of one point's rows: counts, the mechanism sums, and Welford's running moments of each measure's
    /// estimate (Welford 1962).</summary>
    private sealed class Accumulator(double[] values, IReadOnlyList<Measure> reported, bool mechanisms)
    {
        private readonly long[] _counts = new long[Measure.All.Count + reported.Count];
        private readonly long[]? _mechanismSums = mechanisms ? new long[MechanismLayout.RowLength] : null;
        private readonly double[] _means = new double[Measure.All.Count + reported.Count + (mechanisms ? Measure.Mechanisms.Count : 0)];
        private readonly double[] _squaredDeviations = new double[Measure.All.Count + reported.Count + (mechanisms ? Measure.Mechanisms.Count : 0)];
        private readonly HashSet<int> _seen = [];
        private int _rows;
        private int _ran;
        private long _trials;
        private string? _error;

        public void Add(SweepRow row)
        {
            if (!_seen.Add(row.Replication))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"point {row.Point}, replication {row.Replication} comes twice: the rows repeat (a file or shard read twice?)."), "rows");
            }

            if (row.RecordsMechanisms != mechanisms)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"point {row.Point}, replication {row.Replication} {(row.RecordsMechanisms ? "records" : "does not record")} the attribution by mechanism, and the point's first row {(mechanisms ? "does" : "does not")}: summarise the rows of one sweep file at a time."), "rows");
            }

            _rows++;
            if (!row.Ran || row.Error is not null)
            {
                _error ??= row.Error ?? "the row has no counts";
                return;
            }

            _ran++;
            _trials += row.Trials;
            foreach (var measure in Measure.All.Concat(reported))
            {
                var rate = row[measure];
                int i = measure.SlotAmong(reported);
                _counts[i] += rate.Count;
                AddMoment(i, rate.Estimate ?? 0);
            }

            if (_mechanismSums is not null)
            {
                foreach (var measure in Measure.Mechanisms)
                {
                    AddMoment(SlotOf(measure, reported), row.Estimate(measure) ?? 0);
                }

                for (int i = 0; i < _mechanismSums.Length; i++)
                {
                    _mechanismSums[i] += row.MechanismSums![i];
                }
            }
        }

        public DesignPointSummary Summary(long point, string[] paths) =>
            new(point, new FactorValues(paths, values), _rows, _ran, _trials, _counts, _means, _squaredDeviations, _error, reported, _mechanismSums);

        private void AddMoment(int i, double x)
        {
            double delta = x - _means[i];
            _means[i] += delta / _ran;
            _squaredDeviations[i] += delta * (x - _means[i]);
        }
    }

    /// <summary>The factors' values keyed by path, enumerated in the design's factor order.</summary>
    private sealed class FactorValues(string[] paths, double[] values) : IReadOnlyDictionary<string, double>
    {
        public int Count => paths.Length;

        public IEnumerable<string> Keys => paths;

        public IEnumerable<double> Values => values;

        public double this[string key] => TryGetValue(key, out double value)
            ? value
            : throw new KeyNotFoundException($"No factor has the path '{key}'; the factors are: {string.Join(", ", paths)}.");

        public bool ContainsKey(string key) => Array.IndexOf(paths, key) >= 0;

        public bool TryGetValue(string key, out double value)
        {
            int i = Array.IndexOf(paths, key);
            value = i >= 0 ? values[i] : 0;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
        {
            for (int i = 0; i < paths.Length; i++)
            {
                yield return new(paths[i], values[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
