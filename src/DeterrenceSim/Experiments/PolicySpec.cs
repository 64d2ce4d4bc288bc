using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One side of a policy contrast (<see cref="Sweep.Contrast"/>, <c>deterrence-sim contrast --baseline SPEC --policy
/// SPEC</c>): the scenario as it is (an empty spec), one of its variants by name (such as <c>engagement-deepened</c>,
/// applied as <c>scenario.WithVariant(name)</c> does), or a comma-separated list of parameter assignments
/// <c>PATH=VALUE,PATH=VALUE</c> (DESIGN.md section 6; a value cannot itself hold a comma).
/// </summary>
public sealed class PolicySpec
{
    private readonly KeyValuePair<string, string>[] _assignments;

    private PolicySpec(string text, string? variant, KeyValuePair<string, string>[] assignments)
    {
        Text = text;
        Variant = variant;
        _assignments = assignments;
    }

    /// <summary>The spec as given, trimmed; empty for the scenario as it is.</summary>
    public string Text { get; }

    /// <summary>The variant's name, or <see langword="null"/> for assignments (or none).</summary>
    public string? Variant { get; }

    /// <summary>The assignments, in order; empty for a variant.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Assignments => _assignments;

    /// <summary>The parameter paths the spec sets: its assignments' paths, or its variant's overrides' paths in
    /// <paramref name="scenario"/> (none for an unknown variant, which <see cref="Apply"/> refuses).</summary>
    /// <param name="scenario">The scenario whose variant is meant.</param>
    /// <returns>The paths as written (patterns such as <c>states.*.perception.noise</c> included).</returns>
    public IReadOnlyList<string> Paths(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Variant is null
            ? [.. _assignments.Select(a => a.Key)]
            : [.. scenario.Variants.Where(v => string.Equals(v.Name, Variant, StringComparison.Ordinal)).SelectMany(v => v.Overrides.Select(o => o.Path))];
    }

    /// <summary>Parses a spec: text with an <c>=</c> is a list of assignments, other text a variant name.</summary>
    /// <param name="text">The spec.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">An assignment is not <c>PATH=VALUE</c> (an empty path or an empty item between
    /// commas), a path is given twice, or a variant name holds a comma.</exception>
    public static PolicySpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new PolicySpec("", null, []);
        }

        if (!trimmed.Contains('=', StringComparison.Ordinal))
        {
            return trimmed.Contains(',', StringComparison.Ordinal)
                ? throw new FormatException($"expected a variant name or PATH=VALUE assignments separated by commas, found '{trimmed}' (a list without '=').")
                : new PolicySpec(trimmed, trimmed, []);
        }

        var assignments = new List<KeyValuePair<string, string>>();
        foreach (string item in trimmed.Split(','))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || item[..eq].Trim().Length == 0)
            {
                bool decimals = eq < 0 && item.Trim().Length > 0 && item.Trim().All(char.IsAsciiDigit);
                throw new FormatException($"expected PATH=VALUE assignments separated by commas, found '{item.Trim()}' in '{trimmed}'{(decimals ? " (a decimal comma? values take a decimal point, such as 0.15)" : "")}.");
            }

            string path = item[..eq].Trim();
            if (assignments.Any(a => string.Equals(a.Key, path, StringComparison.Ordinal)))
            {
                throw new FormatException($"'{path}' is given 2 times in '{trimmed}': give each path once.");
            }

            assignments.Add(new(path, item[(eq + 1)..].Trim()));
        }

        return new PolicySpec(trimmed, null, [.. assignments]);
    }

    /// <summary>The scenario with this spec applied.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="source">The scenario's file or name for error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>The scenario as the spec makes it.</returns>
    /// <exception cref="ScenarioException">The variant does not exist or does not apply, or an assignment's path or value
    /// is invalid; the message names them.</exception>
    public Scenario Apply(Scenario scenario, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Variant is not null ? ScenarioVariants.Apply(scenario, Variant)
            : _assignments.Length > 0 ? ParameterPaths.SetAll(scenario, _assignments, source)
            : scenario;
    }

    /// <inheritdoc/>
    public override string ToString() => Text.Length == 0 ? "(the scenario as loaded)" : Text;
}
