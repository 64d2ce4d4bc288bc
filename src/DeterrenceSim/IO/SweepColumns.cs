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
        int factors = header.Count - Leading.Count - Rates.Count - 1;
        if (factors < 0 || !header.Take(Leading.Count).SequenceEqual(Leading) || !header.Skip(Leading.Count + factors).SequenceEqual([.. Rates, Error]))
        {
            throw new InvalidDataException($"{source}: not sweep results: expected the columns point, replication, seed, the parameter paths, the rates ({Rates[0]}, {Rates[1]}, ...) and error, found {string.Join(",", header.Take(8))}{(header.Count > 8 ? ",..." : "")}.");
        }

        return [.. header.Skip(Leading.Count).Take(factors)];
    }
}
