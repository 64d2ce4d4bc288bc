using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>Options of a sweep: what is played at each design point (replication r at every point uses the streams of
/// (seed, r): common random numbers), single rounds (<see cref="Rounds"/>, as
/// <see cref="RoundOptions"/>) or runs over periods (<see cref="Periods"/>, as <see cref="RunOptions"/>). The seed and
/// threads are those of <see cref="SimulationOptions"/>.</summary>
public sealed record SweepOptions : SimulationOptions
{
    /// <summary>The largest number of replications per point.</summary>
    public const int MaxReplications = 1 << 20;

    /// <summary>Gets the crisis id; <see langword="null"/> (the default) for the scenario's first crisis.</summary>
    public string? Crisis { get; init; }

    /// <summary>Gets the rounds N of each replication. Range: 1 to <see cref="RoundOptions.MaxRounds"/>. The default value is 10,000.</summary>
    public long Rounds { get; init; } = 10_000;

    /// <summary>Gets the periods T of a run, or <see langword="null"/> (the default) for single rounds. With periods, each
    /// replication is one run of T periods of the whole scenario (DESIGN.md section 4: learning, votes, growth,
    /// overstretch; <see cref="MonteCarlo.Simulate"/>) and a row's rates are the shares of the T periods in which the
    /// crisis ended in each outcome and war cause; <see cref="Rounds"/> is then unused. Range: 1 to
    /// <see cref="RunOptions.MaxPeriods"/>.</summary>
    public int? Periods { get; init; }

    /// <summary>The trials behind each row's rates: <see cref="Periods"/> in runs, else <see cref="Rounds"/>.</summary>
    public long TrialsPerReplication => Periods ?? Rounds;

    /// <summary>Gets the replications R per design point (the minimum, with a <see cref="Precision"/> target). Range: 1 to
    /// <see cref="MaxReplications"/>. The default value is 10.</summary>
    public int Replications { get; init; } = 10;

    /// <summary>Gets an optional precision target: more replications, up to a cap, until a metric's interval is narrow
    /// enough. <see langword="null"/> (the default) plays exactly <see cref="Replications"/>.</summary>
    public PrecisionTarget? Precision { get; init; }

    /// <summary>The most replications a point can have: the precision cap, or <see cref="Replications"/>.</summary>
    public int ReplicationCap => Precision?.MaxReplications ?? Replications;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; <see cref="ArgumentException.ParamName"/>
    /// and the message name it.</exception>
    /// <exception cref="ArgumentException">The precision target names an unknown metric, or a reporter is of the other
    /// kind (rounds, or periods with <see cref="Periods"/>) or two share a name; a sweep's reporters are written as the
    /// columns <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>.</exception>
    public override void Validate()
    {
        Reporter.Check(Reporters, rounds: Periods is null, nameof(Reporters));
        if (Rounds < 1 || Rounds > RoundOptions.MaxRounds)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, $"Rounds must be between 1 and {RoundOptions.MaxRounds}.");
        }

        if (Periods is < 1 or > RunOptions.MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(Periods), Periods, $"Periods must be between 1 and {RunOptions.MaxPeriods}.");
        }

        if (Replications < 1 || Replications > MaxReplications)
        {
            throw new ArgumentOutOfRangeException(nameof(Replications), Replications, $"Replications must be between 1 and {MaxReplications}.");
        }

        base.Validate();
        if (Precision is { } precision)
        {
            precision.Validate();
            if (precision.MaxReplications < Replications || precision.MaxReplications > MaxReplications)
            {
                throw new ArgumentOutOfRangeException(nameof(Precision), precision.MaxReplications, $"The precision cap must be between the replications ({Replications}) and {MaxReplications}.");
            }
        }
    }
}
