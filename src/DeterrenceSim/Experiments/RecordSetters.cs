using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Sets the common numeric parameters of a scenario directly on its records, for sweeps: the same result as
/// <see cref="ParameterPaths"/> (which writes the scenario to JSON, sets the value and reads it back, so that
/// every path works and every error names its JSON path) at a fraction of the cost. The value is set by the catalog's
/// setter of the field (<see cref="ScenarioKinds"/>); this class only finds the record that holds it, once, by its
/// index in the base scenario, and copies each list of records at most once a point. Only concrete paths to real-valued
/// fields of the scenario, states, commitments, crises and alliances (and their nested objects) are handled; anything
/// else (integers, enumerations, projections, preferences, escalation strikes) is not, and the sweep uses the JSON
/// route. The result must be validated (<see cref="ScenarioValidator"/>) like any scenario built in code, or, the base
/// being valid, each value checked against its field's domain (<see cref="ScenarioField.ConstrainedByOtherFields"/>).
/// </summary>
internal sealed class RecordSetters
{
    private readonly Scenario _base;
    private readonly List<Target> _targets = [];

    /// <summary>Initializes a new instance of the <see cref="RecordSetters"/> class, with no targets yet.</summary>
    /// <param name="baseScenario">The scenario the values are set on: its records are found by index.</param>
    public RecordSetters(Scenario baseScenario) => _base = baseScenario;

    /// <summary>Where a value goes.</summary>
    private enum Holder
    {
        Scenario,
        State,
        Perception,
        Commitment,
        Deepening,
        Crisis,
        Theatre,
        Bargaining,
        Alliance,
    }

    /// <summary>Gets the fields of the targets, in the order they were added.</summary>
    public IEnumerable<ScenarioField> Fields => _targets.Select(t => t.Field);

    /// <summary>Whether every target's value is in its field's domain (<see cref="ScenarioField.Accepts"/>).</summary>
    /// <param name="values">The factors' values.</param>
    /// <returns><see langword="true"/> if each value set is accepted by its field's domain check.</returns>
    public bool InDomains(double[] values)
    {
        foreach (var target in _targets)
        {
            if (!target.Field.Accepts(values[target.Factor]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a concrete parameter path (no wildcards) whose value is factor <paramref name="factor"/>'s, if it
    /// is one of the handled fields.</summary>
    /// <param name="factor">The index of the value in the arrays given to <see cref="Apply"/>.</param>
    /// <param name="path">The concrete path.</param>
    /// <returns><see langword="true"/> if the path is handled and was added; <see langword="false"/> otherwise.</returns>
    public bool TryAdd(int factor, string path)
    {
        if (ParameterCatalog.FieldOf(path) is not { Type: ScenarioFieldType.Number, Record: not null } field)
        {
            return false;
        }

        string[] s = path.Split('.');
        (Holder, int)? target = (field.Kind.Name, s) switch
        {
            ("scenario", [_]) => (Holder.Scenario, 0),
            ("state", ["states", var id, _]) => (Holder.State, IndexOf(_base.States, x => x.Id == id)),
            ("perception", ["states", var id, _, _]) => (Holder.Perception, IndexOf(_base.States, x => x.Id == id)),
            ("commitment", ["commitments", var key, _]) => (Holder.Commitment, IndexOf(_base.Commitments, x => x.Key == key)),
            ("deepening", ["commitments", var key, _, _]) => (Holder.Deepening, IndexOf(_base.Commitments, x => x.Key == key)),
            ("crisis", ["crises", var id, _]) => (Holder.Crisis, IndexOf(_base.Crises, x => x.Id == id)),
            ("theatre", ["crises", var id, _, _]) => (Holder.Theatre, IndexOf(_base.Crises, x => x.Id == id)),
            ("bargaining", ["crises", var id, _, _]) => (Holder.Bargaining, IndexOf(_base.Crises, x => x.Id == id)),
            ("alliance", ["alliances", var id, _]) => (Holder.Alliance, IndexOf(_base.Alliances, x => x.Id == id)),
            _ => null,
        };
        if (target is not var (holder, index) || index < 0)
        {
            return false;
        }

        _targets.Add(new Target(factor, holder, index, field));
        return true;
    }

    /// <summary>The base scenario with every target set to its factor's value.</summary>
    /// <param name="values">The factors' values.</param>
    /// <returns>A new scenario; the base is unchanged.</returns>
    public Scenario Apply(double[] values)
    {
        var scenario = _base;
        State[]? states = null;
        Commitment[]? commitments = null;
        Crisis[]? crises = null;
        Alliance[]? alliances = null;
        foreach (var (factor, holder, i, field) in _targets)
        {
            double v = values[factor];
            switch (holder)
            {
                case Holder.Scenario:
                    scenario = (Scenario)field.SetValue(scenario, v);
                    break;
                case Holder.State:
                    states ??= [.. _base.States];
                    states[i] = (State)field.SetValue(states[i], v);
                    break;
                case Holder.Perception:
                    states ??= [.. _base.States];
                    states[i] = states[i] with { Perception = (PerceptionProfile)field.SetValue(states[i].Perception, v) };
                    break;
                case Holder.Commitment:
                    commitments ??= [.. _base.Commitments];
                    commitments[i] = (Commitment)field.SetValue(commitments[i], v);
                    break;
                case Holder.Deepening:
                    commitments ??= [.. _base.Commitments];
                    commitments[i] = commitments[i] with { Deepening = (Deepening)field.SetValue(commitments[i].Deepening, v) };
                    break;
                case Holder.Crisis:
                    crises ??= [.. _base.Crises];
                    crises[i] = (Crisis)field.SetValue(crises[i], v);
                    break;
                case Holder.Theatre:
                    crises ??= [.. _base.Crises];
                    crises[i] = crises[i] with { Theatre = (Theatre)field.SetValue(crises[i].Theatre, v) };
                    break;
                case Holder.Bargaining:
                    crises ??= [.. _base.Crises];
                    crises[i] = crises[i] with { Bargaining = (Bargaining)field.SetValue(crises[i].Bargaining, v) };
                    break;
                case Holder.Alliance:
                    alliances ??= [.. _base.Alliances];
                    alliances[i] = (Alliance)field.SetValue(alliances[i], v);
                    break;
            }
        }

        if (states is not null || commitments is not null || crises is not null || alliances is not null)
        {
            scenario = scenario with
            {
                States = states ?? scenario.States,
                Commitments = commitments ?? scenario.Commitments,
                Crises = crises ?? scenario.Crises,
                Alliances = alliances ?? scenario.Alliances,
            };
        }

        return scenario;
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Target(int Factor, Holder Holder, int Index, ScenarioField Field);
}
