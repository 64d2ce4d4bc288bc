namespace DeterrenceSim.Outcomes;

/// <summary>The outcome of one round of a crisis (DESIGN.md section 3).</summary>
public enum Outcome
{
    /// <summary>Peace with a settlement x ≤ q: the challenger gets no more than the status quo.</summary>
    Deterred,

    /// <summary>Peace with a settlement x &gt; q: the defender concedes x - q.</summary>
    Concession,

    /// <summary>War: preventive, or because bargaining failed.</summary>
    War,
}
