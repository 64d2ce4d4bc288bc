using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// The options every Monte Carlo shares, in one place: the master seed and the worker threads. The kinds of play derive
/// from it and name what they repeat: <see cref="RoundOptions"/> for single rounds of one crisis
/// (<see cref="MonteCarlo.Run"/>, played by the round engine), <see cref="RunOptions"/> for runs over periods of the whole
/// scenario (<see cref="MonteCarlo.Simulate"/>, played by the run engine), and <c>SweepOptions</c> for either at every
/// point of a design. Validated once, at the edge (<see cref="Validate"/>), with exceptions that name the field.
/// </summary>
public abstract record SimulationOptions
{
    /// <summary>Gets the master seed S; one seed reproduces a result exactly on any machine and thread count (random
    /// streams are keyed by seed, replication, round or period, and purpose; DESIGN.md section 5). Range: any 64-bit
    /// value. The default value is 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the number of worker threads T; results are bit-identical for any value. Range: T ≥ 1. The default
    /// value is <see cref="Environment.ProcessorCount"/>.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets the researcher's own measures (<see cref="Reporter"/>), each counted beside the built-in ones: of
    /// single rounds (<see cref="Reporter.OfRounds"/>) for <see cref="RoundOptions"/> and sweeps of rounds, of periods
    /// (<see cref="Reporter.OfPeriods"/>) for <see cref="RunOptions"/> and sweeps of runs. Names unique. The default
    /// value is none.</summary>
    public IReadOnlyList<Reporter> Reporters { get; init; } = [];

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it (such as <c>Threads</c>).</exception>
    public virtual void Validate()
    {
        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be at least 1.");
        }
    }
}
