using System.Diagnostics;
using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;
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
/// var result = new MonteCarlo(scenario).Run("east-china-sea", new MonteCarloOptions { Rounds = 100_000, Seed = 42 });
/// Console.WriteLine(result[Outcome.War]);
/// </code>
/// </example>
public sealed class MonteCarlo
{
    /// <summary>The number of rounds in a chunk: the unit of work and of floating-point reduction.</summary>
    public const int ChunkSize = 16_384;

    private readonly CompiledScenario _scenario;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="MonteCarlo"/> class.</summary>
    /// <param name="scenario">The compiled scenario.</param>
    /// <param name="logger">A logger, or <see langword="null"/> for none (<see cref="NullLogger{T}"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public MonteCarlo(CompiledScenario scenario, ILogger<MonteCarlo>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _logger = logger ?? NullLogger<MonteCarlo>.Instance;
    }

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
        MonteCarloOptions? options = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MonteCarloOptions();
        options.Validate();
        var crisis = _scenario.GetCrisis(crisisId);
        var frame = new CrisisFrame(crisis, _scenario.Initial); // read-only from here: shared by the workers
        long rounds = options.Rounds;
        int chunks = checked((int)((rounds + ChunkSize - 1) / ChunkSize));
        var settlementSums = new double[chunks];
        var settlementSquares = new double[chunks];
        var total = new RoundTally(crisis.AllianceIds.Length, crisis.ParticipantIds.Length);
        ulong replicationKey = RandomStreams.ReplicationKey(options.Seed, options.Replication);
        long completed = 0;
        var stopwatch = Stopwatch.StartNew();
        Log.RunStarted(_logger, _scenario.Scenario.Name, crisisId, rounds, options.Seed, options.Replication, options.Threads);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(
                0,
                chunks,
                parallel,
                () => (Engine: new RoundEngine(frame), Tally: new RoundTally(crisis.AllianceIds.Length, crisis.ParticipantIds.Length)),
                (chunk, state, worker) =>
                {
                    long start = (long)chunk * ChunkSize;
                    long end = Math.Min(start + ChunkSize, rounds);
                    worker.Tally.SettlementSum = 0;
                    worker.Tally.SettlementSumOfSquares = 0;
                    for (long round = start; round < end; round++)
                    {
                        worker.Engine.Play(RandomStreams.RoundKey(replicationKey, round), out var record);
                        worker.Tally.Add(record, worker.Engine);
                    }

                    settlementSums[chunk] = worker.Tally.SettlementSum;
                    settlementSquares[chunk] = worker.Tally.SettlementSumOfSquares;
                    long done = Interlocked.Add(ref completed, end - start);
                    progress?.Report(new MonteCarloProgress(done, rounds));
                    return worker;
                },
                worker =>
                {
                    lock (total)
                    {
                        total.Add(worker.Tally);
                    }
                });
        }
        catch (OperationCanceledException)
        {
            Log.RunCancelled(_logger, crisisId, Interlocked.Read(ref completed), rounds);
            throw;
        }

        double sum = 0, squares = 0;
        for (int c = 0; c < chunks; c++)
        {
            sum += settlementSums[c];
            squares += settlementSquares[c];
        }

        var result = BuildResult(crisis, frame.AccurateWinProbability, options, total, sum, squares);
        Log.RunFinished(_logger, crisisId, rounds, stopwatch.ElapsedMilliseconds, result[Outcome.War].Estimate ?? 0);
        return result;
    }

    private SimulationResult BuildResult(CompiledCrisis crisis, double accurateWinProbability, MonteCarloOptions options, RoundTally tally, double settlementSum, double settlementSquares)
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
            Outcomes = outcomes,
            WarCauses = causes,
            PreventiveFromMisperception = Proportion.Wilson(tally.Counts[RoundTally.PreventiveFromMisperceptionIndex], rounds),
            ChallengerVictoryGivenWar = Proportion.Wilson(tally.Counts[RoundTally.ChallengerWinsIndex], wars),
            MeanSettlement = MeanEstimate.FromSums(peace, settlementSum, settlementSquares),
            AlliancesTriggered = alliances,
            SupportRates = support,
        };
    }
}
