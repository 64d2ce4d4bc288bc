namespace DeterrenceSim.Engine;

/// <summary>
/// No preventive war: the challenger never strikes against a closing window, so every war is a bargaining failure.
/// Isolates Shifrinson's second mechanism (the defender's overconfidence) from the first (DESIGN.md section 1).
/// </summary>
public readonly struct NoPreventiveWar : IPreventiveWarDecision
{
    /// <inheritdoc/>
    public static bool IsPreventive(in PreventiveTerms terms, double belief, double deepenedBelief) => false;

    /// <inheritdoc/>
    public static bool CanStrike(in PreventiveTerms terms, double largestDecline) => false;
}
