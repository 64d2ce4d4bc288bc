using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>Options of a Monte Carlo of runs over periods of the whole scenario (DESIGN.md section 4;
/// <see cref="MonteCarlo.Simulate"/>, <c>deterrence-sim simulate</c>): R replications of runs of T periods. The seed and
/// threads are those of <see cref="SimulationOptions"/>; the draws of replication r, period t and crisis k are keyed by
/// (seed, r, t, k).</summary>
public sealed record RunOptions : SimulationOptions
{
    /// <summary>The largest number of periods of a run: <see cref="Model.Scenario.MaxPeriods"/>.</summary>
    public const int MaxPeriods = Model.Scenario.MaxPeriods;

    /// <summary>Gets the number of periods T of each run, or <see langword="null"/> for the scenario's <c>periods</c>. Range: 1 ≤ T ≤ <see cref="MaxPeriods"/>. The default value is <see langword="null"/>.</summary>
    public int? Periods { get; init; }

    /// <summary>Gets the number of replications R (independent runs). Range: ≥ 1. The default value is 100.</summary>
    public int Replications { get; init; } = 100;

    /// <summary>Gets the index of the first replication: the runs are replications F to F + R − 1 of the seed, so a run can be
    /// replayed alone (a sweep's replication r is <c>FirstReplication = r, Replications = 1</c>). Range: ≥ 0, and
    /// F + R ≤ <see cref="int.MaxValue"/>. The default value is 0.</summary>
    public int FirstReplication { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it (<c>Periods</c>, <c>Replications</c>, <c>Threads</c>, <c>FirstReplication</c>).</exception>
    public override void Validate()
    {
        Reporter.Check(Reporters, rounds: false, nameof(Reporters));
        if (Periods is < 1 or > MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(Periods), Periods, $"Periods must be between 1 and {MaxPeriods}.");
        }

        if (Replications < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Replications), Replications, "Replications must be at least 1.");
        }

        base.Validate();

        if (FirstReplication < 0 || FirstReplication > int.MaxValue - Replications)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstReplication), FirstReplication, "FirstReplication must be at least 0, and FirstReplication + Replications at most 2147483647.");
        }
    }
}
