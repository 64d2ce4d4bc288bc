namespace DeterrenceSim.Calibration;

/// <summary>
/// A militarized dispute's outcome in the model's terms (docs/DESIGN.md section 10): war is hostility level 5 in the
/// Militarized Interstate Dispute data (Gibler, Miller &amp; Little 2016); below it, MID outcomes in which side A (the
/// challenger) gained something are concessions, those in which the status quo held or side A gave way are deterrence,
/// and the rest cannot be placed on that scale.
/// </summary>
public enum HistoricalOutcome
{
    /// <summary>Hostility level 5 (war).</summary>
    War,

    /// <summary>No war, and side A gained: MID outcome 1 (victory for A), 4 (yield by B) or 6 (compromise).</summary>
    Concession,

    /// <summary>No war, and side A gained nothing: MID outcome 2 (victory for B), 3 (yield by A) or 5 (stalemate).</summary>
    Deterred,

    /// <summary>No war, and the outcome says nothing about a concession: MID outcome 7 (released), 8 (unclear),
    /// 9 (joins an ongoing war) or missing. Left out of every share.</summary>
    Unclassified,
}
