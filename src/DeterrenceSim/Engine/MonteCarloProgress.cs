namespace DeterrenceSim.Engine;

/// <summary>Progress of a Monte Carlo run, reported after each finished chunk of rounds.</summary>
/// <param name="RoundsCompleted">Rounds finished so far.</param>
/// <param name="TotalRounds">Rounds in the run.</param>
public readonly record struct MonteCarloProgress(long RoundsCompleted, long TotalRounds)
{
    /// <summary>Gets the fraction completed, in [0, 1].</summary>
    public double Fraction => TotalRounds == 0 ? 1 : (double)RoundsCompleted / TotalRounds;
}
