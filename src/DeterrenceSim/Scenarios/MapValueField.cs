namespace DeterrenceSim.Scenarios;

/// <summary>A scenario parameter that is the value of a map keyed by state id (a theatre's <c>projection</c>): it has a
/// domain and a pattern but no property of its own; the map's owner reads, writes and checks it entry by entry.</summary>
internal sealed class MapValueField : ScenarioField
{
    /// <inheritdoc/>
    public override Type? Record => null;

    /// <inheritdoc/>
    public override object? GetValue(object record) => throw new NotSupportedException($"{Pattern} is the value of a map, not a property.");

    /// <inheritdoc/>
    public override object SetValue(object record, object? value) => throw new NotSupportedException($"{Pattern} is the value of a map, not a property.");
}
