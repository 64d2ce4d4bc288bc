namespace DeterrenceSim.IO;

/// <summary>What a sweep run or merge wrote.</summary>
/// <param name="Output">The results file.</param>
/// <param name="Points">The design points in the file.</param>
/// <param name="PointsRun">The points this call ran (fewer after a resume; 0 when the output was already complete).</param>
/// <param name="FailedPoints">Points that could not run (their rows hold an error).</param>
/// <param name="AlreadyComplete">The output was complete before this call.</param>
public sealed record SweepSummary(string Output, long Points, long PointsRun, long FailedPoints, bool AlreadyComplete)
{
    /// <summary>Gets the points that played the most replications of a precision target without meeting it.</summary>
    public long PointsAtCap { get; init; }
}
