namespace DeterrenceSim.Scenarios;

/// <summary>
/// One kind of object of the scenario format (a state, a commitment's deepening, ...): the model record it reads into,
/// the prefix of its parameter paths and its fields in the order the writer writes them, the validator checks them and
/// the JSON Schema lists them.
/// </summary>
internal sealed class ScenarioKind
{
    private readonly Dictionary<string, ScenarioMember> _byName;

    /// <summary>Initializes a new instance of the <see cref="ScenarioKind"/> class and makes it the kind of each member.</summary>
    /// <param name="name">The kind's name, its key in the JSON Schema's <c>$defs</c> (<c>scenario</c> for the root).</param>
    /// <param name="prefix">The pattern of the object's parameter paths (<c>states.*.perception</c>; empty for the root).</param>
    /// <param name="record">The model record, or <see langword="null"/> for a map.</param>
    /// <param name="members">The fields, in the order of the format.</param>
    public ScenarioKind(string name, string prefix, Type? record, IReadOnlyList<ScenarioMember> members)
    {
        Name = name;
        Prefix = prefix;
        Record = record;
        Members = members;
        foreach (var member in members)
        {
            member.Kind = this;
        }

        _byName = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        FieldNames = [.. members.Select(m => m.Name)];
    }

    /// <summary>Gets the kind's name (<c>state</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the pattern of its parameter paths.</summary>
    public string Prefix { get; }

    /// <summary>Gets the model record it reads into.</summary>
    public Type? Record { get; }

    /// <summary>Gets the fields, parameters and structure, in the order of the format.</summary>
    public IReadOnlyList<ScenarioMember> Members { get; }

    /// <summary>Gets the JSON names of the fields, in order: the fields the reader allows.</summary>
    public string[] FieldNames { get; }

    /// <summary>Gets the parameters among the fields, in order.</summary>
    public IEnumerable<ScenarioField> Fields => Members.OfType<ScenarioField>();

    /// <summary>Gets a field by its JSON name.</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>The field.</returns>
    public ScenarioMember this[string name] => _byName[name];
}
