using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Reads the scenario JSON format of DESIGN.md section 6 into model records, strictly: every object is checked for
/// unknown and duplicate fields, every value for its JSON type and finiteness. Domains and cross-references are checked
/// afterwards by <see cref="ScenarioValidator"/> on the records.
/// </summary>
internal sealed class ScenarioJsonReader
{
    /// <summary>The key naming the JSON Schema a scenario file follows (for editors); read as a string and ignored.</summary>
    internal const string SchemaKey = "$schema";

    // The fields of each object; tests check that the JSON Schema (docs/scenario.schema.json) allows exactly these.
    internal static readonly string[] ScenarioFields = ["name", "year", "description", "sources", "states", "alliances", "commitments", "crises", "periods", "learning", "priorStrength", "overstretch", SchemaKey];
    internal static readonly string[] StateFields = ["id", "name", "capability", "homeRegion", "regions", "growthRate", "perception"];
    internal static readonly string[] PerceptionFields = ["credulity", "noise", "supporterNoise", "capabilityBias"];
    internal static readonly string[] AllianceFields = ["id", "members", "scope", "decisionRule", "memberReliability", "votePeriod", "preferences"];
    internal static readonly string[] PreferenceFields = ["support", "supportUnderThreat"];
    internal static readonly string[] CommitmentFields = ["supporter", "protege", "kind", "reliability", "signal", "scope", "outOfScopeReliability", "deepening", "alliance", "informationSharing"];
    internal static readonly string[] DeepeningFields = ["reliability", "signal"];
    internal static readonly string[] CrisisFields = ["id", "challenger", "defender", "theatre", "statusQuo", "challengerCost", "defenderCost", "discount", "decisiveness", "foresight", "bargaining", "escalation"];
    internal static readonly string[] TheatreFields = ["region", "defaultProjection", "projection"];
    internal static readonly string[] BargainingFields = ["protocol", "challengerPower", "defenderCostUpperBound"];
    internal static readonly string[] EscalationFields = ["target", "region", "probability"];

    /// <summary>The fields whose <c>null</c> means "unset" (the model has no value for them); for every other field <c>null</c> is an error.</summary>
    internal static readonly IReadOnlySet<string> NullableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "year", "alliance", "defenderCost", "defenderCostUpperBound", "supportUnderThreat",
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    private readonly string _source;

    private ScenarioJsonReader(string source) => _source = source;

    /// <summary>Parses and validates a scenario document; with <paramref name="validate"/> false, only parses it (its
    /// structure and types are checked, its values and references are not).</summary>
    /// <exception cref="ScenarioException">The document is malformed or invalid.</exception>
    public static Scenario Read(string json, string source, bool validate = true)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), DocumentOptions);
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1;
            long column = (e.BytePositionInLine ?? 0) + 1;
            throw new ScenarioException(source, "$", "well-formed JSON", $"a syntax error at line {line}, column {column} ({FirstSentence(e.Message)})", innerException: e);
        }

        using (document)
        {
            Scenario scenario;
            try
            {
                scenario = new ScenarioJsonReader(source).ReadScenario(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // A field name with a lone surrogate escape (values are checked where they are read, with their path).
                throw new ScenarioException(source, "$", "field names of Unicode text", "a lone surrogate escape such as \\ud800 or \\udc00 in a field name", innerException: e);
            }

            if (validate)
            {
                ScenarioValidator.Validate(scenario, source);
            }

            return scenario;
        }
    }

    private Scenario ReadScenario(JsonElement e)
    {
        const string path = "$";
        CheckObject(e, path, ScenarioFields);
        _ = OptionalString(e, path, SchemaKey); // must be a string; the model has no use for it
        return new Scenario(
            RequiredString(e, path, "name"),
            RequiredArray(e, path, "states", ReadState),
            RequiredArray(e, path, "crises", ReadCrisis))
        {
            Year = OptionalInteger(e, path, "year"),
            Description = OptionalString(e, path, "description") ?? "",
            Sources = OptionalStringArray(e, path, "sources") ?? [],
            Alliances = OptionalArray(e, path, "alliances", ReadAlliance) ?? [],
            Commitments = OptionalArray(e, path, "commitments", ReadCommitment) ?? [],
            Periods = OptionalInteger(e, path, "periods") ?? 20,
            Learning = OptionalBoolean(e, path, "learning") ?? true,
            PriorStrength = OptionalNumber(e, path, "priorStrength") ?? 10,
            Overstretch = OptionalNumber(e, path, "overstretch") ?? 1,
        };
    }

    private State ReadState(JsonElement e, string path)
    {
        CheckObject(e, path, StateFields);
        string homeRegion = RequiredString(e, path, "homeRegion");
        return new State(RequiredString(e, path, "id"), RequiredString(e, path, "name"), RequiredNumber(e, path, "capability"), homeRegion)
        {
            Regions = OptionalStringArray(e, path, "regions") ?? [homeRegion],
            GrowthRate = OptionalNumber(e, path, "growthRate") ?? 0,
            Perception = OptionalObject(e, path, "perception", ReadPerception) ?? PerceptionProfile.Accurate,
        };
    }

    private PerceptionProfile ReadPerception(JsonElement e, string path)
    {
        CheckObject(e, path, PerceptionFields);
        return new PerceptionProfile(
            OptionalNumber(e, path, "credulity") ?? 0,
            OptionalNumber(e, path, "noise") ?? 0,
            OptionalNumber(e, path, "supporterNoise") ?? 0,
            OptionalNumber(e, path, "capabilityBias") ?? 0);
    }

    private Alliance ReadAlliance(JsonElement e, string path)
    {
        CheckObject(e, path, AllianceFields);
        return new Alliance(RequiredString(e, path, "id"), RequiredStringArray(e, path, "members"))
        {
            Scope = OptionalStringArray(e, path, "scope") ?? [],
            DecisionRule = OptionalEnum<DecisionRule>(e, path, "decisionRule") ?? DecisionRule.Consensus,
            MemberReliability = OptionalNumber(e, path, "memberReliability") ?? 0,
            VotePeriod = OptionalInteger(e, path, "votePeriod") ?? 1,
            Preferences = OptionalObject(e, path, "preferences", ReadPreferences) ?? new Dictionary<string, MemberPreference>(),
        };
    }

    private Dictionary<string, MemberPreference> ReadPreferences(JsonElement e, string path)
    {
        CheckObject(e, path, allowed: null);
        var map = new Dictionary<string, MemberPreference>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            string p = path + "." + property.Name;
            CheckObject(property.Value, p, PreferenceFields);
            map[property.Name] = new MemberPreference(
                OptionalNumber(property.Value, p, "support") ?? 1,
                OptionalNumber(property.Value, p, "supportUnderThreat"));
        }

        return map;
    }

    private Commitment ReadCommitment(JsonElement e, string path)
    {
        CheckObject(e, path, CommitmentFields);
        return new Commitment(
            RequiredString(e, path, "supporter"),
            RequiredString(e, path, "protege"),
            RequiredEnum<CommitmentKind>(e, path, "kind"),
            RequiredNumber(e, path, "reliability"),
            RequiredNumber(e, path, "signal"))
        {
            Scope = OptionalStringArray(e, path, "scope") ?? [],
            OutOfScopeReliability = OptionalNumber(e, path, "outOfScopeReliability") ?? 0,
            Deepening = OptionalObject(e, path, "deepening", ReadDeepening) ?? Deepening.None,
            Alliance = OptionalString(e, path, "alliance"),
            InformationSharing = OptionalNumber(e, path, "informationSharing") ?? 0,
        };
    }

    private Deepening ReadDeepening(JsonElement e, string path)
    {
        CheckObject(e, path, DeepeningFields);
        return new Deepening(OptionalNumber(e, path, "reliability") ?? 0, OptionalNumber(e, path, "signal") ?? 0);
    }

    private Crisis ReadCrisis(JsonElement e, string path)
    {
        CheckObject(e, path, CrisisFields);
        return new Crisis(
            RequiredString(e, path, "id"),
            RequiredString(e, path, "challenger"),
            RequiredString(e, path, "defender"),
            RequiredObject(e, path, "theatre", ReadTheatre),
            RequiredNumber(e, path, "statusQuo"),
            RequiredNumber(e, path, "challengerCost"))
        {
            DefenderCost = OptionalNumber(e, path, "defenderCost"),
            Discount = OptionalNumber(e, path, "discount") ?? 0.9,
            Decisiveness = OptionalNumber(e, path, "decisiveness") ?? 1,
            Foresight = OptionalInteger(e, path, "foresight") ?? 1,
            Bargaining = OptionalObject(e, path, "bargaining", ReadBargaining) ?? Bargaining.Default,
            Escalation = OptionalArray(e, path, "escalation", ReadEscalation) ?? [],
        };
    }

    private Theatre ReadTheatre(JsonElement e, string path)
    {
        CheckObject(e, path, TheatreFields);
        return new Theatre(RequiredString(e, path, "region"))
        {
            DefaultProjection = OptionalNumber(e, path, "defaultProjection") ?? 1,
            Projection = OptionalObject(e, path, "projection", ReadNumberMap) ?? new Dictionary<string, double>(),
        };
    }

    private Dictionary<string, double> ReadNumberMap(JsonElement e, string path)
    {
        CheckObject(e, path, allowed: null);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            map[property.Name] = Number(property.Value, path + "." + property.Name);
        }

        return map;
    }

    private Bargaining ReadBargaining(JsonElement e, string path)
    {
        CheckObject(e, path, BargainingFields);
        return new Bargaining(
            OptionalEnum<BargainingProtocol>(e, path, "protocol") ?? BargainingProtocol.NashSplit,
            OptionalNumber(e, path, "challengerPower") ?? 0.5,
            OptionalNumber(e, path, "defenderCostUpperBound"));
    }

    private EscalationStrike ReadEscalation(JsonElement e, string path)
    {
        CheckObject(e, path, EscalationFields);
        return new EscalationStrike(RequiredString(e, path, "target"), RequiredString(e, path, "region"), RequiredNumber(e, path, "probability"));
    }

    // ---- structural helpers -------------------------------------------------------------------------------

    private void CheckObject(JsonElement e, string path, string[]? allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "an object", Describe(e));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            string propertyPath = path + "." + property.Name;
            if (!seen.Add(property.Name))
            {
                throw Error(propertyPath, "each field once", "a duplicate field '" + property.Name + "'");
            }

            if (allowed is not null && System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(propertyPath, "one of the fields " + string.Join(", ", allowed), "an unknown field '" + property.Name + "'");
            }
        }
    }

    /// <summary>
    /// Gets an optional field. Absent is its default; <c>null</c> is accepted only for the <see cref="NullableFields"/>
    /// (meaning unset) and is an error elsewhere.
    /// </summary>
    private bool TryGet(JsonElement e, string path, string name, string expected, out JsonElement value)
    {
        if (!e.TryGetProperty(name, out value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return NullableFields.Contains(name) ? false : throw Error(path + "." + name, expected + " (or the field left out for its default)", "null");
        }

        return true;
    }

    private JsonElement Required(JsonElement e, string path, string name, string expected)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            throw Error(path + "." + name, expected, "nothing (the required field is missing)");
        }

        return value;
    }

    private string RequiredString(JsonElement e, string path, string name) =>
        String(Required(e, path, name, "a string"), path + "." + name);

    private string? OptionalString(JsonElement e, string path, string name) =>
        TryGet(e, path, name, "a string", out var v) ? String(v, path + "." + name) : null;

    private double RequiredNumber(JsonElement e, string path, string name) =>
        Number(Required(e, path, name, "a number"), path + "." + name);

    private double? OptionalNumber(JsonElement e, string path, string name) =>
        TryGet(e, path, name, "a number", out var v) ? Number(v, path + "." + name) : null;

    private int? OptionalInteger(JsonElement e, string path, string name)
    {
        if (!TryGet(e, path, name, "an integer", out var v))
        {
            return null;
        }

        string p = path + "." + name;
        double d = Number(v, p);
        if (d != Math.Floor(d))
        {
            throw Error(p, "an integer", v.GetRawText());
        }

        if (d < int.MinValue || d > int.MaxValue)
        {
            throw Error(p, "an integer from -2147483648 to 2147483647", v.GetRawText());
        }

        return (int)d;
    }

    private bool? OptionalBoolean(JsonElement e, string path, string name)
    {
        if (!TryGet(e, path, name, "true or false", out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path + "." + name, "true or false", Describe(v)),
        };
    }

    private TEnum RequiredEnum<TEnum>(JsonElement e, string path, string name)
        where TEnum : struct, Enum =>
        ParseEnum<TEnum>(Required(e, path, name, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>())), path + "." + name);

    private TEnum? OptionalEnum<TEnum>(JsonElement e, string path, string name)
        where TEnum : struct, Enum =>
        TryGet(e, path, name, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()), out var v) ? ParseEnum<TEnum>(v, path + "." + name) : null;

    private T RequiredObject<T>(JsonElement e, string path, string name, Func<JsonElement, string, T> read) =>
        read(Required(e, path, name, "an object"), path + "." + name);

    private T? OptionalObject<T>(JsonElement e, string path, string name, Func<JsonElement, string, T> read)
        where T : class =>
        TryGet(e, path, name, "an object", out var v) ? read(v, path + "." + name) : null;

    private List<T> RequiredArray<T>(JsonElement e, string path, string name, Func<JsonElement, string, T> read) =>
        Array(Required(e, path, name, "an array"), path + "." + name, read);

    private List<T>? OptionalArray<T>(JsonElement e, string path, string name, Func<JsonElement, string, T> read) =>
        TryGet(e, path, name, "an array", out var v) ? Array(v, path + "." + name, read) : null;

    private List<string> RequiredStringArray(JsonElement e, string path, string name) =>
        Array(Required(e, path, name, "an array of strings"), path + "." + name, String);

    private List<string>? OptionalStringArray(JsonElement e, string path, string name) =>
        TryGet(e, path, name, "an array of strings", out var v) ? Array(v, path + "." + name, String) : null;

    private List<T> Array<T>(JsonElement e, string path, Func<JsonElement, string, T> read)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, "an array", Describe(e));
        }

        var list = new List<T>(e.GetArrayLength());
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            list.Add(read(item, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
            i++;
        }

        return list;
    }

    private string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? Text(e, path) : throw Error(path, "a string", Describe(e));

    /// <summary>A string's text; a lone surrogate escape (<c>\udc00</c>), which no Unicode text holds, is an error here.</summary>
    private string Text(JsonElement e, string path)
    {
        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(path, "a string of Unicode text", "a lone surrogate escape such as \\ud800 or \\udc00 (half of a UTF-16 pair)");
        }
    }

    private double Number(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw Error(path, "a number", Describe(e));
        }

        if (!e.TryGetDouble(out double d) || !double.IsFinite(d))
        {
            throw Error(path, "a finite number", e.GetRawText());
        }

        return d;
    }

    private TEnum ParseEnum<TEnum>(JsonElement e, string path)
        where TEnum : struct, Enum
    {
        string expected = "one of " + string.Join(", ", System.Enum.GetNames<TEnum>());
        if (e.ValueKind != JsonValueKind.String)
        {
            throw Error(path, expected, Describe(e));
        }

        string text = Text(e, path);
        foreach (var name in System.Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return System.Enum.Parse<TEnum>(name);
            }
        }

        throw Error(path, expected, "\"" + text + "\"");
    }

    private ScenarioException Error(string path, string expected, string found) => new(_source, path, expected, found);

    /// <summary>Describes a JSON value for an error message: its kind, and its text where short.</summary>
    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean (" + e.GetRawText() + ")",
        JsonValueKind.String => "a string (" + Shorten(e.GetRawText()) + ")",
        JsonValueKind.Number => "a number (" + e.GetRawText() + ")",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => e.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 0." (zero-based); the caller
        // states the position one-based, so keep only the description.
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        int j = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        int cut = i > 0 && j > 0 ? Math.Min(i, j) : Math.Max(i, j);
        string first = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ', '|');
        return first.Replace(" when isFinalBlock is true", "", StringComparison.Ordinal); // a parser detail, not the user's

    }
}
