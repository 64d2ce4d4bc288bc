namespace DeterrenceSim.Calibration;

/// <summary>
/// One parameter θₚ that <see cref="AbcSmc"/> calibrates: its name and its prior. The sampler passes θ to the model in
/// the order of the parameter list.
/// </summary>
public sealed record CalibratedParameter
{
    /// <summary>Initializes a new instance of the <see cref="CalibratedParameter"/> class.</summary>
    /// <param name="name">The parameter's name, such as a scenario parameter path (<c>states.china.capabilityBias</c>);
    /// the sampler only reports it. Range: not empty or white space; unique within a calibration.</param>
    /// <param name="prior">The prior π(θₚ).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="prior"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public CalibratedParameter(string name, Prior prior)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(prior);
        Name = name;
        Prior = prior;
    }

    /// <summary>Gets the parameter's name.</summary>
    public string Name { get; }

    /// <summary>Gets the parameter's prior π(θₚ).</summary>
    public Prior Prior { get; }

    /// <summary>The parameter as <c>name ~ prior</c>.</summary>
    /// <returns>For example <c>theta ~ U(-10, 10)</c>.</returns>
    public override string ToString() => $"{Name} ~ {Prior}";
}
