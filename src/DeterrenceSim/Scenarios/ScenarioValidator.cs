using System.Globalization;
using System.Text.RegularExpressions;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Checks a scenario against the domains and cross-references of DESIGN.md section 6, whether it was loaded from JSON
/// or built in code. Errors name the JSON path the offending value has (or would have) in the scenario file.
/// </summary>
public static partial class ScenarioValidator
{
    private const string Missing = "nothing (the field is missing or null)";

    /// <summary>Validates a scenario; returns normally when it is valid.</summary>
    /// <param name="scenario">The scenario to check.</param>
    /// <param name="source">The file or source name used in error messages. The default value is <c>&lt;code&gt;</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">The first invalid value found, with its JSON path. A named variant
    /// (<see cref="Scenario.Variants"/>) is checked by applying it to the scenario as given: a path that resolves
    /// nowhere or a value out of its domain is an error at <c>$.variants[i].overrides[j]</c>.</exception>
    public static void Validate(Scenario scenario, string? source = null) => Validate(scenario, source, applyVariants: true);

    /// <summary>As <see cref="Validate(Scenario, string?)"/>; with <paramref name="applyVariants"/> false the variants'
    /// structure is checked but they are not applied: for a scenario derived by overrides (a sweep's point, a
    /// <c>--set</c>), whose variants were checked against the scenario as loaded and are not what it runs.</summary>
    internal static void Validate(Scenario scenario, string? source, bool applyVariants)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        new Checker(source ?? "<code>", applyVariants).Check(scenario);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex IdPattern();

    private sealed partial class Checker(string source, bool applyVariants)
    {
        /// <summary>The states' ids, with their index, once the states are checked.</summary>
        private readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);

        /// <summary>The alliances' ids, once the alliances are checked.</summary>
        private readonly HashSet<string> _alliances = new(StringComparer.Ordinal);

        public void Check(Scenario s)
        {
            NonEmpty(s.Name, "$.name");
            NotNull(s.States, "$.states", "an array");
            NotNull(s.Crises, "$.crises", "an array");
            NotNull(s.Alliances, "$.alliances", "an array");
            NotNull(s.Commitments, "$.commitments", "an array");
            NotNull(s.Sources, "$.sources", "an array");
            if (s.States.Count == 0)
            {
                throw Error("$.states", "a non-empty array of states", "an empty array");
            }

            var pairs = new HashSet<(string, string)>();
            var crises = new HashSet<string>(StringComparer.Ordinal);
            CheckFields(ScenarioKinds.Scenario, s, "$", name =>
            {
                switch (name)
                {
                    case "name" or "description" or "sources": // checked above; a description may be anything
                        return true;
                    case "states":
                        for (int i = 0; i < s.States.Count; i++)
                        {
                            CheckState(s.States[i], At("$.states", i), i);
                        }

                        return true;
                    case "alliances":
                        for (int i = 0; i < s.Alliances.Count; i++)
                        {
                            CheckAlliance(s.Alliances[i], At("$.alliances", i));
                        }

                        return true;
                    case "commitments":
                        for (int i = 0; i < s.Commitments.Count; i++)
                        {
                            CheckCommitment(s.Commitments[i], At("$.commitments", i), pairs);
                        }

                        return true;
                    case "crises":
                        if (s.Crises.Count == 0)
                        {
                            throw Error("$.crises", "a non-empty array of crises", "an empty array");
                        }

                        for (int i = 0; i < s.Crises.Count; i++)
                        {
                            CheckCrisis(s.Crises[i], At("$.crises", i), crises);
                        }

                        CheckNoStateSupportsBothSides(s);
                        return true;
                    case "variants":
                        CheckVariants(s);
                        return true;
                    default:
                        return false;
                }
            });
        }

        private void CheckState(State state, string path, int index)
        {
            NotNull(state, path, "a state object");
            CheckFields(ScenarioKinds.State, state, path, name =>
            {
                switch (name)
                {
                    case "id":
                        Id(state.Id, path + ".id");
                        if (!_states.TryAdd(state.Id, index))
                        {
                            throw Error(path + ".id", "a state id unique in $.states", $"\"{state.Id}\", already the id of $.states[{_states[state.Id]}]");
                        }

                        return true;
                    case "name":
                        NonEmpty(state.Name, path + ".name");
                        return true;
                    case "regions":
                        Strings(state.Regions, path + ".regions");
                        return true;
                    case "perception":
                        NotNull(state.Perception, path + ".perception", "a perception object");
                        CheckFields(ScenarioKinds.Perception, state.Perception, path + ".perception");
                        return true;
                    default:
                        return false;
                }
            });
        }

        private void CheckAlliance(Alliance alliance, string path)
        {
            NotNull(alliance, path, "an alliance object");
            var members = new HashSet<string>(StringComparer.Ordinal);
            CheckFields(ScenarioKinds.Alliance, alliance, path, name =>
            {
                switch (name)
                {
                    case "id":
                        Id(alliance.Id, path + ".id");
                        if (!_alliances.Add(alliance.Id))
                        {
                            throw Error(path + ".id", "an alliance id unique in $.alliances", $"\"{alliance.Id}\" again");
                        }

                        return true;
                    case "members":
                        NotNull(alliance.Members, path + ".members", "an array of state ids");
                        for (int m = 0; m < alliance.Members.Count; m++)
                        {
                            string memberPath = At(path + ".members", m);
                            ExistingState(alliance.Members[m], memberPath);
                            if (!members.Add(alliance.Members[m]))
                            {
                                throw Error(memberPath, "each member once", $"\"{alliance.Members[m]}\" again");
                            }
                        }

                        return true;
                    case "scope":
                        Strings(alliance.Scope, path + ".scope");
                        return true;
                    case "preferences":
                        NotNull(alliance.Preferences, path + ".preferences", "an object of member ids to preferences");
                        foreach (var (id, preference) in alliance.Preferences.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                        {
                            string p = path + ".preferences." + id;
                            if (!members.Contains(id))
                            {
                                throw Error(p, "the id of a member of this alliance", $"\"{id}\", not a member");
                            }

                            NotNull(preference, p, "a preference object");
                            CheckFields(ScenarioKinds.Preference, preference, p);
                        }

                        return true;
                    default:
                        return false;
                }
            });
        }

        private void CheckCommitment(Commitment c, string path, HashSet<(string, string)> pairs)
        {
            NotNull(c, path, "a commitment object");
            CheckFields(ScenarioKinds.Commitment, c, path, name =>
            {
                switch (name)
                {
                    case "protege":
                        if (c.Supporter == c.Protege)
                        {
                            throw Error(path + ".protege", "a state other than the supporter", $"\"{c.Protege}\", a commitment from a state to itself");
                        }

                        if (!pairs.Add((c.Supporter, c.Protege)))
                        {
                            throw Error(path, "one commitment per (supporter, protege)", $"a second commitment {c.Supporter}>{c.Protege}");
                        }

                        return true;
                    case "scope":
                        Strings(c.Scope, path + ".scope");
                        return true;
                    case "deepening":
                        NotNull(c.Deepening, path + ".deepening", "a deepening object");
                        CheckFields(ScenarioKinds.Deepening, c.Deepening, path + ".deepening");
                        return true;
                    default:
                        return false;
                }
            });
        }

        private void CheckCrisis(Crisis c, string path, HashSet<string> ids)
        {
            NotNull(c, path, "a crisis object");
            CheckFields(ScenarioKinds.Crisis, c, path, name =>
            {
                switch (name)
                {
                    case "id":
                        Id(c.Id, path + ".id");
                        if (!ids.Add(c.Id))
                        {
                            throw Error(path + ".id", "a crisis id unique in $.crises", $"\"{c.Id}\" again");
                        }

                        return true;
                    case "defender":
                        if (c.Challenger == c.Defender)
                        {
                            throw Error(path + ".defender", "a state other than the challenger", $"\"{c.Defender}\", the challenger itself");
                        }

                        return true;
                    case "theatre":
                        NotNull(c.Theatre, path + ".theatre", "a theatre object");
                        CheckTheatre(c, path + ".theatre");
                        return true;
                    case "challengerCost":
                        // The protocol decides whether defenderCost is required: check it first.
                        NotNull(c.Bargaining, path + ".bargaining", "a bargaining object");
                        CheckField((ScenarioField)ScenarioKinds.Bargaining["protocol"], c.Bargaining, path + ".bargaining.protocol");
                        return true;
                    case "defenderCost":
                        if (c.DefenderCost is null && c.Bargaining.Protocol == BargainingProtocol.NashSplit)
                        {
                            throw Error(path + ".defenderCost", ((ScenarioField)ScenarioKinds.Crisis["defenderCost"]).Expected + " (required when bargaining.protocol is NashSplit)", Missing);
                        }

                        return true;
                    case "bargaining":
                        CheckFields(ScenarioKinds.Bargaining, c.Bargaining, path + ".bargaining", field =>
                        {
                            string upperPath = path + ".bargaining.defenderCostUpperBound";
                            if (field == "defenderCostUpperBound" && c.Bargaining.DefenderCostUpperBound is null && c.Bargaining.Protocol == BargainingProtocol.TakeItOrLeaveIt)
                            {
                                throw Error(upperPath, ((ScenarioField)ScenarioKinds.Bargaining["defenderCostUpperBound"]).Expected + " (required when bargaining.protocol is TakeItOrLeaveIt)", Missing);
                            }

                            return true;
                        });
                        return true;
                    case "escalation":
                        NotNull(c.Escalation, path + ".escalation", "an array");
                        for (int i = 0; i < c.Escalation.Count; i++)
                        {
                            string p = At(path + ".escalation", i);
                            NotNull(c.Escalation[i], p, "an escalation object");
                            CheckFields(ScenarioKinds.Escalation, c.Escalation[i], p, field =>
                            {
                                if (field == "target" && c.Escalation[i].Target == c.Challenger)
                                {
                                    throw Error(p + ".target", "a state the challenger strikes, not the challenger itself", Quote(c.Escalation[i].Target));
                                }

                                return true;
                            });
                        }

                        return true;
                    default:
                        return false;
                }
            });
        }

        private void CheckTheatre(Crisis c, string path)
        {
            CheckFields(ScenarioKinds.Theatre, c.Theatre, path, name =>
            {
                if (name != "projection")
                {
                    return false;
                }

                NotNull(c.Theatre.Projection, path + ".projection", "an object of state ids to numbers");
                var values = (ScenarioField)ScenarioKinds.Projection["*"];
                foreach (var (stateId, projection) in c.Theatre.Projection.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    string p = path + ".projection." + stateId;
                    if (!_states.ContainsKey(stateId))
                    {
                        throw Error(p, "the id of a state in $.states", $"an unknown state id \"{stateId}\"");
                    }

                    CheckNumber(values, projection, p);
                    if ((stateId == c.Challenger || stateId == c.Defender) && projection <= 0)
                    {
                        throw Error(p, "a number in (0, 1] for a protagonist", Show(projection));
                    }
                }

                return true;
            });
        }

        /// <summary>Checks the fields of an object in the order of its kind: each parameter against its domain (the
        /// catalog's), and after each field what <paramref name="then"/> adds by the field's name, which must handle
        /// every structural field (an id, a list, a nested object) and may add rules between fields.</summary>
        private void CheckFields(ScenarioKind kind, object record, string path, Func<string, bool>? then = null)
        {
            foreach (var member in kind.Members)
            {
                if (member is ScenarioField field)
                {
                    CheckField(field, record, path + "." + field.Name);
                }

                bool handled = then?.Invoke(member.Name) ?? false;
                if (member is ScenarioStructure && !handled)
                {
                    throw ScenarioStructure.Unhandled("validator", kind, member.Name);
                }
            }
        }

        /// <summary>Checks one parameter against its domain: a number within its bounds, an integer within its bounds,
        /// a defined choice, a reference to an existing state or alliance or a non-blank region; null only where the
        /// field is nullable (a missing required value is a rule between fields, checked by hand).</summary>
        private void CheckField(ScenarioField field, object record, string path)
        {
            object? value = field.GetValue(record);
            switch (field.Type)
            {
                case ScenarioFieldType.Number when value is double d:
                    CheckNumber(field, d, path);
                    break;
                case ScenarioFieldType.Integer when value is int i && (field.Min is not null || field.Max is not null) && !field.Accepts(i):
                    throw Error(path, field.Expected, i.ToString(CultureInfo.InvariantCulture));
                case ScenarioFieldType.Choice when value is Enum choice && !Enum.IsDefined(choice.GetType(), choice):
                    throw Error(path, field.Expected, choice.ToString());
                case ScenarioFieldType.Reference:
                    CheckReference(field, (string?)value, path);
                    break;
            }
        }

        private void CheckNumber(ScenarioField field, double value, string path)
        {
            if (!field.Accepts(value))
            {
                throw Error(path, field.Expected, Show(value));
            }
        }

        private void CheckReference(ScenarioField field, string? value, string path)
        {
            switch (field.Refers)
            {
                case ScenarioReference.State:
                    ExistingState(value, path);
                    break;
                case ScenarioReference.Alliance when value is not null && !_alliances.Contains(value):
                    throw Error(path, "the id of an alliance in $.alliances", Quote(value));
                case ScenarioReference.Region:
                    NonEmpty(value, path);
                    break;
            }
        }

        private void CheckNoStateSupportsBothSides(Scenario s)
        {
            for (int k = 0; k < s.Crises.Count; k++)
            {
                var crisis = s.Crises[k];
                var supportsChallenger = new HashSet<string>(StringComparer.Ordinal);
                var supportsDefender = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < s.Commitments.Count; i++)
                {
                    var c = s.Commitments[i];
                    bool toChallenger = c.Protege == crisis.Challenger && c.Supporter != crisis.Defender;
                    bool toDefender = c.Protege == crisis.Defender && c.Supporter != crisis.Challenger;
                    if ((toChallenger && supportsDefender.Contains(c.Supporter)) || (toDefender && supportsChallenger.Contains(c.Supporter)))
                    {
                        throw Error(
                            At("$.commitments", i),
                            $"a supporter on one side only of crisis \"{crisis.Id}\"",
                            $"\"{c.Supporter}\" committed to both {crisis.Challenger} and {crisis.Defender}");
                    }

                    if (toChallenger)
                    {
                        supportsChallenger.Add(c.Supporter);
                    }
                    else if (toDefender)
                    {
                        supportsDefender.Add(c.Supporter);
                    }
                }
            }
        }

        // ---- value checks -------------------------------------------------------------------------------

        private void NotNull(object? value, string path, string expected)
        {
            if (value is null)
            {
                throw Error(path, expected, "null");
            }
        }

        private void NonEmpty(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Error(path, "a non-empty string", value is null ? "null" : Quote(value));
            }
        }

        private void Strings(IReadOnlyList<string>? values, string path)
        {
            NotNull(values, path, "an array of strings");
            for (int i = 0; i < values!.Count; i++)
            {
                NonEmpty(values[i], At(path, i));
            }
        }

        private void Id(string? id, string path)
        {
            NonEmpty(id, path);
            if (!IdPattern().IsMatch(id!))
            {
                throw Error(path, "an id of letters, digits, '_' and '-' only", Quote(id!));
            }
        }

        private void ExistingState(string? id, string path)
        {
            NonEmpty(id, path);
            if (!_states.ContainsKey(id!))
            {
                throw Error(path, "the id of a state in $.states", $"an unknown state id \"{id}\"");
            }
        }

        private ScenarioException Error(string path, string expected, string found) => new(source, path, expected, found);

        private static string At(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        private static string Quote(string value) => "\"" + value + "\"";

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
