namespace DeterrenceSim.Outcomes;

/// <summary>
/// One row of a run: what happened in one crisis in one period of one replication (DESIGN.md section 4), and the
/// commitments' state at the start of that period. Rows come in (replication, period, crisis) order.
/// </summary>
public sealed record PeriodRow
{
    /// <summary>Gets the replication index, from 0.</summary>
    public required int Replication { get; init; }

    /// <summary>Gets the period, from 1.</summary>
    public required int Period { get; init; }

    /// <summary>Gets the crisis id.</summary>
    public required string Crisis { get; init; }

    /// <summary>Gets the outcome of the crisis's round.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>Gets the war's cause, or <see langword="null"/> in peace.</summary>
    public required WarCause? Cause { get; init; }

    /// <summary>Gets p̂_C, the challenger's belief about its own chance of winning. Range: (0, 1).</summary>
    public required double ChallengerBelief { get; init; }

    /// <summary>Gets p̂_D, the defender's belief about the challenger's chance. Range: (0, 1).</summary>
    public required double DefenderBelief { get; init; }

    /// <summary>Gets Ŝ_C(C): the challenger's side as the challenger perceives it (capability units: CINC share × projection).</summary>
    public required double ChallengerPerceivedStrength { get; init; }

    /// <summary>Gets Ŝ_D(D): the defender's side as the defender perceives it.</summary>
    public required double DefenderPerceivedStrength { get; init; }

    /// <summary>Gets S(C) of the coalition that fought, or <see langword="null"/> in peace.</summary>
    public required double? ChallengerRealisedStrength { get; init; }

    /// <summary>Gets S(D) of the coalition that fought, escalation joins included, or <see langword="null"/> in peace.</summary>
    public required double? DefenderRealisedStrength { get; init; }

    /// <summary>Gets the settlement x (the challenger's share) in peace, or <see langword="null"/> in war.</summary>
    public required double? Settlement { get; init; }

    /// <summary>Gets whether the challenger won the war, or <see langword="null"/> in peace.</summary>
    public required bool? ChallengerWins { get; init; }

    /// <summary>Gets each commitment's in-scope reliability ρ at the start of the period, in scenario order.</summary>
    public required IReadOnlyList<double> Reliability { get; init; }

    /// <summary>Gets each commitment's signal v at the start of the period.</summary>
    public required IReadOnlyList<double> Signal { get; init; }

    /// <summary>Gets each commitment's believed reliability (posterior mean, shared by all observers) at the start of the period.</summary>
    public required IReadOnlyList<double> Belief { get; init; }
}
