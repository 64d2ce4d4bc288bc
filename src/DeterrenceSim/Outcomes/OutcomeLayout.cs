namespace DeterrenceSim.Outcomes;

/// <summary>
/// The sizes of the outcome and war-cause enumerations, from which every array of counts is laid out (round tallies,
/// dynamics accumulators, sweep rows): adding an <see cref="Outcome"/> or a <see cref="WarCause"/> changes these, and
/// every layout follows. Arrays are indexed by the enum's value, so the values must be 0 to count - 1 (a test holds
/// them to it).
/// </summary>
internal static class OutcomeLayout
{
    /// <summary>The number of outcomes of a round (deterred, concession, war).</summary>
    public static readonly int Outcomes = Enum.GetValues<Outcome>().Length;

    /// <summary>The number of war causes.</summary>
    public static readonly int Causes = Enum.GetValues<WarCause>().Length;
}
