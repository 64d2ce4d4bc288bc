using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>
/// The columns of a sweep's results, the same in CSV and Parquet: <c>point</c>, <c>replication</c>, <c>seed</c>, each
/// varied parameter path verbatim, then for each metric of <see cref="SweepMetrics.Names"/> <c>name</c>,
/// <c>name_lower</c>, <c>name_upper</c>, and last <c>error</c> (empty unless the point could not run).
/// </summary>
public static class SweepColumns
{
    /// <summary>The fixed leading columns.</summary>
    public static IReadOnlyList<string> Leading { get; } = ["point", "replication", "seed"];

    /// <summary>The last column: why a point could not run.</summary>
    public const string Error = "error";

    /// <summary>The rate columns, three per metric.</summary>
    public static IReadOnlyList<string> Rates { get; } =
        [.. SweepMetrics.Names.SelectMany(n => new[] { n, n + "_lower", n + "_upper" })];

    /// <summary>All column names for the given factor paths, in order.</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths) => [.. Leading, .. factorPaths, .. Rates, Error];

    /// <summary>Finds the factor paths in a header: the columns between <c>seed</c> and the first rate column.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="source">The file, for the message.</param>
    /// <returns>The factor paths.</returns>
    /// <exception cref="InvalidDataException">The header is not that of sweep results.</exception>
    internal static string[] FactorsOf(IReadOnlyList<string> header, string source)
    {
        int firstRate = -1;
        for (int i = 0; i < header.Count && firstRate < 0; i++)
        {
            firstRate = header[i] == Rates[0] ? i : -1;
        }

        int factors = firstRate < 0 ? header.Count - Leading.Count - Rates.Count - 1 : firstRate - Leading.Count;
        string? problem = null;
        for (int i = 0; i < Leading.Count && problem is null; i++)
        {
            if (i >= header.Count || header[i] != Leading[i])
            {
                problem = $"expected column {i + 1} to be '{Leading[i]}', found {(i < header.Count ? $"'{header[i]}'" : "no such column")}";
            }
        }

        string[] tail = [.. Rates, Error];
        for (int i = 0; i < tail.Length && problem is null; i++)
        {
            int at = Leading.Count + factors + i;
            if (!header.Contains(tail[i]))
            {
                problem = $"the column '{tail[i]}' is missing";
            }
            else if (factors < 0 || at >= header.Count || header[at] != tail[i])
            {
                problem = $"expected column {at + 1} to be '{tail[i]}', found {(at >= 0 && at < header.Count ? $"'{header[at]}'" : "no such column")}";
            }
        }

        if (problem is null && header.Count != Leading.Count + factors + tail.Length)
        {
            problem = $"expected {Leading.Count + factors + tail.Length} columns, found {header.Count}";
        }

        if (problem is not null)
        {
            throw new InvalidDataException($"{source}: not sweep results: {problem} (sweep results have the columns point, replication, seed, the parameter paths, then {Rates[0]}, {Rates[1]}, {Rates[2]}, ... and error).");
        }

        return [.. header.Skip(Leading.Count).Take(factors)];
    }
}
