using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// The rates a sweep records for each (design point, replication): the three outcomes, then the five war causes, each
/// a proportion of the rounds with its 95% Wilson interval (DESIGN.md section 7: war causes, too, are counted over
/// rounds). Names are those of the <c>run --format json</c> contract.
/// </summary>
public static class SweepMetrics
{
    /// <summary>The metric names in column order: <c>deterred</c>, <c>concession</c>, <c>war</c>, <c>preventive</c>,
    /// <c>challengerMisperception</c>, <c>defenderMisperception</c>, <c>mutualMisperception</c>, <c>rational</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enum.GetValues<Outcome>().Select(o => Name(o.ToString())), .. Enum.GetValues<WarCause>().Select(c => Name(c.ToString()))];

    /// <summary>The number of metrics (8).</summary>
    public static int Count => Names.Count;

    /// <summary>The index of a metric in <see cref="Names"/>.</summary>
    /// <param name="name">The name, such as <c>war</c> (case-sensitive).</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">No metric has that name; the message lists them.</exception>
    public static int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"expected a metric among {string.Join(", ", Names)}, found '{name}'.", nameof(name));
    }

    /// <summary>The count of each metric in a result, in <see cref="Names"/> order.</summary>
    internal static void Counts(SimulationResult result, Span<long> counts)
    {
        int i = 0;
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            counts[i++] = result[outcome].Count;
        }

        foreach (var cause in Enum.GetValues<WarCause>())
        {
            counts[i++] = result[cause].Count;
        }
    }

    private static string Name(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
