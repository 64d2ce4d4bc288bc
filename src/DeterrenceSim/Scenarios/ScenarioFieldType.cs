namespace DeterrenceSim.Scenarios;

/// <summary>The type of a scenario parameter, as <c>list --parameters</c> names it.</summary>
internal enum ScenarioFieldType
{
    /// <summary>A finite double, maybe bounded.</summary>
    Number,

    /// <summary>A 32-bit integer, maybe bounded.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of the names of an enumeration.</summary>
    Choice,

    /// <summary>A name: a region, or the id of a state or an alliance.</summary>
    Reference,
}
