namespace DeterrenceSim.Model;

/// <summary>
/// A tie from a supporter to a protégé (DESIGN.md section 2): the supporter may fight on the protégé's side.
/// </summary>
/// <param name="Supporter">Id of the supporting state; must exist and differ from <paramref name="Protege"/>.</param>
/// <param name="Protege">Id of the protected state; must exist.</param>
/// <param name="Kind">The legal form of the tie.</param>
/// <param name="Reliability">
/// Reliability ρ: true probability that the supporter fights when the crisis theatre is in <see cref="Scope"/>.
/// Range: 0 ≤ ρ ≤ 1. Calibration: allies honoured 74.5% of commitments in 1816-1944 (Leeds, Long &amp; Mitchell 2000).
/// </param>
/// <param name="Signal">
/// Signal v: the visible engagement (summits, exercises, liaison offices) read as a probability of support.
/// Range: 0 &lt; v &lt; 1 (open: its logit must be finite).
/// </param>
public sealed record Commitment(string Supporter, string Protege, CommitmentKind Kind, double Reliability, double Signal)
{
    /// <summary>Gets the regions where the commitment binds. The default value is empty (binds nowhere).</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets the probability of fighting where the theatre is outside <see cref="Scope"/>. Range: [0, 1]. The default value is 0.</summary>
    public double OutOfScopeReliability { get; init; }

    /// <summary>Gets the per-period deepening of reliability and signal. The default value is <see cref="Deepening.None"/>.</summary>
    public Deepening Deepening { get; init; } = Deepening.None;

    /// <summary>Gets the id of the alliance whose vote governs deepening, or <see langword="null"/> (deepens every period). The default value is <see langword="null"/>.</summary>
    public string? Alliance { get; init; }

    /// <summary>
    /// Gets information sharing φ: the protégé's optimism noise is multiplied by (1 - φ), and its supporter noise on
    /// this supporter too. Range: [0, 1]. The default value is 0.
    /// </summary>
    public double InformationSharing { get; init; }

    /// <summary>Gets the key of the commitment in parameter paths: <c>Supporter&gt;Protege</c>.</summary>
    public string Key => Supporter + ">" + Protege;
}
