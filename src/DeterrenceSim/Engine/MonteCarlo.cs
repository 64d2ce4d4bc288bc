using System.Diagnostics;
using DeterrenceSim.Compilation;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeterrenceSim.Engine;

/// <summary>
/// Plays N rounds of one crisis and estimates outcome and war-cause rates (DESIGN.md sections 3 and 5).
/// Rounds are split into fixed chunks of <see cref="ChunkSize"/>; each round's random streams are keyed by
/// (seed, replication, round) alone and chunk sums are reduced in chunk order, so the result is bit-identical for any
/// thread count.
/// </summary>
/// <example>
/// <code>
/// var scenario = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
/// var result = new MonteCarlo(scenario).Run("east-china-sea", new RoundOptions { Rounds = 100_000, Seed = 42 });
/// Console.WriteLine(result[Outcome.War]);
/// </code>
/// </example>
public sealed partial class MonteCarlo
{
    /// <summary>The number of rounds in a chunk: the unit of work and of floating-point reduction.</summary>
    public const int ChunkSize = 16_384;

    /// <summary>Chunks run in parallel between two ordered reductions: bounds memory whatever the round count.</summary>
    private const int ChunksPerBatch = 4_096;

    /// <summary>The world at the start of a run: no learning, no overstretch.</summary>
    private readonly WorldState _initial;

    private readonly CompiledScenario _scenario;
    private readonly ILogger _logger;

    /// <summary>E[p] of each crisis (in <see cref="CompiledScenario.Crises"/> order) at the start of a run: computed on
    /// first use, then shared by every run of this instance.</summary>
    private readonly Lazy<double>[] _expectedWin;

    /// <summary>The crisis frame of each crisis (in <see cref="CompiledScenario.Crises"/> order) at the start of a run:
    /// built on first use and shared, read-only, by every run of rounds of this instance (the replications of a sweep's
    /// point).</summary>
    private readonly Lazy<CrisisFrame>[] _frames;

    /// <summary>Initializes a new instance of the <see cref="MonteCarlo"/> class.</summary>
    /// <param name="scenario">The compiled scenario.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none (<see cref="NullLogger{T}"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public MonteCarlo(CompiledScenario scenario, ILogger<MonteCarlo>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _initial = new WorldState(scenario);
        _logger = logger ?? NullLogger<MonteCarlo>.Instance;
        _expectedWin = [.. scenario.Crises.Select(c => new Lazy<double>(() => new ExpectedWin(c).Compute(new CrisisFrame(c, _initial))))];
        _frames = [.. scenario.Crises.Select(c => new Lazy<CrisisFrame>(() => new CrisisFrame(c, _initial)))];
    }

    /// <summary>Gets the accurate-perception win probability of the challenger at the start of a run (no learning, no
    /// overstretch), p_acc = CSF(E[S(C)], E[S(D)]) (DESIGN.md section 3).</summary>
    /// <param name="crisisId">The crisis id.</param>
    /// <returns>p_acc in (0, 1).</returns>
    /// <exception cref="ArgumentException">No crisis has that id.</exception>
    public double AccurateWinProbability(string crisisId) => new CrisisFrame(_scenario.GetCrisis(crisisId), _initial).AccurateWinProbability;

    /// <summary>
    /// Gets the challenger's expected chance of victory in war at the start of a run (no learning, no overstretch):
    /// E[p], the expectation of the contest success function p = CSF(S(C), S(D)) = 1 / (1 + (S(D) / S(C))^m)
    /// (Tullock 1980) over the realised support of every supporter and over escalation (strikes and the members of the
    /// alliances they trigger), as the engine draws them in war (DESIGN.md section 3). The victory draw of a war uses
    /// this p, and realised support is drawn independently of the decision to fight, so E[p] is the challenger's
    /// victory rate among wars. It is not <see cref="AccurateWinProbability"/> = CSF(E[S(C)], E[S(D)]), which
    /// perceptions and the attribution use: the CSF is not linear, and p_acc leaves out escalation.
    /// </summary>
    /// <param name="crisisId">The crisis id.</param>
    /// <returns>E[p] in [0, 1]: exact by enumeration when every outcome of the strikes leaves at most 20 participants
    /// whose fighting is uncertain, else within about 1e-4 (a binned distribution of each side's strength); NaN when the
    /// crisis has more than 12 distinct strikes of uncertain outcome (2^12 outcomes are enumerated at most).</returns>
    /// <exception cref="ArgumentException">No crisis has that id.</exception>
    public double ExpectedWinProbability(string crisisId) => ExpectedWinOf(_scenario.GetCrisis(crisisId));

    /// <summary>Plays the rounds of one crisis.</summary>
    /// <param name="crisisId">The crisis id.</param>
    /// <param name="options">Rounds, seed, replication and threads; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives progress after each chunk, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between chunks.</param>
    /// <returns>The rates with their 95% intervals.</returns>
    /// <exception cref="ArgumentException">No crisis has that id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public SimulationResult Run(
        string crisisId,
        RoundOptions? options = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RoundOptions();
        options.Validate();
        var crisis = _scenario.GetCrisis(crisisId);

        return Result(crisis, options, PlayBuiltIn(crisis, options, progress, cancellationToken));
    }

    /// <summary>
    /// Plays the rounds of one crisis under a bargaining protocol of the caller's choice, instead of the crisis's own,
    /// with the built-in perception (<see cref="LogisticPerception"/>) and preventive test (<see cref="PowellPreventiveWar"/>).
    /// The engine is compiled for <typeparamref name="TProtocol"/>: a user-defined protocol costs what a built-in one does.
    /// </summary>
    /// <typeparam name="TProtocol">The bargaining protocol, a struct such as <see cref="NashSplit"/>,
    /// <see cref="TakeItOrLeaveIt"/> or one of your own.</typeparam>
    /// <param name="crisisId">The crisis id.</param>
    /// <param name="options">Rounds, seed, replication and threads; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives progress after each chunk, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between chunks.</param>
    /// <returns>The rates with their 95% intervals.</returns>
    /// <exception cref="ArgumentException">No crisis has that id, or the crisis lacks a cost the protocol needs: a
    /// <c>defenderCost</c>, or with <see cref="IBargainingProtocol.PrivateDefenderCost"/> a
    /// <c>bargaining.defenderCostUpperBound</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    /// <example>
    /// <code>
    /// var result = monteCarlo.Run&lt;TakeItOrLeaveIt&gt;("baltic", new RoundOptions { Rounds = 100_000 });
    /// </code>
    /// </example>
    public SimulationResult Run<TProtocol>(
        string crisisId,
        RoundOptions? options = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TProtocol : struct, IBargainingProtocol =>
        Run<TProtocol, LogisticPerception, PowellPreventiveWar>(crisisId, options, progress, cancellationToken);

    /// <summary>
    /// Plays the rounds of one crisis with the strategies of the caller's choice: bargaining protocol (instead of the
    /// crisis's own), perception model and preventive-war decision. The engine is compiled for the three types: a
    /// user-defined strategy costs what a built-in one does. The built-ins are
    /// <c>Run&lt;NashSplit or TakeItOrLeaveIt, LogisticPerception, PowellPreventiveWar&gt;</c>.
    /// </summary>
    /// <typeparam name="TProtocol">The bargaining protocol (<see cref="IBargainingProtocol"/>).</typeparam>
    /// <typeparam name="TPerception">The perception model (<see cref="IPerceptionModel"/>).</typeparam>
    /// <typeparam name="TWarDecision">The preventive-war decision (<see cref="IPreventiveWarDecision"/>).</typeparam>
    /// <param name="crisisId">The crisis id.</param>
    /// <param name="options">Rounds, seed, replication and threads; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives progress after each chunk, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between chunks.</param>
    /// <returns>The rates with their 95% intervals.</returns>
    /// <exception cref="ArgumentException">No crisis has that id, or the crisis lacks a cost the protocol needs: a
    /// <c>defenderCost</c>, or with <see cref="IBargainingProtocol.PrivateDefenderCost"/> a
    /// <c>bargaining.defenderCostUpperBound</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public SimulationResult Run<TProtocol, TPerception, TWarDecision>(
        string crisisId,
        RoundOptions? options = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TProtocol : struct, IBargainingProtocol
        where TPerception : struct, IPerceptionModel
        where TWarDecision : struct, IPreventiveWarDecision
    {
        options ??= new RoundOptions();
        options.Validate();
        var crisis = _scenario.GetCrisis(crisisId);
        if (TProtocol.PrivateDefenderCost && crisis.DefenderCostUpperBound is null)
        {
            throw new ArgumentException(
                $"The protocol {typeof(TProtocol).Name} draws the defender's cost privately, but crisis {crisis.Id} has no bargaining.defenderCostUpperBound.",
                nameof(crisisId));
        }

        if (!TProtocol.PrivateDefenderCost && crisis.DefenderCost is null)
        {
            throw new ArgumentException($"The protocol {typeof(TProtocol).Name} needs the defender's cost, but crisis {crisis.Id} has no defenderCost.", nameof(crisisId));
        }

        return Result(crisis, options, PlayRounds<TProtocol, TPerception, TWarDecision>(crisis, options, progress, cancellationToken));
    }

    /// <summary>Plays the rounds of one crisis, as <see cref="Run(string, RoundOptions?, IProgress{MonteCarloProgress}?, CancellationToken)"/>
    /// does, and returns only their counts: no rates, intervals, attribution or E[p] (a sweep keeps only the counts).</summary>
    /// <param name="crisisId">The crisis id.</param>
    /// <param name="options">Rounds, seed, replication, threads and reporters.</param>
    /// <param name="cancellationToken">Cancels the run between chunks.</param>
    /// <returns>The counts: what <see cref="Run(string, RoundOptions?, IProgress{MonteCarloProgress}?, CancellationToken)"/>'s
    /// result is built from.</returns>
    internal PlayedRounds Count(string crisisId, RoundOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        return PlayBuiltIn(_scenario.GetCrisis(crisisId), options, null, cancellationToken);
    }

    /// <summary>The rounds of one crisis with validated options on the built-in strategies: the crisis's own protocol
    /// picks the closed generic engine once per run, so its rounds are specialised.</summary>
    private PlayedRounds PlayBuiltIn(CompiledCrisis crisis, RoundOptions options, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken) => crisis.Protocol switch
    {
        BargainingProtocol.NashSplit => PlayRounds<NashSplit, LogisticPerception, PowellPreventiveWar>(crisis, options, progress, cancellationToken),
        BargainingProtocol.TakeItOrLeaveIt => PlayRounds<TakeItOrLeaveIt, LogisticPerception, PowellPreventiveWar>(crisis, options, progress, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown bargaining protocol {crisis.Protocol}."),
    };

    /// <summary>A run's rates and intervals from its counts.</summary>
    private SimulationResult Result(CompiledCrisis crisis, RoundOptions options, PlayedRounds played)
    {
        // E[p] is the same for every run of this instance (the frame is the start-of-run world's); a sweep, which keeps
        // only the counts, does not compute it.
        double expectedWinProbability = options.WithoutExpectedWin ? double.NaN : ExpectedWinOf(crisis);
        return BuildResult(crisis, played.AccurateWinProbability, expectedWinProbability, options, played.Tally, played.SettlementSum, played.SettlementSumOfSquares, played.Reported);
    }

    /// <summary>Plays the rounds of one crisis with validated options, on the engine compiled for the strategies, and
    /// returns their counts and sums.</summary>
    private PlayedRounds PlayRounds<TProtocol, TPerception, TWarDecision>(
        CompiledCrisis crisis,
        RoundOptions options,
        IProgress<MonteCarloProgress>? progress,
        CancellationToken cancellationToken)
        where TProtocol : struct, IBargainingProtocol
        where TPerception : struct, IPerceptionModel
        where TWarDecision : struct, IPreventiveWarDecision
    {
        string crisisId = crisis.Id;
        var frame = FrameOf(crisis); // read-only: shared by the workers, and by every run of this instance
        long rounds = options.Rounds;
        long chunks = (rounds + ChunkSize - 1) / ChunkSize;
        int batch = (int)Math.Min(chunks, ChunksPerBatch);
        var settlementSums = new double[batch];
        var settlementSquares = new double[batch];
        var total = new RoundTally(crisis.AllianceIds.Length, crisis.ParticipantIds.Length);
        var reporters = options.Reporters.Select(r => r.Rounds!).ToArray();
        var reported = new long[reporters.Length];
        ulong crisisKey = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(options.Seed, options.Replication), crisis.Id);
        long completed = 0;
        double sum = 0, squares = 0;
        var stopwatch = Stopwatch.StartNew();
        Log.RunStarted(_logger, _scenario.Scenario.Name, crisisId, rounds, options.Seed, options.Replication, options.Threads);

        (RoundEngine<TProtocol, TPerception, TWarDecision> Engine, RoundTally Tally, long[] Reported) NewWorker() =>
            (new RoundEngine<TProtocol, TPerception, TWarDecision>(frame), new RoundTally(crisis.AllianceIds.Length, crisis.ParticipantIds.Length), new long[reporters.Length]);

        (RoundEngine<TProtocol, TPerception, TWarDecision> Engine, RoundTally Tally, long[] Reported) PlayChunk(long firstChunk, int i, (RoundEngine<TProtocol, TPerception, TWarDecision> Engine, RoundTally Tally, long[] Reported) worker)
        {
            long start = (firstChunk + i) * ChunkSize;
            long end = Math.Min(start + ChunkSize, rounds);
            worker.Tally.SettlementSum = 0;
            worker.Tally.SettlementSumOfSquares = 0;
            if (reporters.Length == 0)
            {
                worker.Engine.PlayRounds(crisisKey, start, end, worker.Tally);
            }
            else
            {
                // Reporters are the researcher's code: a separate loop, so that runs without them do not pay.
                for (long round = start; round < end; round++)
                {
                    worker.Engine.PlayRound(crisisKey, round, out var record);
                    worker.Tally.Add(record, worker.Engine);
                    var row = record.ToRow();
                    for (int j = 0; j < reporters.Length; j++)
                    {
                        worker.Reported[j] += Report(options.Reporters[j], reporters[j], row, round) ? 1 : 0;
                    }
                }
            }

            settlementSums[i] = worker.Tally.SettlementSum;
            settlementSquares[i] = worker.Tally.SettlementSumOfSquares;
            long done = Interlocked.Add(ref completed, end - start);
            progress?.Report(new MonteCarloProgress(done, rounds));
            return worker;
        }

        void Merge((RoundEngine<TProtocol, TPerception, TWarDecision> Engine, RoundTally Tally, long[] Reported) worker)
        {
            lock (total)
            {
                total.Add(worker.Tally);
                for (int j = 0; j < reported.Length; j++)
                {
                    reported[j] += worker.Reported[j];
                }
            }
        }

        try
        {
            PlayChunks(chunks, batch, options.Threads, cancellationToken, NewWorker, PlayChunk, Merge, count =>
            {
                for (int i = 0; i < count; i++)
                {
                    sum += settlementSums[i];
                    squares += settlementSquares[i];
                }
            });
        }
        catch (OperationCanceledException)
        {
            Log.RunCancelled(_logger, crisisId, Interlocked.Read(ref completed), rounds);
            throw;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1 && e.InnerException is ReporterFailure failure)
        {
            // A reporter threw on a worker: the caller gets the reporter's error, not the thread pool's wrapper.
            throw new InvalidOperationException(failure.Message, failure.InnerException);
        }
        catch (ReporterFailure failure)
        {
            // A reporter threw on the one thread.
            throw new InvalidOperationException(failure.Message, failure.InnerException);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // A strategy threw, or broke its contract, on a worker: its own exception, not the thread pool's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log.RunFinished(_logger, crisisId, rounds, stopwatch.ElapsedMilliseconds, Proportion.Wilson(total.Outcome(Outcome.War), rounds).Estimate ?? 0);
        }

        return new PlayedRounds(frame.AccurateWinProbability, total, sum, squares, reported);
    }

    /// <summary>Plays a run's chunks a batch at a time, each batch's chunks in parallel (or, on one thread, in order
    /// without the thread pool's set-up: a sweep's or contrast's points run single-threaded, each a few rounds, and that
    /// set-up was a large part of a point's cost), then hands the batch's chunk count to <paramref name="afterBatch"/>
    /// on the calling thread, which adds the chunk sums in chunk order: the floating-point sums are then the same for
    /// any thread count, and memory does not grow with the rounds.</summary>
    private static void PlayChunks<TWorker>(long chunks, int batch, int threads, CancellationToken cancellationToken, Func<TWorker> newWorker, Func<long, int, TWorker, TWorker> playChunk, Action<TWorker> merge, Action<int> afterBatch)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (long first = 0; first < chunks; first += batch)
        {
            long firstChunk = first;
            int count = (int)Math.Min(batch, chunks - first);
            if (threads == 1)
            {
                var worker = newWorker();
                for (int i = 0; i < count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    playChunk(firstChunk, i, worker);
                }

                merge(worker);
            }
            else
            {
                Parallel.For(0, count, parallel, newWorker, (i, state, worker) => playChunk(firstChunk, i, worker), merge);
            }

            afterBatch(count);
        }
    }

    /// <summary>What a run of rounds counted: the accurate-perception win probability of its frame, the tally, the sums
    /// of the settlements over the peaceful rounds in chunk order, and each reporter's count.</summary>
    internal sealed record PlayedRounds(double AccurateWinProbability, RoundTally Tally, double SettlementSum, double SettlementSumOfSquares, long[] Reported);

    /// <summary>
    /// Plays R replications of runs of T periods of every crisis (DESIGN.md section 4): learning, engagement votes,
    /// growth and overstretch between and within periods.
    /// </summary>
    /// <param name="options">Periods, replications, seed and threads; <see langword="null"/> for the defaults.</param>
    /// <param name="rows">Receives every row, on the calling thread, in (replication, period, crisis) order whatever the
    /// thread count; <see langword="null"/> for none.</param>
    /// <param name="progress">Receives progress in replications, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between replications.</param>
    /// <returns>Per-period rates and run-level outcomes with intervals over replications.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A growth rate would take a capability out of [1e-300, 1e300] within
    /// the periods (<see cref="Scenarios.ScenarioValidator.CheckGrowth"/> checks this beforehand, as a scenario error).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public DynamicsResult Simulate(
        RunOptions? options = null,
        Action<PeriodRow>? rows = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        options.Validate();
        int periods = options.Periods ?? _scenario.Scenario.Periods;
        CheckGrowth(periods);
        int crises = _scenario.Crises.Length;
        int commitments = _scenario.Reliability.Length;
        var accumulator = new DynamicsAccumulator(_scenario, periods);
        var reporters = options.Reporters.Select(r => r.Periods!).ToArray();
        var reported = new long[crises * reporters.Length];
        var stopwatch = Stopwatch.StartNew();
        Log.SimulationStarted(_logger, _scenario.Scenario.Name, periods, options.Replications, options.Seed, options.Threads);

        // Replications run in parallel in batches, worker w taking replications w, w + threads, ... of the batch; the
        // calling thread then takes them in order, so sums and rows are the same for any thread count, and memory
        // holds one batch of traces.
        int threads = Math.Min(options.Threads, options.Replications);
        long traceBytes = (long)periods * ((crises * 96L) + (commitments * 24L)) + 1024;
        int batch = (int)Math.Clamp(TraceMemoryBudget / traceBytes, threads, threads * 8L);
        batch = Math.Min(batch, options.Replications);
        var traces = new ReplicationTrace[batch];
        for (int i = 0; i < batch; i++)
        {
            traces[i] = new ReplicationTrace(periods, crises, commitments, _scenario.Capability.Length);
        }

        var engines = new RunEngine[threads];
        for (int w = 0; w < threads; w++)
        {
            engines[w] = new RunEngine(_scenario);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (int start = 0; start < options.Replications; start += batch)
        {
            int count = Math.Min(batch, options.Replications - start);
            Parallel.For(0, threads, parallel, w =>
            {
                for (int i = w; i < count; i += threads)
                {
                    engines[w].Run(options.Seed, options.FirstReplication + start + i, traces[i]);
                }
            });
            for (int i = 0; i < count; i++)
            {
                accumulator.Add(traces[i]);
                if (rows is not null || reporters.Length > 0)
                {
                    // Rows are made only for a caller or reporters; reporters run here, in replication order.
                    EmitRows(traces[i], (row, k) =>
                    {
                        rows?.Invoke(row);
                        for (int j = 0; j < reporters.Length; j++)
                        {
                            try
                            {
                                reported[(k * reporters.Length) + j] += reporters[j](row) ? 1 : 0;
                            }
                            catch (Exception e) when (e is not OperationCanceledException)
                            {
                                throw new InvalidOperationException($"The reporter '{options.Reporters[j].Name}' threw in replication {row.Replication}, period {row.Period}, crisis {row.Crisis}: {e.Message}", e);
                            }
                        }
                    });
                }
            }

            progress?.Report(new MonteCarloProgress(start + count, options.Replications));
        }

        var result = accumulator.Result(options.Seed, options.Threads);
        if (reporters.Length > 0)
        {
            long trials = (long)periods * options.Replications;
            result = result with
            {
                Crises = [.. result.Crises.Select((c, k) => c with
                {
                    Reported = options.Reporters.Select((r, j) => (r.Name, Rate: Proportion.Wilson(reported[(k * reporters.Length) + j], trials)))
                        .ToDictionary(x => x.Name, x => x.Rate, StringComparer.Ordinal),
                })],
            };
        }

        Log.SimulationFinished(_logger, periods, options.Replications, stopwatch.ElapsedMilliseconds);
        return result;
    }

    /// <summary>Calls a reporter's predicate; an exception is reported with the reporter's name and the round.</summary>
    private static bool Report(Reporter reporter, Func<RoundRow, bool> predicate, RoundRow row, long round)
    {
        try
        {
            return predicate(row);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ReporterFailure($"The reporter '{reporter.Name}' threw in round {round}: {e.Message}", e);
        }
    }

    private double ExpectedWinOf(CompiledCrisis crisis) => _expectedWin[Array.IndexOf(_scenario.Crises, crisis)].Value;

    /// <summary>The shared start-of-run frame of a crisis of this scenario.</summary>
    private CrisisFrame FrameOf(CompiledCrisis crisis) => _frames[Array.IndexOf(_scenario.Crises, crisis)].Value;

    /// <summary>Memory for one batch of replication traces (bytes); the batch never has fewer traces than threads.</summary>
    private const long TraceMemoryBudget = 256L * 1024 * 1024;

    /// <summary>Growth is deterministic: check before the run that every capability stays finite and positive
    /// (<see cref="Scenarios.ScenarioValidator.CheckGrowth"/> says the same with the scenario's JSON path; callers that
    /// load scenarios check there first).</summary>
    private void CheckGrowth(int periods)
    {
        foreach (var state in _scenario.Scenario.States)
        {
            if (GrowthPath.FirstOutOfRange(state, periods) is var (period, _))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(periods),
                    periods,
                    $"The growth rate {state.GrowthRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} of {state.Id} takes its capability out of [1e-300, 1e300] in period {period} of {periods}.");
            }
        }
    }

    private void EmitRows(ReplicationTrace trace, Action<PeriodRow, int> rows)
    {
        int crises = trace.Crises, commitments = trace.Commitments;
        for (int t = 0; t < trace.Periods; t++)
        {
            var reliability = trace.Reliability.AsSpan(t * commitments, commitments).ToArray();
            var signal = trace.Signal.AsSpan(t * commitments, commitments).ToArray();
            var belief = trace.Belief.AsSpan(t * commitments, commitments).ToArray();
            for (int k = 0; k < crises; k++)
            {
                var r = trace.Records[(t * crises) + k];
                bool war = r.Outcome == Outcome.War;
                rows(
                    new PeriodRow
                    {
                        Replication = trace.Replication,
                        Period = t + 1,
                        Crisis = _scenario.CrisisIds[k],
                        Outcome = r.Outcome,
                        Cause = war ? r.Cause : null,
                        ChallengerBelief = r.ChallengerBelief,
                        DefenderBelief = r.DefenderBelief,
                        ChallengerPerceivedStrength = r.ChallengerPerceivedStrength,
                        DefenderPerceivedStrength = r.DefenderPerceivedStrength,
                        ChallengerRealisedStrength = war ? r.ChallengerRealisedStrength : null,
                        DefenderRealisedStrength = war ? r.DefenderRealisedStrength : null,
                        Settlement = war ? null : r.Settlement,
                        ChallengerWins = war ? r.ChallengerWins : null,
                        Reliability = reliability,
                        Signal = signal,
                        Belief = belief,
                    },
                    k);
            }
        }
    }

    private SimulationResult BuildResult(CompiledCrisis crisis, double accurateWinProbability, double expectedWinProbability, RoundOptions options, RoundTally tally, double settlementSum, double settlementSquares, long[] reported)
    {
        long rounds = options.Rounds;
        long wars = tally.Outcome(Outcome.War);
        long peace = rounds - wars;
        var outcomes = new Dictionary<Outcome, Proportion>();
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            outcomes[outcome] = Proportion.Wilson(tally.Outcome(outcome), rounds);
        }

        var causes = new Dictionary<WarCause, Proportion>();
        foreach (var cause in Enum.GetValues<WarCause>())
        {
            causes[cause] = Proportion.Wilson(tally.Cause(cause), rounds);
        }

        var alliances = new Dictionary<string, Proportion>(StringComparer.Ordinal);
        for (int a = 0; a < crisis.AllianceIds.Length; a++)
        {
            alliances[crisis.AllianceIds[a]] = Proportion.Wilson(tally.Counts[RoundTally.AllianceOffset + a], rounds);
        }

        var support = new Dictionary<string, Proportion>(StringComparer.Ordinal);
        for (int p = 0; p < crisis.ParticipantIds.Length; p++)
        {
            support[crisis.ParticipantIds[p]] = Proportion.Wilson(tally.Counts[tally.SupportOffset + p], wars);
        }

        return new SimulationResult
        {
            Scenario = _scenario.Scenario.Name,
            Crisis = crisis.Id,
            Rounds = rounds,
            Seed = options.Seed,
            Replication = options.Replication,
            Threads = options.Threads,
            AccurateWinProbability = accurateWinProbability,
            ExpectedWinProbability = expectedWinProbability,
            Outcomes = outcomes,
            WarCauses = causes,
            PreventiveFromMisperception = Proportion.Wilson(tally.Counts[RoundTally.PreventiveFromMisperceptionIndex], rounds),
            ChallengerVictoryGivenWar = Proportion.Wilson(tally.Counts[RoundTally.ChallengerWinsIndex], wars),
            MeanSettlement = MeanEstimate.FromSums(peace, settlementSum, settlementSquares, 0, 1),
            AlliancesTriggered = alliances,
            SupportRates = support,
            Reported = options.Reporters.Select((r, j) => (r.Name, Rate: Proportion.Wilson(reported[j], rounds))).ToDictionary(x => x.Name, x => x.Rate, StringComparer.Ordinal),
            Mechanisms = MechanismLayout.ToAttribution(tally.Mechanisms, rounds, crisis.ChallengerPerception, crisis.DefenderPerception),
        };
    }

    /// <summary>A reporter's exception on a worker thread, unwrapped from the thread pool's wrapper by the caller.</summary>
    private sealed class ReporterFailure(string message, Exception inner) : Exception(message, inner);
}
