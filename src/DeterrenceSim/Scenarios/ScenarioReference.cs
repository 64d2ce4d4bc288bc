namespace DeterrenceSim.Scenarios;

/// <summary>What a <see cref="ScenarioFieldType.Reference"/> field names, which decides how the validator checks it.</summary>
internal enum ScenarioReference
{
    /// <summary>Not a reference.</summary>
    None,

    /// <summary>A region: any non-blank name.</summary>
    Region,

    /// <summary>The id of a state in <c>$.states</c>.</summary>
    State,

    /// <summary>The id of an alliance in <c>$.alliances</c> (or null).</summary>
    Alliance,
}
