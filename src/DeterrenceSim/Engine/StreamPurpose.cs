namespace DeterrenceSim.Engine;

/// <summary>What a round's random sub-stream is for (DESIGN.md section 5); each purpose has its own stream.</summary>
public enum StreamPurpose : ulong
{
    /// <summary>The two protagonists' optimism shocks η_C, η_D in a run over periods: one Box-Muller pair. (A run of rounds
    /// draws them from the crisis's own stream, <see cref="RandomStreams.ShockStream"/>.)</summary>
    Shock = 1,

    /// <summary>The challenger's supporter-noise draws ε_Cj, one normal per side supporter.</summary>
    ChallengerSupporterNoise = 2,

    /// <summary>The defender's supporter-noise draws ε_Dj.</summary>
    DefenderSupporterNoise = 3,

    /// <summary>The defender's private cost under take-it-or-leave-it: one uniform.</summary>
    PrivateCost = 4,

    /// <summary>Realised support in war: one uniform per side supporter.</summary>
    Support = 5,

    /// <summary>Escalation strikes, then alliance members' joins: one uniform each.</summary>
    Escalation = 6,

    /// <summary>The victory draw of a war: one uniform.</summary>
    Victory = 7,

    /// <summary>An alliance's vote on deepening in a run: one uniform per member.</summary>
    Vote = 8,
}
