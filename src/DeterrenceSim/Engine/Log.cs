using Microsoft.Extensions.Logging;

namespace DeterrenceSim.Engine;

/// <summary>Source-generated log messages of the engine, with stable event ids. Never called per round.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Monte Carlo started: scenario {Scenario}, crisis {Crisis}, {Rounds} rounds, seed {Seed}, replication {Replication}, {Threads} threads")]
    public static partial void RunStarted(ILogger logger, string scenario, string crisis, long rounds, ulong seed, int replication, int threads);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Monte Carlo finished: crisis {Crisis}, {Rounds} rounds in {ElapsedMilliseconds} ms, war rate {WarRate}")]
    public static partial void RunFinished(ILogger logger, string crisis, long rounds, long elapsedMilliseconds, double warRate);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Runs started: scenario {Scenario}, {Periods} periods, {Replications} replications, seed {Seed}, {Threads} threads")]
    public static partial void SimulationStarted(ILogger logger, string scenario, int periods, int replications, ulong seed, int threads);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Runs finished: {Periods} periods, {Replications} replications in {ElapsedMilliseconds} ms")]
    public static partial void SimulationFinished(ILogger logger, int periods, int replications, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Monte Carlo cancelled: crisis {Crisis} after {RoundsCompleted} of {Rounds} rounds")]
    public static partial void RunCancelled(ILogger logger, string crisis, long roundsCompleted, long rounds);
}
