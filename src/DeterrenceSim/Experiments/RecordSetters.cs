using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Sets the common numeric parameters of a scenario directly on its records, for sweeps: the same result as
/// <see cref="ParameterPaths"/> (which writes the scenario to JSON, sets the value and reads it back, so that
/// every path works and every error names its JSON path) at a fraction of the cost. The value is set by the catalog's
/// setter of the field (<see cref="ScenarioKinds"/>); this class only finds the record that holds it. Only concrete
/// paths to real-valued fields of the scenario, states, commitments, crises and alliances (and their nested objects)
/// are handled; anything else (integers, enumerations, projections, preferences, escalation strikes) returns
/// <see langword="null"/> and the sweep uses the JSON route. The result must be validated
/// (<see cref="ScenarioValidator"/>) like any scenario built in code.
/// </summary>
internal static class RecordSetters
{
    /// <summary>A setter for a concrete parameter path (no wildcards), or <see langword="null"/> when it is not one of
    /// the handled fields.</summary>
    public static Func<Scenario, double, Scenario>? For(string path)
    {
        if (ParameterCatalog.FieldOf(path) is not { Type: ScenarioFieldType.Number, Record: not null } field)
        {
            return null;
        }

        object Set(object record, double v) => field.SetValue(record, v);
        string[] s = path.Split('.');
        return (field.Kind.Name, s) switch
        {
            ("scenario", [_]) => (sc, v) => (Scenario)Set(sc, v),
            ("state", ["states", var id, _]) => (sc, v) => sc with { States = Replace(sc.States, x => x.Id == id, x => (State)Set(x, v)) },
            ("perception", ["states", var id, _, _]) => (sc, v) => sc with { States = Replace(sc.States, x => x.Id == id, x => x with { Perception = (PerceptionProfile)Set(x.Perception, v) }) },
            ("commitment", ["commitments", var key, _]) => (sc, v) => sc with { Commitments = Replace(sc.Commitments, x => x.Key == key, x => (Commitment)Set(x, v)) },
            ("deepening", ["commitments", var key, _, _]) => (sc, v) => sc with { Commitments = Replace(sc.Commitments, x => x.Key == key, x => x with { Deepening = (Deepening)Set(x.Deepening, v) }) },
            ("crisis", ["crises", var id, _]) => (sc, v) => sc with { Crises = Replace(sc.Crises, x => x.Id == id, x => (Crisis)Set(x, v)) },
            ("theatre", ["crises", var id, _, _]) => (sc, v) => sc with { Crises = Replace(sc.Crises, x => x.Id == id, x => x with { Theatre = (Theatre)Set(x.Theatre, v) }) },
            ("bargaining", ["crises", var id, _, _]) => (sc, v) => sc with { Crises = Replace(sc.Crises, x => x.Id == id, x => x with { Bargaining = (Bargaining)Set(x.Bargaining, v) }) },
            ("alliance", ["alliances", var id, _]) => (sc, v) => sc with { Alliances = Replace(sc.Alliances, x => x.Id == id, x => (Alliance)Set(x, v)) },
            _ => null,
        };
    }

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
