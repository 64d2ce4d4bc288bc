using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>What happened in one round: the facts a tally counts and a run writes as a row.</summary>
internal struct RoundRecord
{
    public Outcome Outcome;

    /// <summary>The war's cause; meaningful only when <see cref="Outcome"/> is war.</summary>
    public WarCause Cause;

    public bool PreventiveFromMisperception;

    /// <summary>In war, the factors (bit f for <see cref="MechanismFactor"/> f) without which it would not have
    /// happened: v(F \ {f}) = 0.</summary>
    public byte ButFor;

    /// <summary>In war, whether it happens with every factor off (v(∅) = 1): private information, no misperception.</summary>
    public bool Unattributable;

    public bool ChallengerWins;

    /// <summary>The settlement x in peace; NaN in war.</summary>
    public double Settlement;

    /// <summary>p̂_C: the challenger's belief about its own chance.</summary>
    public double ChallengerBelief;

    /// <summary>p̂_D: the defender's belief about the challenger's chance.</summary>
    public double DefenderBelief;

    /// <summary>Ŝ_C(C): the challenger's side as the challenger perceives it.</summary>
    public double ChallengerPerceivedStrength;

    /// <summary>Ŝ_D(D): the defender's side as the defender perceives it.</summary>
    public double DefenderPerceivedStrength;

    /// <summary>S(C) of the realised coalition in war; NaN in peace.</summary>
    public double ChallengerRealisedStrength;

    /// <summary>S(D) of the realised coalition in war, escalation included; NaN in peace.</summary>
    public double DefenderRealisedStrength;

    /// <summary>The record as a reporter sees it: NaN and meaningless fields become <see langword="null"/>.</summary>
    /// <returns>The round's row.</returns>
    public readonly RoundRow ToRow()
    {
        bool war = Outcome == Outcome.War;
        return new RoundRow(
            Outcome,
            war ? Cause : null,
            PreventiveFromMisperception,
            war ? ChallengerWins : null,
            war ? null : Settlement,
            ChallengerBelief,
            DefenderBelief,
            ChallengerPerceivedStrength,
            DefenderPerceivedStrength,
            war ? ChallengerRealisedStrength : null,
            war ? DefenderRealisedStrength : null);
    }
}
