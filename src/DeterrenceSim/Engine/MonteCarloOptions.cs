using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>Options of a Monte Carlo run of one crisis.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>The largest number of rounds of one run: 2^53, the largest count a double holds exactly (about 9 × 10^15).</summary>
    public const long MaxRounds = 1L << 53;

    /// <summary>Gets the number of rounds N. Range: 1 ≤ N ≤ <see cref="MaxRounds"/>. The default value is 1,000,000.</summary>
    public long Rounds { get; init; } = 1_000_000;

    /// <summary>Gets the master seed; one seed reproduces the result exactly. The default value is 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the replication index: replications of the same seed use independent streams. Range: ≥ 0. The default value is 0.</summary>
    public int Replication { get; init; }

    /// <summary>Gets the number of worker threads; results are bit-identical for any value. Range: ≥ 1. The default value is <see cref="Environment.ProcessorCount"/>.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets the researcher's own measures of single rounds (<see cref="Reporter.OfRounds"/>), each counted
    /// over the rounds into <see cref="SimulationResult.Reported"/>. Names unique. The default value is none.</summary>
    public IReadOnlyList<Reporter> Reporters { get; init; } = [];

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    /// <exception cref="ArgumentException">A reporter counts periods rather than rounds, or two share a name.</exception>
    public void Validate()
    {
        Reporter.Check(Reporters, rounds: true, nameof(Reporters));
        if (Rounds < 1 || Rounds > MaxRounds)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, $"Rounds must be between 1 and {MaxRounds}.");
        }

        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be at least 1.");
        }

        if (Replication < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Replication), Replication, "Replication must be at least 0.");
        }
    }
}
