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
public sealed record PerceptionProfile(
    double Credulity = 0,
    double Noise = 0,
    double SupporterNoise = 0,
    double CapabilityBias = 0,
    double? OwnCredulity = null,
    double? OpponentCredulity = null)
{
    /// <summary>Gets the accurate profile: κ = σ = s = b = 0.</summary>
    public static PerceptionProfile Accurate { get; } = new();

    /// <summary>Gets the credulity the observer applies to its own supporters: <see cref="OwnCredulity"/>, or
    /// <see cref="Credulity"/> when that is <see langword="null"/>. Range: [0, 1].</summary>
    public double EffectiveOwnCredulity => OwnCredulity ?? Credulity;

    /// <summary>Gets the credulity the observer applies to the opponent's supporters: <see cref="OpponentCredulity"/>,
    /// or <see cref="Credulity"/> when that is <see langword="null"/>. Range: [0, 1].</summary>
    public double EffectiveOpponentCredulity => OpponentCredulity ?? Credulity;

    /// <summary>Gets a value indicating whether every parameter in effect is zero (accurate perception).</summary>
    public bool IsAccurate => EffectiveOwnCredulity == 0 && EffectiveOpponentCredulity == 0 && Noise == 0 && SupporterNoise == 0 && CapabilityBias == 0;
}
