namespace DeterrenceSim.Model;

/// <summary>The bargaining protocol of a crisis (DESIGN.md section 3).</summary>
public enum BargainingProtocol
{
    /// <summary>War iff the perceived bargaining range is empty (Fearon 1995); otherwise a split by the challenger's power.</summary>
    NashSplit,

    /// <summary>The challenger makes one demand; the defender, with a private cost, accepts or fights (Fearon 1995's risk-return trade-off).</summary>
    TakeItOrLeaveIt,
}
