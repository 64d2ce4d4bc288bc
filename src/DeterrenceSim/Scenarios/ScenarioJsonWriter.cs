using System.Text.Json;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Writes a scenario in the format of DESIGN.md section 6 with every field explicit, defaults included, so that the
/// document is also the map of every parameter path (a defaulted field can be overridden like any other).
/// </summary>
internal static class ScenarioJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Scenario s) => ToNode(s).ToJsonString(Indented);

    /// <summary>The scenario as a JSON object; <c>variants</c> is left out when there are none, so that files without
    /// variants keep their canonical bytes (and their hash).</summary>
    public static JsonObject ToNode(Scenario s)
    {
        var node = WriteRoot(s);
        if (s.Variants is not { Count: > 0 })
        {
            node.Remove("variants");
        }

        return node;
    }

    private static JsonObject WriteRoot(Scenario s) => Write(ScenarioKinds.Scenario, s, name => name switch
    {
        "name" => s.Name,
        "description" => s.Description,
        "sources" => Strings(s.Sources),
        "states" => Array(s.States, State),
        "alliances" => Array(s.Alliances, Alliance),
        "commitments" => Array(s.Commitments, Commitment),
        "crises" => Array(s.Crises, Crisis),
        "variants" => s.Variants is { Count: > 0 } ? Array(s.Variants, Variant) : null,
        _ => throw ScenarioStructure.Unhandled("writer", ScenarioKinds.Scenario, name),
    });

    /// <summary>Writes an object's fields in the order of its kind: each parameter by the catalog's getter, each
    /// structural field by <paramref name="structure"/>.</summary>
    private static JsonObject Write(ScenarioKind kind, object record, Func<string, JsonNode?>? structure = null)
    {
        var node = new JsonObject();
        foreach (var member in kind.Members)
        {
            node[member.Name] = member is ScenarioField field
                ? field.ToJson(record)
                : structure is null ? throw ScenarioStructure.Unhandled("writer", kind, member.Name) : structure(member.Name);
        }

        return node;
    }

    private static JsonObject State(State s) => Write(ScenarioKinds.State, s, name => name switch
    {
        "id" => s.Id,
        "name" => s.Name,
        "regions" => Strings(s.Regions),
        "perception" => Write(ScenarioKinds.Perception, s.Perception),
        _ => throw ScenarioStructure.Unhandled("writer", ScenarioKinds.State, name),
    });

    private static JsonObject Alliance(Alliance a) => Write(ScenarioKinds.Alliance, a, name => name switch
    {
        "id" => a.Id,
        "members" => Strings(a.Members),
        "scope" => Strings(a.Scope),
        "preferences" => Preferences(a.Preferences),
        _ => throw ScenarioStructure.Unhandled("writer", ScenarioKinds.Alliance, name),
    });

    private static JsonObject Variant(ScenarioVariant v) => new()
    {
        ["name"] = v.Name,
        ["description"] = v.Description,
        ["overrides"] = Array(v.Overrides, o => new JsonObject
        {
            ["path"] = o.Path,
            ["value"] = OverrideValue(o.Value),
            ["rationale"] = o.Rationale,
            ["sources"] = Strings(o.Sources),
        }),
    };

    /// <summary>An override's value as the file holds it: a finite number as a number, <c>true</c> and <c>false</c> as
    /// booleans, <c>null</c> as null, anything else as a string (the same text, so the same override).</summary>
    private static JsonNode? OverrideValue(string value) => value switch
    {
        "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };

    private static JsonObject Preferences(IReadOnlyDictionary<string, MemberPreference> preferences)
    {
        var node = new JsonObject();
        foreach (var (id, preference) in preferences)
        {
            node[id] = Write(ScenarioKinds.Preference, preference);
        }

        return node;
    }

    private static JsonObject Commitment(Commitment c) => Write(ScenarioKinds.Commitment, c, name => name switch
    {
        "scope" => Strings(c.Scope),
        "deepening" => Write(ScenarioKinds.Deepening, c.Deepening),
        _ => throw ScenarioStructure.Unhandled("writer", ScenarioKinds.Commitment, name),
    });

    private static JsonObject Crisis(Crisis c) => Write(ScenarioKinds.Crisis, c, name => name switch
    {
        "id" => c.Id,
        "theatre" => Write(ScenarioKinds.Theatre, c.Theatre, field => field == "projection" ? Projection(c.Theatre.Projection) : throw ScenarioStructure.Unhandled("writer", ScenarioKinds.Theatre, field)),
        "bargaining" => Write(ScenarioKinds.Bargaining, c.Bargaining),
        "escalation" => Array(c.Escalation, e => Write(ScenarioKinds.Escalation, e)),
        _ => throw ScenarioStructure.Unhandled("writer", ScenarioKinds.Crisis, name),
    });

    private static JsonObject Projection(IReadOnlyDictionary<string, double> projection)
    {
        var node = new JsonObject();
        foreach (var (id, value) in projection)
        {
            node[id] = value == 0 ? 0.0 : value; // -0 is written 0
        }

        return node;
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add((JsonNode?)JsonValue.Create(v)); // the non-generic Add: no reflection, safe to trim
        }

        return array;
    }

    private static JsonArray Array<T>(IReadOnlyList<T> items, Func<T, JsonObject> write)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add((JsonNode)write(item));
        }

        return array;
    }
}
