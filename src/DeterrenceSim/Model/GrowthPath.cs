namespace DeterrenceSim.Model;

/// <summary>
/// A state's capability over a run: it grows by the factor 1 + g after each period but the last (DESIGN.md section 4),
/// and must stay in [<see cref="Lowest"/>, <see cref="Highest"/>]. Growth is deterministic, so a run that would leave
/// the range can be refused before it starts; the scenario layer says so with a JSON path, the engine as a guard.
/// </summary>
internal static class GrowthPath
{
    public const double Lowest = 1e-300;

    public const double Highest = 1e300;

    /// <summary>The first period (2 to T) whose capability leaves the range, and that capability; null if none does.</summary>
    public static (int Period, double Capability)? FirstOutOfRange(State state, int periods)
    {
        double k = state.Capability;
        for (int t = 1; t < periods && state.GrowthRate != 0; t++)
        {
            k *= 1 + state.GrowthRate;
            if (!double.IsFinite(k) || k < Lowest || k > Highest)
            {
                return (t + 1, k);
            }
        }

        return null;
    }
}
