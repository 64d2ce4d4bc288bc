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
public sealed record PerceptionProfile(
    double Credulity = 0,
    double Noise = 0,
    double SupporterNoise = 0,
    double CapabilityBias = 0)
{
    /// <summary>Gets the accurate profile: κ = σ = s = b = 0.</summary>
    public static PerceptionProfile Accurate { get; } = new();

    /// <summary>Gets a value indicating whether every parameter is zero (accurate perception).</summary>
    public bool IsAccurate => Credulity == 0 && Noise == 0 && SupporterNoise == 0 && CapabilityBias == 0;
}
