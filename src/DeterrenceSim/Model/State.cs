namespace DeterrenceSim.Model;

/// <summary>
/// A state: an agent of the model (DESIGN.md section 2).
/// </summary>
/// <param name="Id">Identifier, unique in the scenario; pattern <c>^[A-Za-z0-9_-]+$</c> (ISO 3166 alpha-3 in the shipped scenarios).</param>
/// <param name="Name">Display name; non-empty.</param>
/// <param name="Capability">
/// Capability K: material power, by default the Composite Index of National Capability (CINC) share of the
/// Correlates of War NMC data set (Singer, Bremer &amp; Stuckey 1972). Range: finite, K &gt; 0. Unit: share of world capability.
/// </param>
/// <param name="HomeRegion">The region of the state's capital; non-empty.</param>
public sealed record State(string Id, string Name, double Capability, string HomeRegion)
{
    /// <summary>Gets all regions that hold the state's territory. The default value is <c>[HomeRegion]</c>.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [HomeRegion];

    /// <summary>
    /// Gets the capability growth rate g per period (fraction, 0.02 = 2% a period): K grows to K(1 + g)^H over H periods.
    /// In a single round it shapes the challenger's preventive test, which looks <see cref="Crisis.Foresight"/> periods
    /// ahead (shifting power; Powell 2006). Range: finite, &gt; -1. The default value is 0.
    /// </summary>
    public double GrowthRate { get; init; }

    /// <summary>Gets how the state misperceives. The default value is <see cref="PerceptionProfile.Accurate"/>.</summary>
    public PerceptionProfile Perception { get; init; } = PerceptionProfile.Accurate;
}
