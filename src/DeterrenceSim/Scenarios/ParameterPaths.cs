using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Parameter paths (DESIGN.md section 6): dotted addresses of any value in a scenario, defaulted fields included, the
/// same in the CLI's <c>--set</c>, in sweeps and in the library. Items of <c>states</c>, <c>alliances</c> and
/// <c>crises</c> are selected by id, <c>commitments</c> by <c>Supporter&gt;Protege</c> (either side may be <c>*</c>:
/// <c>*&gt;JPN</c>, <c>GBR&gt;*</c>) or by kind (<c>commitments.Partnership.signal</c>), <c>escalation</c> entries by
/// index, and <c>*</c> matches every item: <c>states.CHN.perception.credulity</c>,
/// <c>commitments.USA&gt;JPN.reliability</c>, <c>states.*.perception.noise</c>,
/// <c>crises.east-china-sea.bargaining.protocol</c>, <c>crises.baltic.theatre.projection.USA</c>.
/// The scenario is validated again once the overrides are applied.
/// </summary>
public static class ParameterPaths
{
    /// <summary>Returns a copy of the scenario with the value at a parameter path replaced.</summary>
    /// <param name="scenario">The scenario to change; it is not modified.</param>
    /// <param name="path">The parameter path; <c>*</c> sets every matching item.</param>
    /// <param name="value">The new value: a number in the invariant culture (<c>0.25</c>, <c>1e-3</c>) for numeric fields, a name for
    /// enumerations and ids (<c>TakeItOrLeaveIt</c>).</param>
    /// <returns>The changed, validated scenario.</returns>
    /// <exception cref="ScenarioException">The path matches nothing, the value has the wrong type, or the changed scenario is invalid;
    /// <see cref="ScenarioException.ParameterPath"/> names the path.</exception>
    public static Scenario Set(Scenario scenario, string path, string value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        return SetAll(scenario, [new KeyValuePair<string, string>(path, value)]);
    }

    /// <summary>Returns a copy of the scenario with the number at a parameter path replaced.</summary>
    /// <param name="scenario">The scenario to change; it is not modified.</param>
    /// <param name="path">The parameter path of a numeric field.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The changed, validated scenario.</returns>
    /// <exception cref="ScenarioException">As for <see cref="Set(Scenario, string, string)"/>.</exception>
    public static Scenario Set(Scenario scenario, string path, double value) =>
        Set(scenario, path, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// Applies overrides in order, then validates the result once, so that overrides that only make sense together
    /// (a protocol and its parameter) may come in any order.
    /// </summary>
    /// <param name="scenario">The scenario to change; it is not modified.</param>
    /// <param name="assignments">Pairs of parameter path and value, as for <see cref="Set(Scenario, string, string)"/>.</param>
    /// <param name="source">The file or name used in error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>The changed, validated scenario.</returns>
    /// <exception cref="ScenarioException">As for <see cref="Set(Scenario, string, string)"/>; a validation error is attributed
    /// to the override that wrote the offending value, or else to all overrides.</exception>
    public static Scenario SetAll(Scenario scenario, IEnumerable<KeyValuePair<string, string>> assignments, string? source = null) =>
        SetAll(scenario, assignments, source, validateFirst: true);

    /// <summary>As <see cref="SetAll(Scenario, IEnumerable{KeyValuePair{string, string}}, string?)"/>; with
    /// <paramref name="validateFirst"/> false the scenario need not be valid before the assignments (it is validated
    /// after them, also when there are none).</summary>
    internal static Scenario SetAll(Scenario scenario, IEnumerable<KeyValuePair<string, string>> assignments, string? source, bool validateFirst) =>
        SetAll(scenario, assignments, source, validateFirst, blame: null);

    /// <summary>As <see cref="SetAll(Scenario, IEnumerable{KeyValuePair{string, string}}, string?, bool)"/>; an error
    /// is passed to <paramref name="blame"/> with the index of the assignment it is attributed to (-1 for all of them)
    /// and whether its path (rather than its value) is at fault, and the exception it returns is thrown. The
    /// scenario's variants are kept as they are: their overrides are not parameters, and are checked against the
    /// scenario as given.</summary>
    internal static Scenario SetAll(
        Scenario scenario, IEnumerable<KeyValuePair<string, string>> assignments, string? source, bool validateFirst, Func<int, ScenarioException, bool, ScenarioException>? blame)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(assignments);
        var list = assignments.ToList();
        source ??= "scenario '" + scenario.Name + "'";
        if (list.Count == 0 && validateFirst)
        {
            return scenario;
        }

        if (list.Count == 0 || validateFirst)
        {
            ScenarioValidator.Validate(scenario, source, applyVariants: false);
            if (list.Count == 0)
            {
                return scenario;
            }
        }

        var variants = scenario.Variants ?? [];
        var root = ScenarioJsonWriter.ToNode(scenario with { Variants = [] });
        var written = new List<(string Path, string JsonPath)>();
        var writers = new List<int>();
        for (int k = 0; k < list.Count; k++)
        {
            var (path, value) = list[k];
            List<Target> targets;
            try
            {
                targets = Resolve(root, path, source);
            }
            catch (ScenarioException e) when (blame is not null)
            {
                throw blame(k, e, true);
            }

            foreach (var target in targets)
            {
                try
                {
                    target.Parent[target.Key] = ParseValue(target, value, path, source);
                }
                catch (ScenarioException e) when (blame is not null)
                {
                    throw blame(k, e, false);
                }

                written.Add((path, target.JsonPath));
                writers.Add(k);
            }
        }

        Scenario result;
        try
        {
            result = ScenarioJsonReader.Read(root.ToJsonString(), source);
        }
        catch (ScenarioException e)
        {
            if (blame is null)
            {
                throw Attribute(e, written);
            }

            int culprit = Culprit(e, written);
            throw blame(culprit < 0 ? -1 : writers[culprit], e, false);
        }

        return variants.Count == 0 ? result : result with { Variants = variants };
    }

    /// <summary>Lists the concrete parameter paths a (possibly wildcard) path matches, with their current values.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The parameter path.</param>
    /// <returns>Each matching concrete path and its value as JSON text (<c>null</c> for an unset optional field).</returns>
    /// <exception cref="ScenarioException">The path matches nothing.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Get(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        string source = "scenario '" + scenario.Name + "'";
        ScenarioValidator.Validate(scenario, source, applyVariants: false);
        return [.. Targets(scenario, path, source).Select(t => new KeyValuePair<string, string>(t.ConcretePath, t.Value))];
    }

    /// <summary>The concrete parameter paths a (possibly wildcard) path matches, with the JSON path of each value and
    /// the value as JSON text (<c>null</c> for an unset optional field).</summary>
    /// <exception cref="ScenarioException">The path matches nothing.</exception>
    internal static IReadOnlyList<(string ConcretePath, string JsonPath, string Value)> Targets(Scenario scenario, string path, string source) =>
        Targets(TargetsRoot(scenario), path, source);

    /// <summary>As <see cref="Targets(Scenario, string, string)"/>, on the scenario's JSON tree from
    /// <see cref="TargetsRoot"/>, which can serve several paths (the tree is only read).</summary>
    /// <exception cref="ScenarioException">The path matches nothing.</exception>
    internal static IReadOnlyList<(string ConcretePath, string JsonPath, string Value)> Targets(JsonObject root, string path, string source) =>
        [.. Resolve(root, path, source).Select(t => (t.ConcretePath, t.JsonPath, t.Parent[t.Key]?.ToJsonString() ?? "null"))];

    /// <summary>The JSON tree <see cref="Targets(JsonObject, string, string)"/> resolves paths in: the scenario without
    /// its variants.</summary>
    internal static JsonObject TargetsRoot(Scenario scenario) => ScenarioJsonWriter.ToNode(scenario with { Variants = [] });

    /// <summary>Attaches the parameter path to blame to a validation error: the last override that wrote the offending value
    /// (or a value inside it), or else all of them.</summary>
    internal static ScenarioException Attribute(ScenarioException e, IReadOnlyList<(string Path, string JsonPath)> written)
    {
        int culprit = Culprit(e, written);
        return e.WithParameterPath(culprit >= 0 ? written[culprit].Path : string.Join(", ", written.Select(w => w.Path).Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The index of the last write of the offending value (or a value inside it), or -1.</summary>
    private static int Culprit(ScenarioException e, IReadOnlyList<(string Path, string JsonPath)> written)
    {
        for (int i = written.Count - 1; i >= 0; i--)
        {
            string w = written[i].JsonPath;
            if (e.JsonPath == w || e.JsonPath.StartsWith(w + ".", StringComparison.Ordinal) || e.JsonPath.StartsWith(w + "[", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Splits a <c>path=value</c> assignment, as given to the CLI's <c>--set</c>.</summary>
    /// <param name="assignment">The text, such as <c>states.CHN.perception.credulity=0.8</c>.</param>
    /// <returns>The path and the value, trimmed.</returns>
    /// <exception cref="FormatException">The text has no <c>=</c>, or an empty path or value.</exception>
    public static KeyValuePair<string, string> ParseAssignment(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        int i = assignment.IndexOf('=', StringComparison.Ordinal);
        if (i <= 0 || i == assignment.Length - 1)
        {
            throw new FormatException($"'{assignment}' is not an assignment: expected path=value, such as states.CHN.perception.credulity=0.8.");
        }

        return new(assignment[..i].Trim(), assignment[(i + 1)..].Trim());
    }

    private static List<Target> Resolve(JsonObject root, string path, string source)
    {
        var segments = path.Split('.');
        if (path.Length == 0 || segments.Any(s => s.Length == 0))
        {
            throw new ScenarioException(source, "$", "a dotted parameter path such as states.CHN.perception.credulity", $"'{path}'", path);
        }

        var targets = new List<Target>();
        Walk(root, "$", "", segments, 0, path, source, targets);
        return targets;
    }

    private static void Walk(JsonObject node, string jsonPath, string concrete, string[] segments, int i, string path, string source, List<Target> targets)
    {
        string segment = segments[i];
        bool last = i == segments.Length - 1;
        bool isMap = jsonPath.EndsWith(".projection", StringComparison.Ordinal);
        bool isPreferences = jsonPath.EndsWith(".preferences", StringComparison.Ordinal);
        var keys = segment == "*" && (isMap || isPreferences) ? node.Select(kv => kv.Key).ToList() : [segment];
        if (keys.Count == 0)
        {
            throw new ScenarioException(source, jsonPath, "a state id, or * over a non-empty map", "* over an empty map", path);
        }

        foreach (var key in keys)
        {
            string childJsonPath = jsonPath + "." + key;
            string childConcrete = concrete.Length == 0 ? key : concrete + "." + key;
            if (!node.TryGetPropertyValue(key, out var child) && isPreferences && !last && IsState(key))
            {
                // A member without a preference yet: create its default preference so it can be overridden.
                child = new JsonObject { ["support"] = 1.0, ["supportUnderThreat"] = null };
                node[key] = child;
            }
            else if (child is null && !node.ContainsKey(key) && !isMap)
            {
                throw new ScenarioException(
                    source,
                    childJsonPath,
                    "one of the fields " + string.Join(", ", node.Select(kv => kv.Key)),
                    $"'{key}'",
                    path);
            }

            if (last)
            {
                if (child is JsonObject or JsonArray)
                {
                    throw new ScenarioException(source, childJsonPath, "a path that ends at a number or a name", "a path to " + (child is JsonObject ? "an object" : "an array"), path);
                }

                targets.Add(new Target(node, key, childConcrete, childJsonPath));
            }
            else if (child is JsonObject obj)
            {
                Walk(obj, childJsonPath, childConcrete, segments, i + 1, path, source, targets);
            }
            else if (child is JsonArray array)
            {
                SelectItems(array, key, childJsonPath, childConcrete, segments, i + 1, path, source, targets);
            }
            else
            {
                throw new ScenarioException(source, childJsonPath, "a field that holds an object", $"'{segments[i + 1]}' below a value", path);
            }
        }
    }

    private static void SelectItems(JsonArray array, string collection, string jsonPath, string concrete, string[] segments, int i, string path, string source, List<Target> targets)
    {
        string selector = segments[i];
        if (i == segments.Length - 1)
        {
            throw new ScenarioException(source, jsonPath, "a field after the item selector", $"a path that ends at an item of '{collection}'", path);
        }

        bool matched = false;
        for (int k = 0; k < array.Count; k++)
        {
            if (array[k] is not JsonObject item)
            {
                continue;
            }

            string key = ItemKey(collection, item, k);
            if (Selects(selector, collection, key, item))
            {
                matched = true;
                Walk(item, jsonPath + "[" + k.ToString(CultureInfo.InvariantCulture) + "]", concrete + "." + key, segments, i + 1, path, source, targets);
            }
        }

        if (!matched)
        {
            string how = collection switch
            {
                "commitments" => "a commitment Supporter>Protege (either side may be *), a commitment kind",
                "escalation" => $"an escalation index from 0 to {array.Count - 1}",
                _ => "an id in " + collection,
            };
            string known = string.Join(", ", array.OfType<JsonObject>().Select((item, k) => ItemKey(collection, item, k)).Take(12));
            string expected = known.Length == 0 ? $"an item of '{collection}', which is empty" : $"{how} or * (such as {known})";
            throw new ScenarioException(source, jsonPath, expected, $"'{selector}'", path);
        }
    }

    /// <summary>Whether an item selector picks an item: <c>*</c>, the item's key, and for commitments a pattern with
    /// <c>*</c> on either side of <c>&gt;</c> (<c>*&gt;JPN</c>) or a commitment kind (<c>Partnership</c>).</summary>
    private static bool Selects(string selector, string collection, string key, JsonObject item)
    {
        if (selector == "*" || string.Equals(selector, key, StringComparison.Ordinal))
        {
            return true;
        }

        if (collection != "commitments")
        {
            return false;
        }

        int arrow = selector.IndexOf('>', StringComparison.Ordinal);
        if (arrow < 0)
        {
            return item["kind"] is JsonValue kind && kind.TryGetValue(out string? name) && string.Equals(selector, name, StringComparison.Ordinal);
        }

        int keyArrow = key.IndexOf('>', StringComparison.Ordinal);
        static bool Side(string pattern, string value) => pattern == "*" || string.Equals(pattern, value, StringComparison.Ordinal);
        return Side(selector[..arrow], key[..keyArrow]) && Side(selector[(arrow + 1)..], key[(keyArrow + 1)..]);
    }

    private static string ItemKey(string collection, JsonObject item, int index) => collection switch
    {
        "commitments" => item["supporter"]?.GetValue<string>() + ">" + item["protege"]?.GetValue<string>(),
        "escalation" => index.ToString(CultureInfo.InvariantCulture),
        _ when item.TryGetPropertyValue("id", out var id) && id is JsonValue v && v.TryGetValue<string>(out var s) => s,
        _ => index.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonNode? ParseValue(Target target, string value, string path, string source)
    {
        if (target.Key is "id" or "name" or "description")
        {
            throw new ScenarioException(source, target.JsonPath, "a parameter (a number, a choice or a reference), not an identifier or a text", $"'{target.Key}'", path);
        }

        var current = target.Parent[target.Key];
        if (value == "null")
        {
            return ScenarioJsonReader.NullableFields.Contains(target.Key)
                ? null
                : throw new ScenarioException(source, target.JsonPath, $"a value (null only unsets {string.Join(", ", ScenarioJsonReader.NullableFields.Order(StringComparer.Ordinal))})", "'null'", path);
        }

        if (current is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw new ScenarioException(source, target.JsonPath, "true or false", $"'{value}'", path),
            };
        }

        bool isNumber = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
        bool wantsNumber = current is JsonValue v ? v.GetValueKind() == JsonValueKind.Number : target.Parent is not null && IsNumericWhenNull(target.Key);
        if (wantsNumber)
        {
            if (!isNumber || !double.IsFinite(number))
            {
                throw new ScenarioException(source, target.JsonPath, "a finite number in the invariant culture (such as 0.25 or 1e-3)", $"'{value}'", path);
            }

            if (number == 0 && ScenarioJsonReader.UnderflowsToZero(value))
            {
                throw new ScenarioException(source, target.JsonPath, ScenarioJsonReader.TinyNumberExpected, $"'{value}'", path);
            }

            return JsonValue.Create(number == 0 ? 0.0 : number); // -0 is 0
        }

        return JsonValue.Create(value);
    }

    private static bool IsNumericWhenNull(string key) => key is not "alliance";

    private static bool IsState(string key) => key.Length > 0 && key != "*";

    private sealed record Target(JsonObject Parent, string Key, string ConcretePath, string JsonPath);
}
