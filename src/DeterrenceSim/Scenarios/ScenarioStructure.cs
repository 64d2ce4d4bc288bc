namespace DeterrenceSim.Scenarios;

/// <summary>A field of the scenario format that is not a parameter: an id, a text, a list of names, a nested object,
/// an array of objects or a map. The reader, the writer, the validator and the schema generator handle each by name,
/// and fail on one they do not know.</summary>
internal sealed class ScenarioStructure : ScenarioMember
{
    /// <summary>Creates the exception a consumer throws for a structural field it has no code for (a field added to a
    /// kind but not to that consumer).</summary>
    /// <param name="consumer">The consumer, for the message.</param>
    /// <param name="kind">The object kind.</param>
    /// <param name="name">The field's JSON name.</param>
    /// <returns>The exception.</returns>
    public static InvalidOperationException Unhandled(string consumer, ScenarioKind kind, string name) =>
        new($"The {consumer} has no code for the structural field '{name}' of the scenario's {kind.Name} objects (ScenarioKinds).");
}
