namespace DeterrenceSim.Model;

/// <summary>
/// Per-period change of a commitment's reliability and signal (the engagement policy of DESIGN.md section 4;
/// the challenger's preventive test anticipates it, section 3).
/// </summary>
/// <param name="Reliability">Change of reliability ρ per period. Range: finite. The default value is 0.</param>
/// <param name="Signal">Change of signal v per period. Range: finite. The default value is 0.</param>
public sealed record Deepening(double Reliability = 0, double Signal = 0)
{
    /// <summary>Gets no deepening: both changes zero.</summary>
    public static Deepening None { get; } = new();
}
