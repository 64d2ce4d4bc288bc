namespace DeterrenceSim.Scenarios;

/// <summary>Where a scenario parameter acts.</summary>
public enum ParameterActs
{
    /// <summary>In every round: it changes <c>run</c>'s single rounds and every period of a run.</summary>
    Rounds,

    /// <summary>Only between the periods of a run (learning, engagement votes, overstretch): it cannot change a single
    /// round, so <c>run</c> and a sweep of single rounds ignore it.</summary>
    Runs,

    /// <summary>Nowhere in the engine: a description (the scenario's <c>year</c>, a state's <c>homeRegion</c>, a
    /// commitment's <c>kind</c>, which selects commitments in parameter paths).</summary>
    Nowhere,
}
