namespace DeterrenceSim.Scenarios;

/// <summary>
/// One field of an object of the scenario format (DESIGN.md section 6), in <see cref="ScenarioKinds"/>: either a
/// parameter (<see cref="ScenarioField"/>), described once for the reader, the writer, the validator, the record setters,
/// the sweep's checks, <c>list --parameters</c> and the JSON Schema, or a <see cref="ScenarioStructure"/> (an id, a
/// text, a list, a nested object, an array or a map), which each of them handles by hand.
/// </summary>
internal abstract class ScenarioMember
{
    /// <summary>Gets the field's JSON name (camelCase; a contract: never renamed).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the name of the model record's property that holds the field, or <see langword="null"/> for the
    /// values of a map, which are no property.</summary>
    public string? Property { get; init; }

    /// <summary>Gets the object kind the field belongs to; set when the kind is built.</summary>
    public ScenarioKind Kind { get; internal set; } = null!;
}
