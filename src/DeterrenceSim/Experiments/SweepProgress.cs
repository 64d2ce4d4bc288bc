namespace DeterrenceSim.Experiments;

/// <summary>Progress of a sweep, in design points.</summary>
/// <param name="PointsCompleted">Points finished so far in this call (resumed points not counted).</param>
/// <param name="TotalPoints">Points this call runs.</param>
public readonly record struct SweepProgress(long PointsCompleted, long TotalPoints);
