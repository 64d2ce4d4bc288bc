namespace DeterrenceSim.Model;

/// <summary>How an alliance decides on deepening.</summary>
public enum DecisionRule
{
    /// <summary>Unanimity: one veto blocks the decision (NATO's practice).</summary>
    Consensus,

    /// <summary>A simple majority of members carries the decision.</summary>
    Majority,
}
