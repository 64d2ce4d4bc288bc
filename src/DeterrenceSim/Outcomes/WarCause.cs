namespace DeterrenceSim.Outcomes;

/// <summary>
/// Why a war happened, by side: found by re-deciding the bargaining with the same draws and each side's perception
/// made accurate as a whole (DESIGN.md section 3, attribution by side). Because a side's whole perception (credulity
/// towards both coalitions, bias, noise) is switched at once and the costs of war are rarely overcome by one error
/// alone, most wars fall under <see cref="MutualMisperception"/>; <see cref="MechanismAttribution"/> says which part of
/// which side's perception caused them.
/// </summary>
public enum WarCause
{
    /// <summary>The challenger struck first against a perceived closing window (Powell 2006).</summary>
    Preventive,

    /// <summary>The war vanishes when the challenger alone sees truly, but not when the defender alone does.</summary>
    ChallengerMisperception,

    /// <summary>The war vanishes when the defender alone sees truly, but not when the challenger alone does.</summary>
    DefenderMisperception,

    /// <summary>Either side seeing truly suffices to avoid war, or only both together do.</summary>
    MutualMisperception,

    /// <summary>The war persists when both sides see truly: private information (Fearon 1995).</summary>
    Rational,
}
