namespace DeterrenceSim.Outcomes;

/// <summary>
/// What happened in one round of a crisis (DESIGN.md section 3), as a <see cref="Reporter"/> of single rounds sees it:
/// the outcome, the war's cause, the beliefs and strengths that decided it. The counterpart for runs over periods is
/// <see cref="PeriodRow"/>.
/// </summary>
/// <param name="Outcome">The outcome of the round.</param>
/// <param name="Cause">The war's cause, or <see langword="null"/> in peace.</param>
/// <param name="PreventiveFromMisperception">Whether the war was preventive and the challenger would not have struck
/// had it seen the defender's coalition accurately.</param>
/// <param name="ChallengerWins">Whether the challenger won the war, or <see langword="null"/> in peace.</param>
/// <param name="Settlement">The settlement x (the challenger's share, in [0, 1]) in peace, or <see langword="null"/> in
/// war.</param>
/// <param name="ChallengerBelief">p̂_C, the challenger's belief about its own chance of winning. Range: (0, 1).</param>
/// <param name="DefenderBelief">p̂_D, the defender's belief about the challenger's chance. Range: (0, 1).</param>
/// <param name="ChallengerPerceivedStrength">Ŝ_C(C): the challenger's side as the challenger perceives it (capability
/// units: CINC share × projection).</param>
/// <param name="DefenderPerceivedStrength">Ŝ_D(D): the defender's side as the defender perceives it.</param>
/// <param name="ChallengerRealisedStrength">S(C) of the coalition that fought, or <see langword="null"/> in peace.</param>
/// <param name="DefenderRealisedStrength">S(D) of the coalition that fought, escalation joins included, or
/// <see langword="null"/> in peace.</param>
public readonly record struct RoundRow(
    Outcome Outcome,
    WarCause? Cause,
    bool PreventiveFromMisperception,
    bool? ChallengerWins,
    double? Settlement,
    double ChallengerBelief,
    double DefenderBelief,
    double ChallengerPerceivedStrength,
    double DefenderPerceivedStrength,
    double? ChallengerRealisedStrength,
    double? DefenderRealisedStrength);
