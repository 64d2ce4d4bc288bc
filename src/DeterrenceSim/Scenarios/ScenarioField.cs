using System.Globalization;
using System.Text.Json.Nodes;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// One parameter of the scenario format, described once (DESIGN.md section 6): its JSON name and pattern, type, domain
/// (with open or closed bounds), default, whether it may be null, whether it acts in rounds or only in runs over periods,
/// its meaning for the JSON Schema, and how to get and set it on its model record (<see cref="RecordField{TRecord, TValue}"/>).
/// </summary>
internal abstract class ScenarioField : ScenarioMember
{
    /// <summary>Gets the type.</summary>
    public required ScenarioFieldType Type { get; init; }

    /// <summary>Gets the lower bound of a number or an integer, or <see langword="null"/> for none.</summary>
    public double? Min { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Min"/> itself is outside the domain.</summary>
    public bool MinOpen { get; init; }

    /// <summary>Gets the upper bound of a number or an integer, or <see langword="null"/> for none.</summary>
    public double? Max { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Max"/> itself is outside the domain.</summary>
    public bool MaxOpen { get; init; }

    /// <summary>Gets a value indicating whether <c>null</c> is a value (meaning "unset"); elsewhere null is an error.</summary>
    public bool Nullable { get; init; }

    /// <summary>Gets the value when a file leaves the field out, as JSON text, or the path of the field it then takes
    /// its value from; <see langword="null"/> when the field is required.</summary>
    public string? Default { get; init; }

    /// <summary>Gets a value indicating whether a file must give the field.</summary>
    public bool Required => Default is null;

    /// <summary>Gets where the field acts.</summary>
    public ParameterActs Acts { get; init; } = ParameterActs.Rounds;

    /// <summary>Gets a condition involving other fields, appended to the domain in <c>list --parameters</c>.</summary>
    public string? Note { get; init; }

    /// <summary>Gets a value indicating whether a rule of the validator that involves other fields constrains a non-null
    /// value of the field (a protagonist's projection must be &gt; 0), beyond its domain. A rule that only requires the
    /// field to be non-null (<c>defenderCost</c> under NashSplit) does not count. Where this is false, a valid scenario
    /// with the field set to a number stays valid exactly when <see cref="Accepts"/> accepts the number: sweeps check
    /// the values they set that way instead of validating the whole scenario again.</summary>
    public bool ConstrainedByOtherFields { get; init; }

    /// <summary>Gets a gloss appended in parentheses to what the validator expects (<c>1: no overstretch</c>).</summary>
    public string? Hint { get; init; }

    /// <summary>Gets what the field means, for the JSON Schema's description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the enumeration of a <see cref="ScenarioFieldType.Choice"/>.</summary>
    public Type? Enum { get; init; }

    /// <summary>Gets what a <see cref="ScenarioFieldType.Reference"/> names.</summary>
    public ScenarioReference Refers { get; init; }

    /// <summary>Gets the domain of a reference in words (<c>a state id</c>).</summary>
    public string? ReferenceDomain { get; init; }

    /// <summary>Gets the pattern of the field's parameter paths (<c>states.*.perception.credulity</c>).</summary>
    public string Pattern => Kind.Prefix.Length == 0 ? Name : Kind.Prefix + "." + Name;

    /// <summary>Gets the type's name in <c>list --parameters</c>: number, integer, boolean, choice or reference.</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();

    /// <summary>Gets the choices of a <see cref="ScenarioFieldType.Choice"/>.</summary>
    public string[] Choices => Enum is null ? [] : System.Enum.GetNames(Enum);

    /// <summary>Gets the domain in the words of <c>list --parameters</c> (<c>[0, 1]</c>, <c>an integer &gt;= 1</c>).</summary>
    public string Domain => Type switch
    {
        ScenarioFieldType.Number => Interval() + (Nullable ? " or null" : "") + (Note is null ? "" : "; " + Note),
        ScenarioFieldType.Integer => (Min is null ? "an integer" : Max is null ? $"an integer >= {Show(Min.Value)}" : $"an integer from {Show(Min.Value)} to {Show(Max.Value)}") + (Nullable ? " or null" : ""),
        ScenarioFieldType.Boolean => "true or false",
        ScenarioFieldType.Choice => string.Join(" | ", Choices),
        _ => ReferenceDomain ?? "a name",
    };

    /// <summary>Gets the range of an integer field within 32 bits, for a value beyond them (<c>an integer from 1 to
    /// 2147483647</c>).</summary>
    public string IntegerRange => $"an integer from {Show(Min ?? int.MinValue)} to {Show(Max ?? int.MaxValue)}";

    /// <summary>Gets what the validator expects of a value out of the domain (<c>a number in [0, 1]</c>).</summary>
    public string Expected
    {
        get
        {
            string text = Type switch
            {
                ScenarioFieldType.Number => (Min, Max) switch
                {
                    (null, null) => "a finite number",
                    ({ } lo, null) => "a finite number " + (MinOpen ? "> " : ">= ") + Show(lo),
                    (null, { } hi) => "a finite number " + (MaxOpen ? "< " : "<= ") + Show(hi),
                    ({ } lo, { } hi) when MinOpen && MaxOpen => $"a number in the open interval ({Show(lo)}, {Show(hi)})",
                    ({ } lo, { } hi) => "a number in " + (MinOpen ? "(" : "[") + Show(lo) + ", " + Show(hi) + (MaxOpen ? ")" : "]"),
                },
                ScenarioFieldType.Integer => Max is null ? $"an integer >= {Show(Min ?? int.MinValue)}" : $"an integer from {Show(Min ?? int.MinValue)} to {Show(Max.Value)}",
                ScenarioFieldType.Choice => "one of " + string.Join(", ", Choices),
                _ => Domain,
            };
            return Hint is null ? text : text + " (" + Hint + ")";
        }
    }

    /// <summary>Gets the model record that holds the field, or <see langword="null"/> for the values of a map.</summary>
    public abstract Type? Record { get; }

    /// <summary>Whether a number is in the domain: finite and within the bounds.</summary>
    /// <param name="value">The number.</param>
    /// <returns><see langword="true"/> if the validator accepts it.</returns>
    public bool Accepts(double value) =>
        double.IsFinite(value)
        && (Min is not { } lo || (MinOpen ? value > lo : value >= lo))
        && (Max is not { } hi || (MaxOpen ? value < hi : value <= hi));

    /// <summary>Gets the field's value on a record: a double, an int, a bool, an enumeration value, a string, or null.</summary>
    /// <param name="record">A record of type <see cref="Record"/>.</param>
    /// <returns>The value, boxed.</returns>
    public abstract object? GetValue(object record);

    /// <summary>Returns a copy of a record with the field set.</summary>
    /// <param name="record">A record of type <see cref="Record"/>.</param>
    /// <param name="value">The value, boxed, of the field's type (or null for a nullable field).</param>
    /// <returns>The copy.</returns>
    public abstract object SetValue(object record, object? value);

    /// <summary>The field's value on a record as a JSON node, as the writer writes it (an enumeration by its name).</summary>
    /// <param name="record">A record of type <see cref="Record"/>.</param>
    /// <returns>The node, or <see langword="null"/> for JSON null.</returns>
    public JsonNode? ToJson(object record) => GetValue(record) switch
    {
        null => null,
        double d => JsonValue.Create(d == 0 ? 0.0 : d), // -0 is written 0: one number, one canonical document and hash
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        System.Enum e => JsonValue.Create(e.ToString()),
        var other => throw new InvalidOperationException($"The field {Pattern} holds a {other.GetType().Name}, which the writer cannot write."),
    };

    /// <summary>A number as the messages show it: round-trip, invariant culture.</summary>
    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string Interval() => (Min, Max) switch
    {
        (null, null) => "a finite number",
        ({ } lo, null) => (MinOpen ? "> " : ">= ") + Show(lo),
        (null, { } hi) => (MaxOpen ? "< " : "<= ") + Show(hi),
        ({ } lo, { } hi) => (MinOpen ? "(" : "[") + Show(lo) + ", " + Show(hi) + (MaxOpen ? ")" : "]"),
    };
}
