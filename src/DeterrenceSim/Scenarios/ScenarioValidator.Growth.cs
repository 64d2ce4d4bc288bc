using System.Globalization;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>The check of a run's length against the states' growth rates.</summary>
public static partial class ScenarioValidator
{
    /// <summary>
    /// Checks that every state's capability stays in [1e-300, 1e300] over a run of <paramref name="periods"/> periods
    /// (it grows by the factor 1 + g after each period but the last; DESIGN.md section 4). Growth is deterministic, so
    /// a run that would leave the range is refused before it starts.
    /// </summary>
    /// <param name="scenario">A valid scenario.</param>
    /// <param name="periods">The periods T of the run, at least 1.</param>
    /// <param name="source">The file or name used in the message; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">A growth rate takes a capability out of the range within the periods; the
    /// JSON path names the state's <c>growthRate</c>.</exception>
    public static void CheckGrowth(Scenario scenario, int periods, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var states = scenario.States;
        for (int i = 0; i < states.Count; i++)
        {
            if (GrowthPath.FirstOutOfRange(states[i], periods) is var (period, k))
            {
                throw new ScenarioException(
                    source ?? "scenario '" + scenario.Name + "'",
                    "$.states[" + i.ToString(CultureInfo.InvariantCulture) + "].growthRate",
                    $"a growth rate that keeps the capability of {states[i].Id} between 1e-300 and 1e300 over {periods} periods",
                    $"{states[i].GrowthRate.ToString("R", CultureInfo.InvariantCulture)}, which takes it to {k.ToString("R", CultureInfo.InvariantCulture)} in period {period}");
            }
        }
    }
}
