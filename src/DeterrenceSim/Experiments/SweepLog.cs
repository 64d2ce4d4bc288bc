using Microsoft.Extensions.Logging;

namespace DeterrenceSim.Experiments;

/// <summary>Log messages of sweeps (source-generated, no allocation when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Sweep started: scenario {Scenario}, crisis {Crisis}, {Points} points, {Replications} replications of {Rounds} rounds, seed {Seed}, {Threads} threads")]
    public static partial void SweepStarted(ILogger logger, string scenario, string crisis, long points, int replications, long rounds, ulong seed, int threads);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Design point {Point} cannot run: {Reason}")]
    public static partial void PointFailed(ILogger logger, long point, string reason);
}
