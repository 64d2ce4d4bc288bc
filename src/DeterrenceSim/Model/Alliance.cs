namespace DeterrenceSim.Model;

/// <summary>
/// A multilateral institution whose collective-defence clause can be triggered by an escalation strike
/// (DESIGN.md sections 2 and 3).
/// </summary>
/// <param name="Id">Identifier, unique among alliances; pattern <c>^[A-Za-z0-9_-]+$</c>.</param>
/// <param name="Members">Ids of member states; existing, no duplicates.</param>
public sealed record Alliance(string Id, IReadOnlyList<string> Members)
{
    /// <summary>
    /// Gets the regions where a strike on a member triggers the alliance (NATO, Article 6: Europe and North America).
    /// The default value is empty.
    /// </summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets the decision rule for deepening. The default value is <see cref="Model.DecisionRule.Consensus"/>.</summary>
    public DecisionRule DecisionRule { get; init; } = DecisionRule.Consensus;

    /// <summary>Gets the probability that each member joins the war once the alliance is triggered. Range: [0, 1]. The default value is 0.</summary>
    public double MemberReliability { get; init; }

    /// <summary>Gets the number of periods between votes on deepening, in runs over periods. Range: integer ≥ 1. The default value is 1.</summary>
    public int VotePeriod { get; init; } = 1;

    /// <summary>
    /// Gets the voting preferences of members by state id; members not listed always vote yes. The default value is
    /// empty.
    /// </summary>
    public IReadOnlyDictionary<string, MemberPreference> Preferences { get; init; } = new Dictionary<string, MemberPreference>();
}
