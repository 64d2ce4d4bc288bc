namespace DeterrenceSim.Model;

/// <summary>
/// How an alliance member votes on deepening the commitments that name the alliance (DESIGN.md section 4): yes with
/// probability <paramref name="Support"/>, or with <paramref name="SupportUnderThreat"/> when it faces a threat — a
/// war since the alliance's last vote in a crisis whose defender is the member or a protégé of the member.
/// </summary>
/// <param name="Support">Probability of a yes vote. Range: [0, 1]; 0 is a standing veto. The default value is 1.</param>
/// <param name="SupportUnderThreat">Probability of a yes vote under threat, or <see langword="null"/> for
/// <paramref name="Support"/>. Range: [0, 1]. The default value is <see langword="null"/>.</param>
public sealed record MemberPreference(double Support = 1, double? SupportUnderThreat = null)
{
    /// <summary>Gets the default preference: always yes.</summary>
    public static MemberPreference AlwaysYes { get; } = new();
}
