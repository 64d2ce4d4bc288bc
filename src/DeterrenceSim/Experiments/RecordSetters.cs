using DeterrenceSim.Model;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Sets the common numeric parameters of a scenario directly on its records, for sweeps: the same result as
/// <see cref="Scenarios.ParameterPaths"/> (which writes the scenario to JSON, sets the value and reads it back, so that
/// every path works and every error names its JSON path) at a fraction of the cost. Only concrete paths to
/// real-valued fields of states, commitments, crises, alliances and the scenario are handled; anything else (integers,
/// enumerations, projections, preferences, escalation strikes) returns <see langword="null"/> and the sweep uses the
/// JSON route. The result must be validated (<see cref="Scenarios.ScenarioValidator"/>) like any scenario built in code.
/// </summary>
internal static class RecordSetters
{
    /// <summary>A setter for a concrete parameter path (no wildcards), or <see langword="null"/> when it is not one of
    /// the handled fields.</summary>
    public static Func<Scenario, double, Scenario>? For(string path)
    {
        string[] s = path.Split('.');
        return s switch
        {
            ["priorStrength"] => (sc, v) => sc with { PriorStrength = v },
            ["overstretch"] => (sc, v) => sc with { Overstretch = v },
            ["states", var id, .. var rest] => StateSetter(rest) is { } set ? (sc, v) => sc with { States = Replace(sc.States, x => x.Id == id, x => set(x, v)) } : null,
            ["commitments", var key, .. var rest] => CommitmentSetter(rest) is { } set ? (sc, v) => sc with { Commitments = Replace(sc.Commitments, x => x.Key == key, x => set(x, v)) } : null,
            ["crises", var id, .. var rest] => CrisisSetter(rest) is { } set ? (sc, v) => sc with { Crises = Replace(sc.Crises, x => x.Id == id, x => set(x, v)) } : null,
            ["alliances", var id, "memberReliability"] => (sc, v) => sc with { Alliances = Replace(sc.Alliances, x => x.Id == id, x => x with { MemberReliability = v }) },
            _ => null,
        };
    }

    private static Func<State, double, State>? StateSetter(string[] rest) => rest switch
    {
        ["capability"] => (x, v) => x with { Capability = v },
        ["growthRate"] => (x, v) => x with { GrowthRate = v },
        ["perception", "credulity"] => (x, v) => x with { Perception = x.Perception with { Credulity = v } },
        ["perception", "noise"] => (x, v) => x with { Perception = x.Perception with { Noise = v } },
        ["perception", "supporterNoise"] => (x, v) => x with { Perception = x.Perception with { SupporterNoise = v } },
        ["perception", "capabilityBias"] => (x, v) => x with { Perception = x.Perception with { CapabilityBias = v } },
        _ => null,
    };

    private static Func<Commitment, double, Commitment>? CommitmentSetter(string[] rest) => rest switch
    {
        ["reliability"] => (x, v) => x with { Reliability = v },
        ["signal"] => (x, v) => x with { Signal = v },
        ["outOfScopeReliability"] => (x, v) => x with { OutOfScopeReliability = v },
        ["informationSharing"] => (x, v) => x with { InformationSharing = v },
        ["deepening", "reliability"] => (x, v) => x with { Deepening = x.Deepening with { Reliability = v } },
        ["deepening", "signal"] => (x, v) => x with { Deepening = x.Deepening with { Signal = v } },
        _ => null,
    };

    private static Func<Crisis, double, Crisis>? CrisisSetter(string[] rest) => rest switch
    {
        ["statusQuo"] => (x, v) => x with { StatusQuo = v },
        ["challengerCost"] => (x, v) => x with { ChallengerCost = v },
        ["defenderCost"] => (x, v) => x with { DefenderCost = v },
        ["discount"] => (x, v) => x with { Discount = v },
        ["decisiveness"] => (x, v) => x with { Decisiveness = v },
        ["bargaining", "challengerPower"] => (x, v) => x with { Bargaining = x.Bargaining with { ChallengerPower = v } },
        ["bargaining", "defenderCostUpperBound"] => (x, v) => x with { Bargaining = x.Bargaining with { DefenderCostUpperBound = v } },
        ["theatre", "defaultProjection"] => (x, v) => x with { Theatre = x.Theatre with { DefaultProjection = v } },
        _ => null,
    };

    private static T[] Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, Func<T, T> change)
    {
        var copy = new T[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = match(items[i]) ? change(items[i]) : items[i];
        }

        return copy;
    }
}
