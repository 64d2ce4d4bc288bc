namespace DeterrenceSim.Calibration;

/// <summary>
/// A militarized interstate dispute placed as a crisis (docs/DESIGN.md section 10): its two protagonists and the
/// states that may fight beside them, with what was known at its start, and its recorded outcome.
/// </summary>
/// <param name="Id">The MID dispute number (<c>dispnum</c>).</param>
/// <param name="StartYear">The start year.</param>
/// <param name="Hostility">The highest hostility level, 1 (no militarized action) to 5 (war).</param>
/// <param name="OutcomeCode">The MID outcome code, 1 to 9, or −9 (missing).</param>
/// <param name="Challenger">The challenger's COW country code: side A's originator with the largest CINC.</param>
/// <param name="Defender">The defender's COW country code: side B's originator with the largest CINC.</param>
/// <param name="ChallengerCapability">The challenger's CINC in the start year. Range: [0, 1].</param>
/// <param name="DefenderCapability">The defender's CINC in the start year. Range: [0, 1].</param>
/// <param name="ChallengerDistanceKm">The great-circle distance from the challenger's capital to the defender's, km.</param>
/// <param name="Supporters">The co-originators and allies of either side.</param>
/// <param name="Dropped">States left out for want of a CINC or a capital (from the extract's note).</param>
public sealed record HistoricalDispute(
    int Id,
    int StartYear,
    int Hostility,
    int OutcomeCode,
    int Challenger,
    int Defender,
    double ChallengerCapability,
    double DefenderCapability,
    double ChallengerDistanceKm,
    IReadOnlyList<HistoricalSupporter> Supporters,
    int Dropped = 0)
{
    /// <summary>Gets the outcome in the model's terms: war at hostility level 5, else by the outcome code (see
    /// <see cref="HistoricalOutcome"/>).</summary>
    public HistoricalOutcome Outcome => Hostility == 5 ? HistoricalOutcome.War : OutcomeCode switch
    {
        1 or 4 or 6 => HistoricalOutcome.Concession,
        2 or 3 or 5 => HistoricalOutcome.Deterred,
        _ => HistoricalOutcome.Unclassified,
    };

    /// <summary>Gets whether the challenger won a war: <see langword="true"/> for a war with outcome 1 (victory for side
    /// A), <see langword="false"/> for outcome 2 (victory for B), <see langword="null"/> otherwise (no war, or a war
    /// without a victor).</summary>
    public bool? ChallengerWonWar => Hostility != 5 ? null : OutcomeCode switch { 1 => true, 2 => false, _ => null };

    /// <summary>Gets the challenger's share of the two protagonists' capability, K_C / (K_C + K_D) (Bremer 1992's
    /// parity measure, without allies); 0.5 when both are 0.</summary>
    public double CapabilityShare => ChallengerCapability + DefenderCapability > 0
        ? ChallengerCapability / (ChallengerCapability + DefenderCapability)
        : 0.5;
}

/// <summary>A state that may fight beside a protagonist of a <see cref="HistoricalDispute"/>.</summary>
/// <param name="State">The COW country code.</param>
/// <param name="ForChallenger">Whether it supports the challenger (else the defender).</param>
/// <param name="CoOriginator">Whether it is an originator of that side (it fights with probability 1); else an ally
/// with an obligation in force (ATOP; it fights with <see cref="PopulationRules.Reliability"/>).</param>
/// <param name="Capability">Its CINC in the start year. Range: [0, 1].</param>
/// <param name="DistanceKm">The great-circle distance from its capital to the defender's, km.</param>
/// <param name="Obligation">For an ally, the ATOP obligation: <c>defense</c>, <c>offense</c> or <c>defense+offense</c>;
/// empty for a co-originator.</param>
public sealed record HistoricalSupporter(int State, bool ForChallenger, bool CoOriginator, double Capability, double DistanceKm, string Obligation);

/// <summary>A dispute the rules could not place (docs/DESIGN.md section 10), with why.</summary>
/// <param name="Id">The MID dispute number.</param>
/// <param name="StartYear">The start year.</param>
/// <param name="Hostility">The highest hostility level.</param>
/// <param name="Reason">Why, such as <c>no CINC for ccode 345 in 1993</c>.</param>
public sealed record UnplacedDispute(int Id, int StartYear, int Hostility, string Reason);
