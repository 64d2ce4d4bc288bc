using System.Globalization;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Named variants of a scenario (DESIGN.md section 6, the <c>variants</c> field): applies one by its name, as the CLI's
/// <c>--variant NAME</c> does before its <c>--set</c> overrides. A variant's overrides are applied like <c>--set</c>
/// overrides (<see cref="ParameterPaths.SetAll(Scenario, IEnumerable{KeyValuePair{string, string}}, string?)"/>): in
/// order, then validated once. The changed scenario keeps its variants, so its canonical JSON (and its hash) still
/// shows them.
/// </summary>
public static class ScenarioVariants
{
    /// <summary>Returns a copy of the scenario with a variant's overrides applied.</summary>
    /// <param name="scenario">The scenario; it is not modified.</param>
    /// <param name="name">The variant's name.</param>
    /// <param name="source">The file or name used in error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>The changed, validated scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">The scenario has no variant of that name (the message lists those it has),
    /// or the variant does not apply; the message names <c>$.variants[i].overrides[j]</c>.</exception>
    public static Scenario Apply(Scenario scenario, string name, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(name);
        source ??= "scenario '" + scenario.Name + "'";
        var variants = scenario.Variants ?? [];
        int index = -1;
        for (int i = 0; i < variants.Count; i++)
        {
            if (string.Equals(variants[i]?.Name, name, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            string expected = variants.Count == 0
                ? "the name of a variant, but the scenario has none"
                : "the name of a variant: " + string.Join(", ", variants.Select(v => v?.Name));
            throw new ScenarioException(source, "$.variants", expected, "'" + name + "'");
        }

        return Apply(scenario, variants[index], index, source, validateFirst: true);
    }

    /// <summary>Applies the variant at <paramref name="index"/> to <paramref name="scenario"/>, attributing an error to
    /// the override at fault (<c>$.variants[i].overrides[j].path</c> or <c>.value</c>).</summary>
    internal static Scenario Apply(Scenario scenario, ScenarioVariant variant, int index, string source, bool validateFirst)
    {
        var assignments = variant.Overrides.Select(o => new KeyValuePair<string, string>(o.Path, o.Value)).ToList();
        string at = "$.variants[" + index.ToString(CultureInfo.InvariantCulture) + "].overrides";
        return ParameterPaths.SetAll(scenario, assignments, source, validateFirst, (j, e, isPath) =>
        {
            if (j < 0)
            {
                return new ScenarioException(source, at, "overrides that together give a valid scenario: " + e.Expected + " at " + e.JsonPath, e.Found, string.Join(", ", assignments.Select(a => a.Key)), e);
            }

            string p = at + "[" + j.ToString(CultureInfo.InvariantCulture) + "]." + (isPath ? "path" : "value");
            string expected = isPath ? "a parameter path of the scenario: " + e.Expected : "a value valid at " + e.JsonPath + ": " + e.Expected;
            return new ScenarioException(source, p, expected, e.Found, assignments[j].Key, e);
        });
    }
}
