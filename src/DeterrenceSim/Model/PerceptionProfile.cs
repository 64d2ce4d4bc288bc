namespace DeterrenceSim.Model;

/// <summary>
/// How a state misperceives a crisis (DESIGN.md section 3; Jervis 1976). All zero means accurate perception.
/// </summary>
/// <param name="Credulity">
/// Credulity κ: the weight an observer puts on a supporter's visible signal instead of its true reliability,
/// on the logit scale. Range: 0 ≤ κ ≤ 1. κ = 0 sees true commitment; κ = 1 takes signals at face value.
/// The default value is 0.
/// </param>
/// <param name="Noise">
/// Noise σ: standard deviation of the per-round optimism shock on the perceived balance, logit scale
/// (Blainey 1973, mutual optimism). Range: σ ≥ 0. The default value is 0.
/// </param>
/// <param name="SupporterNoise">
/// Supporter noise s: standard deviation of the per-supporter, per-round error on perceived reliability,
/// logit scale. Range: s ≥ 0. The default value is 0.
/// </param>
/// <param name="CapabilityBias">
/// Capability bias b: log-scale factor applied to the opponent side's perceived strength; b &gt; 0 overrates the
/// opponent, b &lt; 0 underrates it. Range: finite. The default value is 0.
/// </param>
/// <param name="OwnCredulity">
/// Credulity κ_own towards the observer's own supporters (its coalition), replacing <paramref name="Credulity"/> for
/// them: a defender with κ_own &gt; 0 overrates its own coalition's engagement when the signals exceed the reliability
/// (Shifrinson's second mechanism). Range: 0 ≤ κ_own ≤ 1, or <see langword="null"/> (the default) for
/// <paramref name="Credulity"/>.
/// </param>
/// <param name="OpponentCredulity">
/// Credulity κ_opp towards the opponent's supporters, replacing <paramref name="Credulity"/> for them: a challenger
/// with κ_opp &gt; 0 reads the opposing coalition by its signals (Shifrinson's first mechanism). Range: 0 ≤ κ_opp ≤ 1,
/// or <see langword="null"/> (the default) for <paramref name="Credulity"/>.
/// </param>
/// <param name="Reach">
/// Perceived reach r: how far the observer overrates the opponent's supporters' projection into the theatre, read as
/// π̂ = π + r (1 - π) (threat inflation; Jervis 1976, ch. 3). Range: 0 ≤ r ≤ 1; r = 0 (the default) sees the true
/// projection, r = 1 counts every opposing supporter at its full capability.
/// </param>
/// <param name="Anticipation">
/// Anticipated commitment α: the share of the gap between each opposing supporter's reliability and its signal that the
/// observer expects to close over the preventive test's foresight, a' = ā' + α max(0, v' - ā') (extrapolating the
/// engagement trend; Shifrinson 2023; Powell 2006's shifting power as perceived). Only the foresight moves. Range:
/// 0 ≤ α ≤ 1; the default 0 expects only the scenario's deepening.
/// </param>
/// <param name="Cohesion">
/// Perceived cohesion χ: the observer reads the opponent's partnerships with an alliance's members (commitments that
/// name the alliance) as that alliance's collective commitment, and counts every other member as an opposing supporter
/// with perceived reliability χ times the largest perceived reliability of the partnered members ("an Asian NATO";
/// Jervis 1976 on perceiving unity in the adversary). Range: 0 ≤ χ ≤ 1; the default 0 sees only the commitments.
/// In the attribution by mechanism, reach, anticipation and cohesion belong to the observer's
/// <c>*.opponentCredulity</c> factor (its whole perception of the opposing coalition), switched off with it. Out-of-range
/// values are refused when a scenario is loaded or validated (<see cref="Scenarios.ScenarioException"/>).
/// </param>
public sealed record PerceptionProfile(
    double Credulity = 0,
    double Noise = 0,
    double SupporterNoise = 0,
    double CapabilityBias = 0,
    double? OwnCredulity = null,
    double? OpponentCredulity = null,
    double Reach = 0,
    double Anticipation = 0,
    double Cohesion = 0)
{
    /// <summary>Gets the accurate profile: κ = σ = s = b = 0.</summary>
    public static PerceptionProfile Accurate { get; } = new();

    /// <summary>Gets the credulity the observer applies to its own supporters: <see cref="OwnCredulity"/>, or
    /// <see cref="Credulity"/> when that is <see langword="null"/>. Range: [0, 1].</summary>
    public double EffectiveOwnCredulity => OwnCredulity ?? Credulity;

    /// <summary>Gets the credulity the observer applies to the opponent's supporters: <see cref="OpponentCredulity"/>,
    /// or <see cref="Credulity"/> when that is <see langword="null"/>. Range: [0, 1].</summary>
    public double EffectiveOpponentCredulity => OpponentCredulity ?? Credulity;

    /// <summary>Gets a value indicating whether the observer's perception of the opposing coalition adds nothing to the
    /// truth beyond its credulity: reach, anticipation and cohesion all zero.</summary>
    internal bool SeesOpposingCoalitionAsIs => Reach == 0 && Anticipation == 0 && Cohesion == 0;

    /// <summary>Gets a value indicating whether every parameter in effect is zero (accurate perception).</summary>
    public bool IsAccurate => EffectiveOwnCredulity == 0 && EffectiveOpponentCredulity == 0 && Noise == 0 && SupporterNoise == 0 && CapabilityBias == 0
        && SeesOpposingCoalitionAsIs;
}
