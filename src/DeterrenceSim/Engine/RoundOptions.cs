using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>Options of a Monte Carlo of single rounds of one crisis (DESIGN.md section 3; <see cref="MonteCarlo.Run"/>,
/// <c>deterrence-sim run</c>): N rounds of replication r of the seed. The seed and threads are those of
/// <see cref="SimulationOptions"/>.</summary>
public sealed record RoundOptions : SimulationOptions
{
    /// <summary>The largest number of rounds of one run: 2^53, the largest count a double holds exactly (about 9 × 10^15).</summary>
    public const long MaxRounds = 1L << 53;

    /// <summary>Gets the number of rounds N. Range: 1 ≤ N ≤ <see cref="MaxRounds"/>. The default value is 1,000,000.</summary>
    public long Rounds { get; init; } = 1_000_000;

    /// <summary>Gets the replication index r: replications of the same seed use independent streams. Range: r ≥ 0. The
    /// default value is 0.</summary>
    public int Replication { get; init; }

    /// <summary>Gets a value indicating whether the run leaves <see cref="SimulationResult.ExpectedWinProbability"/> NaN
    /// instead of computing it: for callers that keep only the counts (a sweep's design points).</summary>
    internal bool WithoutExpectedWin { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it (<c>Rounds</c>, <c>Threads</c>, <c>Replication</c>).</exception>
    public override void Validate()
    {
        Reporter.Check(Reporters, rounds: true, nameof(Reporters));
        if (Rounds < 1 || Rounds > MaxRounds)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, $"Rounds must be between 1 and {MaxRounds}.");
        }

        base.Validate();
        if (Replication < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Replication), Replication, "Replication must be at least 0.");
        }
    }
}
