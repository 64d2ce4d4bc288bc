using System.Globalization;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>Warnings about a valid scenario: what is allowed but probably not meant.</summary>
public static partial class ScenarioValidator
{
    /// <summary>
    /// Lists what in a valid scenario is allowed but probably not meant: a commitment to a state that is a challenger,
    /// a defender or an escalation target in some crisis, whose scope covers none of the regions where the scenario's
    /// crises are fought (their theatres and escalation strikes), so that it binds nowhere and acts only through its
    /// <c>outOfScopeReliability</c> (a misspelt region, for example).
    /// </summary>
    /// <param name="scenario">A valid scenario.</param>
    /// <param name="source">The file or name used in the messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>One sentence a warning, naming the JSON path; empty for none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Warnings(Scenario scenario, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        source ??= "scenario '" + scenario.Name + "'";
        var regions = new SortedSet<string>(StringComparer.Ordinal);
        var engaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var crisis in scenario.Crises)
        {
            regions.Add(crisis.Theatre.Region);
            engaged.Add(crisis.Challenger);
            engaged.Add(crisis.Defender);
            foreach (var strike in crisis.Escalation)
            {
                regions.Add(strike.Region);
                engaged.Add(strike.Target);
            }
        }

        var warnings = new List<string>();
        for (int i = 0; i < scenario.Commitments.Count; i++)
        {
            var c = scenario.Commitments[i];
            if (engaged.Contains(c.Protege) && !c.Scope.Any(regions.Contains))
            {
                string scope = c.Scope.Count == 0 ? "is empty" : "holds only " + string.Join(", ", c.Scope);
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}: $.commitments[{i}] ({c.Supporter}>{c.Protege}): its scope {scope}, which covers no crisis's region ({string.Join(", ", regions)}), so it binds in no crisis and acts only through its outOfScopeReliability ({c.OutOfScopeReliability})."));
            }
        }

        return warnings;
    }
}
