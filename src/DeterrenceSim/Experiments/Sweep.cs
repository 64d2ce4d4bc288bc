using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeterrenceSim.Experiments;

/// <summary>
/// A parameter sweep: at each point of an <see cref="ExperimentDesign"/>, the scenario with the point's values set at the
/// factors' parameter paths plays R replications of N rounds of one crisis (<see cref="MonteCarlo.Run"/>).
/// Random streams are keyed by (master seed, replication, round) and never by design point or thread (DESIGN.md
/// section 5), so replications differ and every point sees the same draws for the same replication: common random
/// numbers, which make differences between points free of sampling noise in the draws themselves. Rows are delivered in
/// (point, replication) order whatever the thread count.
/// </summary>
/// <example>
/// <code>
/// var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:5"));
/// var sweep = new Sweep(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), design, new SweepOptions { Rounds = 10_000, Replications = 4 });
/// foreach (var row in sweep.Rows()) { Console.WriteLine($"{row.Values[0]}: {row.Estimate("war")}"); }
/// </code>
/// </example>
public sealed class Sweep
{
    /// <summary>Round-replications per thread in one batch of points (about a quarter second of work).</summary>
    private const long WorkPerThreadBatch = 1L << 22;

    /// <summary>The most points in one batch.</summary>
    private const int MaxBatchPoints = 4_096;

    private readonly ILogger _logger;
    private readonly string _source;
    private readonly Measure[] _reported;

    /// <summary>The setters of the factors' concrete targets on the records of the base scenario; null when some target
    /// is not a field <see cref="RecordSetters"/> handles (the JSON route is then taken).</summary>
    private readonly RecordSetters? _setters;

    /// <summary>The setters on the records of the policy scenario of a contrast, as <see cref="_setters"/>.</summary>
    private readonly RecordSetters? _policySetters;

    /// <summary>Each concrete target's factor path and JSON path, to blame an invalid point's error on its factor.</summary>
    private readonly (string Path, string JsonPath)[] _written;

    /// <summary>Whether a point's values can be checked against their fields' domains alone (no target's field is
    /// constrained by other fields), instead of validating the whole scenario at every point.</summary>
    private readonly bool _domainsSuffice;

    /// <summary>The base scenario compiled once, when values are set on the records: a point's scenario is compiled
    /// from it by <see cref="CompiledScenario.WithValues"/>, which reuses the structure.</summary>
    private readonly CompiledScenario? _compiled;

    /// <summary>The policy scenario compiled once, as <see cref="_compiled"/>.</summary>
    private readonly CompiledScenario? _compiledPolicy;

    /// <summary>Initializes a new instance of the <see cref="Sweep"/> class and checks that every factor's path addresses
    /// numbers in the scenario.</summary>
    /// <param name="scenario">The base scenario (with any fixed overrides already applied).</param>
    /// <param name="design">The design.</param>
    /// <param name="options">What to play at each point; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    /// <param name="source">The scenario's file or name for error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> or <paramref name="design"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The crisis does not exist, or a factor's path addresses a value that is not a
    /// number (an id, a protocol name).</exception>
    /// <exception cref="ScenarioException">A factor's path matches nothing in the scenario, or the scenario is invalid;
    /// <see cref="ScenarioException.ParameterPath"/> names the path.</exception>
    public Sweep(Scenario scenario, ExperimentDesign design, SweepOptions? options = null, ILogger<Sweep>? logger = null, string? source = null)
        : this(scenario, null, design, options, logger, source)
    {
    }

    private Sweep(Scenario scenario, Scenario? policy, ExperimentDesign design, SweepOptions? options, ILogger<Sweep>? logger, string? source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(design);
        options ??= new SweepOptions();
        options.Validate();
        _source = source ?? "scenario '" + scenario.Name + "'";
        ScenarioValidator.Validate(scenario, _source, applyVariants: false); // variants: checked where loaded or applied
        string crisis = options.Crisis ?? (scenario.Crises.Count > 0 ? scenario.Crises[0].Id : "");
        if (!scenario.Crises.Any(c => string.Equals(c.Id, crisis, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no crisis '{crisis}'; its crises are: {string.Join(", ", scenario.Crises.Select(c => c.Id))}.", nameof(SweepOptions.Crisis));
        }

        if (policy is not null)
        {
            CheckContrast(scenario, policy, design, options, crisis, _source);
        }

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var setters = new RecordSetters(scenario);
        var policySetters = policy is null ? null : new RecordSetters(policy);
        var written = new List<(string, string)>();
        bool recordable = true;
        var root = ParameterPaths.TargetsRoot(scenario);
        for (int f = 0; f < design.Factors.Count; f++)
        {
            var factor = design.Factors[f];
            if (factor.IsDiscrete && ParameterCatalog.IsInteger(factor.Path)
                && Enumerable.Range(0, factor.Levels).Select(factor.Level).FirstOrDefault(v => v != Math.Floor(v), double.NaN) is var fraction && !double.IsNaN(fraction))
            {
                throw new ArgumentException($"'{factor.Path}' is an integer, but the grid {factor} has the level {fraction.ToString("R", CultureInfo.InvariantCulture)}: choose lo, hi and count so that every level is a whole number.", nameof(design));
            }

            if (!factor.IsDiscrete && ParameterCatalog.IsInteger(factor.Path))
            {
                throw new ArgumentException($"'{factor.Path}' is an integer: vary it on a grid with integer levels (PATH=lo:hi:count), not as a continuous factor of a {ExperimentDesign.Name(design.Kind)} design.", nameof(design));
            }

            if (factor.Path == "periods")
            {
                throw new ArgumentException("'periods' cannot be varied: the length of a run is SweepOptions.Periods (--periods), the same at every point; run one sweep per length.", nameof(design));
            }

            foreach (var (path, jsonPath, json) in ParameterPaths.Targets(root, factor.Path, _source))
            {
                if (json != "null" && !double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new ArgumentException($"'{factor.Path}' cannot be varied: '{path}' is {json}, not a number.", nameof(design));
                }

                if (owner.TryGetValue(path, out string? other))
                {
                    throw new ArgumentException($"'{other}' and '{factor.Path}' both set '{path}': each value can be varied by one factor only.", nameof(design));
                }

                owner[path] = factor.Path;
                written.Add((factor.Path, jsonPath));
                recordable &= setters.TryAdd(f, path) && (policySetters?.TryAdd(f, path) ?? true);
            }

            if (options.Periods is null && ParameterCatalog.IsRunsOnly(factor.Path) && factor.Path.Split('.')[^1] is var field)
            {
                warnings.Add($"'{factor.Path}' acts only in runs over periods ('{field}'), so it cannot change single rounds: give --periods (SweepOptions.Periods) to vary it.");
            }
        }

        _written = [.. written];
        _setters = recordable ? setters : null;
        _policySetters = recordable ? policySetters : null;
        if (recordable)
        {
            // Both scenarios were validated above; their points differ from them in numeric values only.
            _domainsSuffice = setters.Fields.All(f => !f.ConstrainedByOtherFields);
            _compiled = CompiledScenario.CompileValid(scenario);
            _compiledPolicy = policy is null ? null : CompiledScenario.CompileValid(policy);
        }

        if (design.Kind == DesignKind.Sobol && !System.Numerics.BitOperations.IsPow2(design.Samples))
        {
            warnings.Add($"a Sobol design is balanced only for a power of two of base samples; {design.Samples} is not (use {System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)design.Samples)}).");
        }

        Warnings = warnings;

        Scenario = scenario;
        Policy = policy;
        Design = design;
        Options = options;
        Crisis = crisis;
        _reported = [.. options.Reporters.Select(r => r.Measure)];
        _logger = logger ?? NullLogger<Sweep>.Instance;
    }

    /// <summary>
    /// A paired policy contrast over an uncertainty design: at every point both the baseline and the policy scenario,
    /// each with the point's values set, play the same rounds (the same round keys: common random numbers), and each row
    /// holds the baseline's counts (<see cref="SweepRow.Counts"/>, <see cref="SweepRow.MechanismSums"/>, exactly what a
    /// sweep of the baseline gives), the policy's counts and the discordant pairs (<see cref="SweepRow.Contrast"/>), from
    /// which <see cref="SweepRow.Difference"/> gives policy minus baseline with a 95% interval that uses the pairing.
    /// </summary>
    /// <param name="baseline">The baseline scenario (with any fixed overrides already applied).</param>
    /// <param name="policy">The policy scenario: the baseline with the policy's changes (a variant, or overrides; see
    /// <see cref="PolicySpec"/>). It must have the crisis, and the design's paths must address the same values in both.</param>
    /// <param name="design">The uncertainty design: the factors both policies share.</param>
    /// <param name="options">What to play at each point; <see langword="null"/> for the defaults. Single rounds only: no
    /// <see cref="SweepOptions.Periods"/>, <see cref="SweepOptions.Precision"/> or reporters.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none.</param>
    /// <param name="source">The scenario's file or name for error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>The contrast, run like any sweep (<see cref="Rows"/>, <see cref="Run"/>, <see cref="IO.SweepFile.Run"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Periods, a precision target or reporters were given; the crisis is missing
    /// from either scenario; a factor is not a number; or the policy sets a value the design varies (each point would
    /// overwrite the policy, and the contrast would vanish there).</exception>
    /// <exception cref="ScenarioException">A factor's path matches nothing, or a scenario is invalid.</exception>
    public static Sweep Contrast(Scenario baseline, Scenario policy, ExperimentDesign design, SweepOptions? options = null, ILogger<Sweep>? logger = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new Sweep(baseline, policy, design, options, logger, source);
    }

    /// <summary>The base scenario (of a contrast: the baseline).</summary>
    public Scenario Scenario { get; }

    /// <summary>The policy scenario of a contrast (<see cref="Contrast"/>), or <see langword="null"/> for a sweep.</summary>
    public Scenario? Policy { get; }

    /// <summary>Whether this is a contrast: rows hold the policy's counts and the paired differences.</summary>
    public bool IsContrast => Policy is not null;

    /// <summary>Things about the sweep a researcher should know before trusting it, such as a factor that can only act in
    /// runs over periods varied in a sweep of single rounds; empty when there are none.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The design.</summary>
    public ExperimentDesign Design { get; }

    /// <summary>The options.</summary>
    public SweepOptions Options { get; }

    /// <summary>The crisis played at every point.</summary>
    public string Crisis { get; }

    /// <summary>Runs every point and returns the rows in (point, replication) order, lazily, a batch at a time: memory
    /// stays flat however large the design.</summary>
    /// <param name="cancellationToken">Cancels between points.</param>
    /// <returns>The rows.</returns>
    public IEnumerable<SweepRow> Rows(CancellationToken cancellationToken = default)
    {
        for (long start = 0; start < Design.PointCount; start += BatchPoints)
        {
            var batch = new List<SweepRow>();
            Run(start, Math.Min(Design.PointCount, start + BatchPoints), batch.AddRange, null, cancellationToken);
            foreach (var row in batch)
            {
                yield return row;
            }
        }
    }

    /// <summary>Runs every point and summarises each over its replications: one tidy record a design point, with the
    /// factor values by path, the pooled counts with their Wilson intervals and the t-interval of the replications'
    /// rates (<see cref="DesignPointSummary"/>). Memory holds the summaries, not the rows.</summary>
    /// <param name="cancellationToken">Cancels between points.</param>
    /// <returns>One summary a point, in point order (<see cref="ExperimentDesign.PointCount"/> of them).</returns>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public IReadOnlyList<DesignPointSummary> Summarise(CancellationToken cancellationToken = default) =>
        DesignPointSummary.Of(Rows(cancellationToken), [.. Design.Factors.Select(f => f.Path)]);

    /// <summary>The number of points run between two deliveries of rows: enough for every thread, and about a quarter
    /// second of work per thread.</summary>
    public int BatchPoints
    {
        get
        {
            if (BatchPointsOverride is int points)
            {
                return points;
            }

            // A period costs about as much as 100 rounds (three crises and the frames between periods).
            long work = Math.Max(1, (Options.Periods is int periods ? 100L * periods : Options.Rounds) * Options.Replications);
            long perThread = Math.Clamp(WorkPerThreadBatch / work, 1, MaxBatchPoints);
            return (int)Math.Clamp(perThread * Options.Threads, Options.Threads, MaxBatchPoints);
        }
    }

    /// <summary>Whether the points' values are set on the records (<see cref="RecordSetters"/>) rather than through JSON.</summary>
    internal bool SetsRecords => _setters is not null;

    /// <summary>Fixes <see cref="BatchPoints"/> (tests of interruption and resume).</summary>
    internal int? BatchPointsOverride { get; set; }

    /// <summary>Runs the points from <paramref name="first"/> up to (not including) <paramref name="end"/>, a batch
    /// (<see cref="BatchPoints"/>) at a time, in parallel; each batch's rows are handed over in (point, replication)
    /// order on the calling thread.</summary>
    /// <param name="first">The first point.</param>
    /// <param name="end">One past the last point.</param>
    /// <param name="batch">Receives each batch's rows.</param>
    /// <param name="progress">Receives progress in points, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels between points; rows already handed over stay valid.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within the design.</exception>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public void Run(long first, long end, Action<IReadOnlyList<SweepRow>> batch, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Design.PointCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, end);
        int threads = Options.Threads;
        int size = BatchPoints;
        long completed = 0;
        Log.SweepStarted(_logger, Scenario.Name, Crisis, end - first, Options.Replications, Options.Rounds, Options.Seed, threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (long start = first; start < end; start += size)
        {
            int count = (int)Math.Min(size, end - start);
            var results = new SweepRow[count][];
            long batchStart = start;
            if (count >= threads && threads > 1)
            {
                // Points in parallel, each single-threaded.
                try
                {
                    Parallel.For(0, count, parallel, i =>
                    {
                        results[i] = RunPoint(batchStart + i, 1, cancellationToken);
                        progress?.Report(new SweepProgress(Interlocked.Increment(ref completed), end - first));
                    });
                }
                catch (AggregateException e) when (e.InnerException is InvalidOperationException inner)
                {
                    // A reporter threw at some point: its error (naming the reporter), not the thread pool's wrapper.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                }
            }
            else
            {
                // Fewer points than threads: the rounds of each point in parallel.
                for (int i = 0; i < count; i++)
                {
                    results[i] = RunPoint(batchStart + i, threads, cancellationToken);
                    progress?.Report(new SweepProgress(Interlocked.Increment(ref completed), end - first));
                }
            }

            var rows = new List<SweepRow>(count * Options.Replications);
            foreach (var pointRows in results)
            {
                rows.AddRange(pointRows);
            }

            batch(rows);
        }
    }

    /// <summary>Runs one design point: its replications, or its failure as rows with an error.</summary>
    /// <param name="point">The point.</param>
    /// <param name="cancellationToken">Cancels the point.</param>
    /// <returns>The point's rows in replication order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The point is not in the design.</exception>
    public IReadOnlyList<SweepRow> RunPoint(long point, CancellationToken cancellationToken = default) =>
        RunPoint(point, Options.Threads, cancellationToken);

    /// <summary>The scenario at a design point: the base scenario with the point's values set.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The point's values make the scenario invalid.</exception>
    public Scenario ScenarioAt(long point) => ScenarioAt(Design.GetPoint(point));

    private Scenario ScenarioAt(double[] values) => ScenarioAt(Scenario, _setters, values);

    private Scenario ScenarioAt(Scenario baseScenario, RecordSetters? setters, double[] values)
    {
        if (setters is not null)
        {
            // Set on the records and check them: what ParameterPaths does through JSON, two orders of magnitude faster.
            var scenario = setters.Apply(values);
            if (_domainsSuffice && setters.InDomains(values))
            {
                // The base scenario is valid and only numbers changed, each within its field's domain and bound by no
                // rule between fields: the scenario is valid, and validating it again would cost most of the point.
                return scenario;
            }

            try
            {
                // Some value is out of its domain: the validator finds the first error, as it would in the file.
                ScenarioValidator.Validate(scenario, _source, applyVariants: false);
                return scenario;
            }
            catch (ScenarioException e)
            {
                throw ParameterPaths.Attribute(e, _written);
            }
        }

        var assignments = new KeyValuePair<string, string>[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            assignments[i] = new(Design.Factors[i].Path, values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return ParameterPaths.SetAll(baseScenario, assignments, _source);
    }

    private SweepRow[] RunPoint(long point, int threads, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        double[] values = Design.GetPoint(point);
        CompiledScenario compiled;
        CompiledScenario? compiledPolicy = null;
        try
        {
            compiled = Compile(_compiled, ScenarioAt(values));
            if (Policy is not null)
            {
                try
                {
                    compiledPolicy = Compile(_compiledPolicy, ScenarioAt(Policy, _policySetters, values));
                }
                catch (ScenarioException e)
                {
                    throw new ScenarioException("the policy of " + e.Source, e.JsonPath, e.Expected, e.Found, e.ParameterPath, e);
                }
            }
        }
        catch (ScenarioException e)
        {
            Log.PointFailed(_logger, point, e.Message);
            var failed = new SweepRow[Options.Replications];
            for (int r = 0; r < failed.Length; r++)
            {
                failed[r] = new SweepRow(point, r, Options.Seed, values, 0, null, e.Message) { Reported = _reported, RecordsMechanisms = true, RecordsContrast = IsContrast };
            }

            return failed;
        }

        if (compiledPolicy is not null)
        {
            return ContrastPoint(point, values, compiled, compiledPolicy, threads, cancellationToken);
        }

        var monteCarlo = new MonteCarlo(compiled);
        int crisisIndex = compiled.CrisisIds.ToList().IndexOf(Crisis);
        var target = Options.Precision;
        var pooled = new PooledMetric(target is null ? Measure.War : Measure.Parse(target.Metric));
        var rows = new List<SweepRow>(Options.Replications);
        if (Options.Periods is int length)
        {
            try
            {
                ScenarioValidator.CheckGrowth(compiled.Scenario, length, _source);
            }
            catch (ScenarioException e)
            {
                // Growth that leaves the capability range within the periods: this point cannot run.
                Log.PointFailed(_logger, point, e.Message);
                return [.. Enumerable.Range(0, Options.Replications).Select(i => new SweepRow(point, i, Options.Seed, values, 0, null, e.Message) { Reported = _reported, RecordsMechanisms = true })];
            }
        }

        for (int r = 0; r < Options.ReplicationCap; r++)
        {
            long trials = Options.TrialsPerReplication;
            var counts = new long[Measure.All.Count + Options.Reporters.Count];
            long[] mechanismSums;
            if (Options.Periods is int periods)
            {
                mechanismSums = PeriodCounts(monteCarlo, periods, r, threads, crisisIndex, counts, cancellationToken).Sums
                    ?? throw new System.Diagnostics.UnreachableException("The engine's attribution by mechanism has no sums.");
            }
            else
            {
                // Only the counts: what MonteCarlo.Run would turn into rates and intervals, and the sweep back into counts.
                var played = monteCarlo.Count(Crisis, new RoundOptions { Rounds = Options.Rounds, Seed = Options.Seed, Replication = r, Threads = threads, Reporters = Options.Reporters, WithoutExpectedWin = true }, cancellationToken);
                foreach (var measure in Measure.All)
                {
                    counts[measure.Index] = measure.Outcome is Outcome outcome ? played.Tally.Outcome(outcome) : played.Tally.Cause(measure.WarCause!.Value);
                }

                played.Reported.CopyTo(counts.AsSpan(Measure.All.Count));
                mechanismSums = played.Tally.Mechanisms;
            }

            // The attribution's exact integer sums over the rounds (or the periods of the run), both kinds of war together.
            var sums = MechanismLayout.RowSums(mechanismSums);
            var row = new SweepRow(point, r, Options.Seed, values, trials, counts, null) { Reported = _reported, MechanismSums = sums };
            rows.Add(row);
            pooled.Add(row);
            if (r + 1 >= Options.Replications && (target is null || pooled.HalfWidth <= target.HalfWidth))
            {
                break;
            }
        }

        return [.. rows];
    }

    /// <summary>Compiles a point's (valid) scenario: from the base's compilation when values are set on the records, which
    /// changes numbers only, else in full.</summary>
    private static CompiledScenario Compile(CompiledScenario? compiledBase, Scenario scenario) =>
        compiledBase is null ? CompiledScenario.Compile(scenario) : compiledBase.WithValues(scenario);

    /// <summary>Runs the replications of one contrast point: the baseline and the policy on the same rounds.</summary>
    private SweepRow[] ContrastPoint(long point, double[] values, CompiledScenario baseline, CompiledScenario policy, int threads, CancellationToken cancellationToken)
    {
        var baselineEngine = new MonteCarlo(baseline);
        var policyEngine = new MonteCarlo(policy);
        var rows = new SweepRow[Options.Replications];
        for (int r = 0; r < rows.Length; r++)
        {
            // Only the counts, as for a sweep's point (MonteCarlo.Count).
            var paired = baselineEngine.PairRounds(policyEngine, Crisis, new RoundOptions { Rounds = Options.Rounds, Seed = Options.Seed, Replication = r, Threads = threads, WithoutExpectedWin = true }, cancellationToken);
            var counts = new long[Measure.All.Count];
            var policyCounts = new long[Measure.All.Count];
            foreach (var measure in Measure.All)
            {
                counts[measure.Index] = measure.Outcome is Outcome outcome ? paired.Baseline.Outcome(outcome) : paired.Baseline.Cause(measure.WarCause!.Value);
                policyCounts[measure.Index] = measure.Outcome is Outcome policyOutcome ? paired.Policy.Outcome(policyOutcome) : paired.Policy.Cause(measure.WarCause!.Value);
            }

            var sums = MechanismLayout.RowSums(paired.Baseline.Mechanisms);
            rows[r] = new SweepRow(point, r, Options.Seed, values, Options.Rounds, counts, null)
            {
                Reported = _reported,
                MechanismSums = sums,
                Contrast = new ContrastCounts(policyCounts, paired.PolicyOnly, paired.BaselineOnly),
            };
        }

        return rows;
    }

    /// <summary>Checks what a contrast needs beyond a sweep: single rounds, the crisis in the policy, and a design that
    /// does not overwrite what the policy changes.</summary>
    private static void CheckContrast(Scenario baseline, Scenario policy, ExperimentDesign design, SweepOptions options, string crisis, string source)
    {
        if (options.Periods is not null || options.Precision is not null || options.Reporters.Count > 0)
        {
            string what = options.Periods is not null ? "runs over periods (SweepOptions.Periods, --periods)" : options.Precision is not null ? "a precision target (SweepOptions.Precision, --target)" : "reporters";
            throw new ArgumentException($"A contrast pairs single rounds at a fixed number of replications; it does not take {what}.", nameof(options));
        }

        ScenarioValidator.Validate(policy, "the policy of " + source, applyVariants: false);
        if (!policy.Crises.Any(c => string.Equals(c.Id, crisis, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The policy scenario has no crisis '{crisis}'; its crises are: {string.Join(", ", policy.Crises.Select(c => c.Id))}.", nameof(policy));
        }

        foreach (var factor in design.Factors)
        {
            var inBaseline = ParameterPaths.Targets(baseline, factor.Path, source).Select(t => (Path: t.ConcretePath, t.Value)).ToList();
            var inPolicy = ParameterPaths.Targets(policy, factor.Path, "the policy of " + source).Select(t => (Path: t.ConcretePath, t.Value)).ToList();
            if (!inBaseline.SequenceEqual(inPolicy))
            {
                var changed = inPolicy.Except(inBaseline).Concat(inBaseline.Except(inPolicy)).First();
                throw new ArgumentException($"The policy changes '{changed.Path}', which the design varies ('{factor.Path}'): every point would set it to the same value in both, and the contrast would vanish there. Vary something the policy does not set, or make the policy the change.", nameof(design));
            }
        }
    }

    /// <summary>Counts, over the periods of one run (replication r), the periods in which the crisis ended in each
    /// outcome and war cause; returns the crisis's attribution by mechanism over those periods.</summary>
    private MechanismAttribution PeriodCounts(MonteCarlo monteCarlo, int periods, int replication, int threads, int crisis, Span<long> counts, CancellationToken cancellationToken)
    {
        var run = monteCarlo.Simulate(
            new RunOptions { Periods = periods, Replications = 1, FirstReplication = replication, Seed = Options.Seed, Threads = threads, Reporters = Options.Reporters },
            null,
            null,
            cancellationToken).Crises[crisis];
        foreach (var measure in Measure.All)
        {
            counts[measure.Index] = measure.Outcome switch
            {
                null => run.WarCauses[measure.WarCause!.Value].Count,
                Outcome.Deterred => Total(run.DeterredByPeriod),
                Outcome.Concession => Total(run.ConcessionByPeriod),
                Outcome.War => Total(run.WarByPeriod),
                _ => throw new System.Diagnostics.UnreachableException($"No rates by period for the outcome {measure.Outcome}."),
            };
        }

        for (int j = 0; j < Options.Reporters.Count; j++)
        {
            counts[Measure.All.Count + j] = run.Reported[Options.Reporters[j].Name].Count;
        }

        return run.Mechanisms;

        static long Total(IEnumerable<Proportion> byPeriod) => byPeriod.Sum(p => p.Count);
    }
}
