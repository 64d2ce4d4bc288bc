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

    // The fields of each object, from the table of the format; tests check that the JSON Schema allows exactly these.
    internal static readonly string[] ScenarioFields = [.. ScenarioKinds.Scenario.FieldNames, SchemaKey];
    internal static readonly string[] StateFields = ScenarioKinds.State.FieldNames;
    internal static readonly string[] PerceptionFields = ScenarioKinds.Perception.FieldNames;
    internal static readonly string[] AllianceFields = ScenarioKinds.Alliance.FieldNames;
    internal static readonly string[] PreferenceFields = ScenarioKinds.Preference.FieldNames;
    internal static readonly string[] CommitmentFields = ScenarioKinds.Commitment.FieldNames;
    internal static readonly string[] DeepeningFields = ScenarioKinds.Deepening.FieldNames;
    internal static readonly string[] CrisisFields = ScenarioKinds.Crisis.FieldNames;
    internal static readonly string[] TheatreFields = ScenarioKinds.Theatre.FieldNames;
    internal static readonly string[] BargainingFields = ScenarioKinds.Bargaining.FieldNames;
    internal static readonly string[] EscalationFields = ScenarioKinds.Escalation.FieldNames;
    internal static readonly string[] VariantFields = ScenarioKinds.Variant.FieldNames;
    internal static readonly string[] VariantOverrideFields = ScenarioKinds.VariantOverride.FieldNames;

    /// <summary>The fields whose <c>null</c> means "unset" (the model has no value for them); for every other field null is an error.</summary>
    internal static readonly IReadOnlySet<string> NullableFields = ScenarioKinds.NullableNames;

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
        var scenario = new Scenario("", [], []);
        return ReadFields(ScenarioKinds.Scenario, e, path, scenario, (name, s) => name switch
        {
            "name" => s with { Name = RequiredString(e, path, "name") },
            "states" => s with { States = RequiredArray(e, path, "states", ReadState) },
            "crises" => s with { Crises = RequiredArray(e, path, "crises", ReadCrisis) },
            "description" => s with { Description = OptionalString(e, path, "description") ?? "" },
            "sources" => s with { Sources = OptionalStringArray(e, path, "sources") ?? [] },
            "alliances" => s with { Alliances = OptionalArray(e, path, "alliances", ReadAlliance) ?? [] },
            "commitments" => s with { Commitments = OptionalArray(e, path, "commitments", ReadCommitment) ?? [] },
            "variants" => s with { Variants = OptionalArray(e, path, "variants", ReadVariant) ?? [] },
            _ => null,
        }, "name", "states", "crises");
    }

    private State ReadState(JsonElement e, string path)
    {
        CheckObject(e, path, StateFields);
        var state = new State("", "", 0, "");

        // homeRegion first: regions defaults to it.
        return ReadFields(ScenarioKinds.State, e, path, state, (name, s) => name switch
        {
            "id" => s with { Id = RequiredString(e, path, "id") },
            "name" => s with { Name = RequiredString(e, path, "name") },
            "regions" => s with { Regions = OptionalStringArray(e, path, "regions") ?? [s.HomeRegion] },
            "perception" => s with { Perception = OptionalObject(e, path, "perception", ReadPerception) ?? PerceptionProfile.Accurate },
            _ => null,
        }, "homeRegion");
    }

    private PerceptionProfile ReadPerception(JsonElement e, string path)
    {
        CheckObject(e, path, PerceptionFields);
        return ReadFields(ScenarioKinds.Perception, e, path, new PerceptionProfile());
    }

    private Alliance ReadAlliance(JsonElement e, string path)
    {
        CheckObject(e, path, AllianceFields);
        return ReadFields(ScenarioKinds.Alliance, e, path, new Alliance("", []), (name, a) => name switch
        {
            "id" => a with { Id = RequiredString(e, path, "id") },
            "members" => a with { Members = RequiredStringArray(e, path, "members") },
            "scope" => a with { Scope = OptionalStringArray(e, path, "scope") ?? [] },
            "preferences" => a with { Preferences = OptionalObject(e, path, "preferences", ReadPreferences) ?? new Dictionary<string, MemberPreference>() },
            _ => null,
        });
    }

    private Dictionary<string, MemberPreference> ReadPreferences(JsonElement e, string path)
    {
        CheckObject(e, path, allowed: null);
        var map = new Dictionary<string, MemberPreference>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            string p = path + "." + property.Name;
            CheckObject(property.Value, p, PreferenceFields);
            map[property.Name] = ReadFields(ScenarioKinds.Preference, property.Value, p, new MemberPreference());
        }

        return map;
    }

    private Commitment ReadCommitment(JsonElement e, string path)
    {
        CheckObject(e, path, CommitmentFields);
        return ReadFields(ScenarioKinds.Commitment, e, path, new Commitment("", "", default, 0, 0), (name, c) => name switch
        {
            "scope" => c with { Scope = OptionalStringArray(e, path, "scope") ?? [] },
            "deepening" => c with { Deepening = OptionalObject(e, path, "deepening", ReadDeepening) ?? Deepening.None },
            _ => null,
        });
    }

    private Deepening ReadDeepening(JsonElement e, string path)
    {
        CheckObject(e, path, DeepeningFields);
        return ReadFields(ScenarioKinds.Deepening, e, path, new Deepening());
    }

    private Crisis ReadCrisis(JsonElement e, string path)
    {
        CheckObject(e, path, CrisisFields);
        return ReadFields(ScenarioKinds.Crisis, e, path, new Crisis("", "", "", new Theatre(""), 0, 0), (name, c) => name switch
        {
            "id" => c with { Id = RequiredString(e, path, "id") },
            "theatre" => c with { Theatre = RequiredObject(e, path, "theatre", ReadTheatre) },
            "bargaining" => c with { Bargaining = OptionalObject(e, path, "bargaining", ReadBargaining) ?? Bargaining.Default },
            "escalation" => c with { Escalation = OptionalArray(e, path, "escalation", ReadEscalation) ?? [] },
            _ => null,
        });
    }

    private Theatre ReadTheatre(JsonElement e, string path)
    {
        CheckObject(e, path, TheatreFields);
        return ReadFields(ScenarioKinds.Theatre, e, path, new Theatre(""), (name, t) => name switch
        {
            "projection" => t with { Projection = OptionalObject(e, path, "projection", ReadNumberMap) ?? new Dictionary<string, double>() },
            _ => null,
        });
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
        return ReadFields(ScenarioKinds.Bargaining, e, path, new Bargaining());
    }

    private EscalationStrike ReadEscalation(JsonElement e, string path)
    {
        CheckObject(e, path, EscalationFields);
        return ReadFields(ScenarioKinds.Escalation, e, path, new EscalationStrike("", "", 0));
    }

    private ScenarioVariant ReadVariant(JsonElement e, string path)
    {
        CheckObject(e, path, VariantFields);
        return new ScenarioVariant(
            RequiredString(e, path, "name"),
            RequiredString(e, path, "description"),
            RequiredArray(e, path, "overrides", ReadVariantOverride));
    }

    private VariantOverride ReadVariantOverride(JsonElement e, string path)
    {
        CheckObject(e, path, VariantOverrideFields);
        string p = path + ".value";
        var v = Required(e, path, "value", "a number, a string, true, false or null");
        string value = v.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || v.GetString() is "null" or "true" or "false"
                ? throw Error(p, "a number, true, false or null as itself (a JSON string only for a choice or a reference, such as \"TakeItOrLeaveIt\")", Describe(v))
                : Text(v, p),
            JsonValueKind.Number => Number(v, p).ToString("R", CultureInfo.InvariantCulture),
            _ => throw Error(p, "a number, a string, true, false or null", Describe(v)),
        };
        return new VariantOverride(RequiredString(e, path, "path"), value, RequiredString(e, path, "rationale"), RequiredStringArray(e, path, "sources"));
    }

    // ---- the fields of an object, from the table of the format -----------------------------------------------

    /// <summary>
    /// Reads an object's fields into a record, in the order of its kind after the fields named <paramref name="first"/>:
    /// each parameter by its type (absent or null leaves the record's default), each structural field by
    /// <paramref name="structure"/>, which returns <see langword="null"/> for a field it does not know.
    /// </summary>
    private T ReadFields<T>(ScenarioKind kind, JsonElement e, string path, T record, Func<string, T, T?>? structure = null, params string[] first)
        where T : class
    {
        foreach (string name in first)
        {
            record = ReadMember(kind[name], e, path, record, structure);
        }

        foreach (var member in kind.Members)
        {
            if (System.Array.IndexOf(first, member.Name) < 0)
            {
                record = ReadMember(member, e, path, record, structure);
            }
        }

        return record;
    }

    private T ReadMember<T>(ScenarioMember member, JsonElement e, string path, T record, Func<string, T, T?>? structure)
        where T : class
    {
        if (member is not ScenarioField field)
        {
            return structure?.Invoke(member.Name, record) ?? throw ScenarioStructure.Unhandled("reader", member.Kind, member.Name);
        }

        string name = field.Name;
        object? value = field.Type switch
        {
            ScenarioFieldType.Number => field.Required ? RequiredNumber(e, path, name) : OptionalNumber(e, path, name),
            ScenarioFieldType.Integer => field.Required ? Integer(Required(e, path, name, "an integer"), path + "." + name, field.IntegerRange) : OptionalInteger(e, path, name, field.IntegerRange),
            ScenarioFieldType.Boolean => field.Required ? Boolean(Required(e, path, name, "true or false"), path + "." + name) : OptionalBoolean(e, path, name),
            ScenarioFieldType.Choice => field.Required ? RequiredEnum(field.Enum!, e, path, name) : OptionalEnum(field.Enum!, e, path, name),
            _ => field.Required ? RequiredString(e, path, name) : OptionalString(e, path, name),
        };
        return value is null ? record : (T)field.SetValue(record, value);
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

    private int? OptionalInteger(JsonElement e, string path, string name, string? range = null) =>
        TryGet(e, path, name, "an integer", out var v) ? Integer(v, path + "." + name, range) : null;

    /// <summary>An integer; <paramref name="range"/> is what the message says of one beyond 32 bits (the field's own
    /// range, when it has one).</summary>
    private int Integer(JsonElement v, string p, string? range = null)
    {
        double d = Number(v, p);
        if (d != Math.Floor(d))
        {
            throw Error(p, "an integer", v.GetRawText());
        }

        if (d < int.MinValue || d > int.MaxValue)
        {
            throw Error(p, range ?? "an integer from -2147483648 to 2147483647", v.GetRawText());
        }

        return (int)d;
    }

    private bool? OptionalBoolean(JsonElement e, string path, string name) =>
        TryGet(e, path, name, "true or false", out var v) ? Boolean(v, path + "." + name) : null;

    private bool Boolean(JsonElement v, string p) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(p, "true or false", Describe(v)),
    };

    private object RequiredEnum(Type type, JsonElement e, string path, string name) =>
        ParseEnum(type, Required(e, path, name, "one of " + string.Join(", ", System.Enum.GetNames(type))), path + "." + name);

    private object? OptionalEnum(Type type, JsonElement e, string path, string name) =>
        TryGet(e, path, name, "one of " + string.Join(", ", System.Enum.GetNames(type)), out var v) ? ParseEnum(type, v, path + "." + name) : null;

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

        if (d == 0 && UnderflowsToZero(e.GetRawText()))
        {
            throw Error(path, TinyNumberExpected, e.GetRawText());
        }

        return d == 0 ? 0.0 : d; // -0 is 0: one number, one canonical document (and hash)
    }

    /// <summary>What a number too small for a double was expected to be (it would be read as 0).</summary>
    internal const string TinyNumberExpected = "a finite number of magnitude 0 or at least 5e-324 (a smaller one is 0 as a double: write 0)";

    /// <summary>Whether a number's text whose value reads as 0 has a digit other than 0 before its exponent, such as
    /// 1e-400: a value too small for a double, which would be read as 0 without a word.</summary>
    internal static bool UnderflowsToZero(string text)
    {
        foreach (char ch in text)
        {
            if (ch is 'e' or 'E')
            {
                return false;
            }

            if (ch is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private object ParseEnum(Type type, JsonElement e, string path)
    {
        string expected = "one of " + string.Join(", ", System.Enum.GetNames(type));
        if (e.ValueKind != JsonValueKind.String)
        {
            throw Error(path, expected, Describe(e));
        }

        string text = Text(e, path);
        foreach (var name in System.Enum.GetNames(type))
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return System.Enum.Parse(type, name);
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

    internal static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 0." (zero-based); the caller
        // states the position one-based, so keep only the description.
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        int j = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        int cut = i > 0 && j > 0 ? Math.Min(i, j) : Math.Max(i, j);
        string first = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ', '|');
        return first.Replace(" when isFinalBlock is true", "", StringComparison.Ordinal).TrimEnd(',', ' ', '.'); // a parser detail, not the user's

    }
}
