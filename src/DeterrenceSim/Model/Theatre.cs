namespace DeterrenceSim.Model;

/// <summary>
/// Where a crisis is fought, and how much of its capability each state projects there
/// (loss-of-strength gradient; Boulding 1962).
/// </summary>
/// <param name="Region">The theatre's region; non-empty.</param>
public sealed record Theatre(string Region)
{
    /// <summary>Gets the projection π of supporters not listed in <see cref="Projection"/>. Range: [0, 1]. The default value is 1.</summary>
    public double DefaultProjection { get; init; } = 1;

    /// <summary>
    /// Gets the projection π by state id. Range: [0, 1]; the protagonists' must be &gt; 0 and default to 1.
    /// The default value is empty.
    /// </summary>
    public IReadOnlyDictionary<string, double> Projection { get; init; } = new Dictionary<string, double>();
}
