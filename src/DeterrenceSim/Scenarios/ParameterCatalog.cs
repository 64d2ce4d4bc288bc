using System.Globalization;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Every parameter a scenario has: its type, domain, default, whether it takes integers and whether it acts in single
/// rounds or only in runs over periods (DESIGN.md sections 2-6), as the one table of the format describes it (the
/// internal <c>ScenarioKinds</c>, which the reader, the writer, the validator and the JSON Schema also read). The sweep's
/// checks, the CLI's warnings and <c>list --parameters</c> read it; a test holds it to the validator (every bound is
/// tried on both sides).
/// </summary>
public static class ParameterCatalog
{
    /// <summary>The collections whose next path segment selects an item (or a map key) rather than a field.</summary>
    private static readonly HashSet<string> Selecting = new(StringComparer.Ordinal)
    {
        "states", "alliances", "commitments", "crises", "escalation", "projection", "preferences",
    };

    private static readonly Dictionary<string, ScenarioField> Specs = ScenarioKinds.Fields.ToDictionary(f => f.Pattern, StringComparer.Ordinal);

    /// <summary>The pattern of a parameter path: every item selector and map key replaced by <c>*</c>
    /// (<c>states.CHN.perception.credulity</c> gives <c>states.*.perception.credulity</c>).</summary>
    /// <param name="path">A parameter path, concrete or with wildcards.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static string PatternOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        for (int i = 1; i < segments.Length; i++)
        {
            if (Selecting.Contains(segments[i - 1]))
            {
                segments[i] = "*";
            }
        }

        return string.Join('.', segments);
    }

    /// <summary>Whether a parameter path addresses a field that acts only in runs over periods (learning, engagement
    /// votes, overstretch), so it cannot change a single round.</summary>
    /// <param name="path">A parameter path.</param>
    /// <returns><see langword="true"/> for a runs-only field; <see langword="false"/> otherwise or for an unknown path.</returns>
    public static bool IsRunsOnly(string path) => Specs.TryGetValue(PatternOf(path), out var spec) && spec.Acts == ParameterActs.Runs;

    /// <summary>Whether a parameter path addresses a field that takes integers only (<c>periods</c>, <c>year</c>,
    /// <c>votePeriod</c>, <c>foresight</c>).</summary>
    /// <param name="path">A parameter path.</param>
    /// <returns><see langword="true"/> for an integer field.</returns>
    public static bool IsInteger(string path) => Specs.TryGetValue(PatternOf(path), out var spec) && spec.Type == ScenarioFieldType.Integer;

    /// <summary>Describes every parameter of a scenario: each concrete path <c>--set</c> and sweeps accept, with its
    /// value, type, domain and default, in the order of the scenario's JSON.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>One description per parameter. Identifiers, names, texts and lists of names (members, scopes,
    /// regions, sources) are not parameters and are not listed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ParameterDescription> Describe(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var list = new List<ParameterDescription>();
        Walk(ScenarioJsonWriter.ToNode(scenario with { Variants = [] }), "", list);
        return list;
    }

    private static void Walk(JsonObject node, string path, List<ParameterDescription> list)
    {
        foreach (var (key, child) in node)
        {
            string childPath = path.Length == 0 ? key : path + "." + key;
            if (child is JsonObject obj)
            {
                Walk(obj, childPath, list);
            }
            else if (child is JsonArray array && key is "states" or "alliances" or "commitments" or "crises" or "escalation")
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        string selector = key switch
                        {
                            "commitments" => item["supporter"]?.GetValue<string>() + ">" + item["protege"]?.GetValue<string>(),
                            "escalation" => i.ToString(CultureInfo.InvariantCulture),
                            _ => item["id"]?.GetValue<string>() ?? i.ToString(CultureInfo.InvariantCulture),
                        };
                        Walk(item, childPath + "." + selector, list);
                    }
                }
            }
            else if (child is not JsonArray && Specs.TryGetValue(PatternOf(childPath), out var spec))
            {
                list.Add(new ParameterDescription(childPath, child?.ToJsonString() ?? "null", spec.TypeName, spec.Domain, spec.Default, spec.Acts));
            }
        }
    }

    /// <summary>The parameter a path addresses, or <see langword="null"/> for a path that is no parameter.</summary>
    /// <param name="path">A parameter path, concrete or with wildcards.</param>
    /// <returns>The catalog's entry.</returns>
    internal static ScenarioField? FieldOf(string path) => Specs.GetValueOrDefault(PatternOf(path));
}
