namespace DeterrenceSim.Scenarios;

/// <summary>A scenario parameter held by a property of a model record, with its getter and its <c>with</c>-setter
/// (<c>Get = p =&gt; p.CapabilityBias</c>, <c>Set = (p, v) =&gt; p with { CapabilityBias = v }</c>).</summary>
/// <typeparam name="TRecord">The model record.</typeparam>
/// <typeparam name="TValue">The property's type.</typeparam>
internal sealed class RecordField<TRecord, TValue> : ScenarioField
    where TRecord : class
{
    /// <summary>Gets the getter.</summary>
    public required Func<TRecord, TValue> Get { get; init; }

    /// <summary>Gets the setter: a copy of the record with the property set.</summary>
    public required Func<TRecord, TValue, TRecord> Set { get; init; }

    /// <inheritdoc/>
    public override Type Record => typeof(TRecord);

    /// <inheritdoc/>
    public override object? GetValue(object record) => Get((TRecord)record);

    /// <inheritdoc/>
    public override object SetValue(object record, object? value) => Set((TRecord)record, (TValue)value!);
}
