using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// The columns of a sweep's results, the same in CSV and Parquet: <c>point</c>, <c>replication</c>, <c>seed</c>, each
/// varied parameter path verbatim, then for each measure of <see cref="Measure.All"/> <c>name</c>, <c>name_lower</c>,
/// <c>name_upper</c> (the estimate and its 95% Wilson interval), then <c>error</c> (empty unless the point could not
/// run), then <c>trials</c> and for each measure <c>name_count</c>, then for each <see cref="Reporter"/> of the sweep
/// <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>. The rates are computed from the counts; files
/// written before the count columns existed (DeterrenceSim 0.1.0) end at <c>error</c>. Columns are only ever added, at
/// the end.
/// </summary>
public static class SweepColumns
{
    /// <summary>The fixed leading columns.</summary>
    public static IReadOnlyList<string> Leading { get; } = ["point", "replication", "seed"];

    /// <summary>The last column: why a point could not run.</summary>
    public const string Error = "error";

    /// <summary>The column of the trials (rounds, or periods) of a row: the denominator of its rates.</summary>
    public const string Trials = "trials";

    /// <summary>The rate columns, three per measure: <c>name</c>, <c>name_lower</c>, <c>name_upper</c>.</summary>
    public static IReadOnlyList<string> Rates { get; } =
        [.. Measure.All.SelectMany(m => new[] { m.Name, m.Name + "_lower", m.Name + "_upper" })];

    /// <summary>The count columns, one per measure: <c>name_count</c>.</summary>
    public static IReadOnlyList<string> Counts { get; } = [.. Measure.All.Select(m => m.Name + "_count")];

    /// <summary>All column names for the given factor paths, in order.</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths) => For(factorPaths, []);

    /// <summary>All column names for the given factor paths and reporters, in order.</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths, IEnumerable<string> reported) =>
        [.. Leading, .. factorPaths, .. Rates, Error, Trials, .. Counts, .. reported.SelectMany(ReportedColumns)];

    /// <summary>The four columns of a reporter: <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>.</summary>
    private static string[] ReportedColumns(string name) => [name, name + "_lower", name + "_upper", name + "_count"];

    /// <summary>Finds the factor paths in a header: the columns between <c>seed</c> and the first rate column.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="source">The file, for the message.</param>
    /// <param name="counts">Whether the header has the count columns (files of DeterrenceSim 0.1.0 do not).</param>
    /// <param name="reported">Receives the measures of the reporters whose columns end the header.</param>
    /// <returns>The factor paths.</returns>
    /// <exception cref="InvalidDataException">The header is not that of sweep results.</exception>
    internal static string[] FactorsOf(IReadOnlyList<string> header, string source, out bool counts, out Measure[] reported)
    {
        reported = [];
        int firstRate = -1;
        for (int i = 0; i < header.Count && firstRate < 0; i++)
        {
            firstRate = header[i] == Rates[0] ? i : -1;
        }

        int factors = firstRate < 0 ? header.Count - Leading.Count - Rates.Count - 1 - (header.Contains(Trials) ? 1 + Counts.Count : 0) : firstRate - Leading.Count;
        string? problem = null;
        for (int i = 0; i < Leading.Count && problem is null; i++)
        {
            if (i >= header.Count || header[i] != Leading[i])
            {
                problem = $"expected column {i + 1} to be '{Leading[i]}', found {(i < header.Count ? $"'{header[i]}'" : "no such column")}";
            }
        }

        counts = header.Contains(Trials);
        string[] tail = counts ? [.. Rates, Error, Trials, .. Counts] : [.. Rates, Error];
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

        int extra = header.Count - (Leading.Count + factors + tail.Length);
        if (problem is null && counts && extra > 0 && extra % 4 == 0)
        {
            // Reporters: groups of name, name_lower, name_upper, name_count.
            var names = new List<Measure>();
            for (int at = header.Count - extra; at < header.Count && problem is null; at += 4)
            {
                if (!Enumerable.Range(0, 4).All(k => header[at + k] == ReportedColumns(header[at])[k]) || !Measure.TryParseReported(header[at], out var measure))
                {
                    problem = $"expected columns {at + 1} to {at + 4} to be a reporter's NAME, NAME_lower, NAME_upper, NAME_count, found '{string.Join("', '", header.Skip(at).Take(4))}'";
                }
                else
                {
                    names.Add(measure);
                }
            }

            reported = [.. names];
            extra = 0;
        }

        if (problem is null && extra != 0)
        {
            problem = $"expected {Leading.Count + factors + tail.Length} columns, found {header.Count}";
        }

        if (problem is not null)
        {
            throw new InvalidDataException($"{source}: not sweep results: {problem} (sweep results have the columns point, replication, seed, the parameter paths, then {Rates[0]}, {Rates[1]}, {Rates[2]}, ..., error, {Trials}, {Counts[0]}, ...).");
        }

        return [.. header.Skip(Leading.Count).Take(factors)];
    }

    /// <summary>Checks, before any row is read, that the rows' trials will be known: from the count columns, or for a
    /// file without them (DeterrenceSim 0.1.0) from the caller.</summary>
    /// <exception cref="InvalidDataException">The file has no count columns and no trials were given.</exception>
    internal static void CheckTrialsKnown(bool counts, long? trials, string source)
    {
        if (!counts && trials is null)
        {
            throw new InvalidDataException($"{source}: written before sweep results had the columns '{Trials}' and '{Counts[0]}', ... (DeterrenceSim 0.1.0): read it with its trials per row, the rounds (or periods) its sidecar records.");
        }

        if (trials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "expected the trials per row, at least 1.");
        }
    }

    /// <summary>Makes a row from the fields of a file, recomputing the rates from the counts: each rate column and its
    /// bounds must be exactly the count's Wilson interval (an edited rate cannot pass). A file without count columns
    /// (DeterrenceSim 0.1.0) gives the counts as the rates times <paramref name="knownTrials"/>, held to the same
    /// test.</summary>
    /// <param name="head">The row with its point, replication, seed, values, error and reporters; trials and counts are
    /// set here.</param>
    /// <param name="rates">The rate columns, three per measure of <see cref="Measure.All"/> then of the head's reporters,
    /// or <see langword="null"/> when empty.</param>
    /// <param name="trials">The <c>trials</c> column, or <see langword="null"/> when empty or absent.</param>
    /// <param name="counts">The count columns in the same order, or <see langword="null"/> when empty or absent.</param>
    /// <param name="knownTrials">The trials per row for a file without count columns.</param>
    /// <param name="where">The file and line (or row group), for the message.</param>
    /// <returns>The row.</returns>
    /// <exception cref="InvalidDataException">The rates are not the counts' rates, the outcomes do not add up to the
    /// trials or the war causes to the wars, or only some of rates, trials and counts are present.</exception>
    internal static SweepRow Row(SweepRow head, double[]? rates, long? trials, long[]? counts, long? knownTrials, string where)
    {
        bool hasCountColumns = knownTrials is null;
        if (rates is null)
        {
            return trials is null && counts is null
                ? head
                : throw new InvalidDataException($"{where}: the rates are empty but '{Trials}' or the counts are not.");
        }

        if (hasCountColumns && (trials is null || counts is null))
        {
            throw new InvalidDataException($"{where}: the rates are present but '{Trials}' or the counts are empty.");
        }

        long n = trials ?? knownTrials!.Value;
        Measure[] measures = [.. Measure.All, .. head.Reported];
        counts ??= new long[measures.Length];
        for (int i = 0; i < measures.Length; i++)
        {
            var measure = measures[i];
            double estimate = rates[3 * i];
            if (!hasCountColumns)
            {
                counts[i] = double.IsFinite(estimate) && estimate >= 0 && estimate <= 1 ? (long)Math.Round(estimate * n) : -1;
            }

            var wilson = n < 1 || counts[i] < 0 || counts[i] > n ? null : Proportion.Wilson(counts[i], n);
            if (wilson is null || wilson.Estimate != estimate || wilson.Lower != rates[(3 * i) + 1] || wilson.Upper != rates[(3 * i) + 2])
            {
                var c = System.Globalization.CultureInfo.InvariantCulture;
                throw new InvalidDataException(hasCountColumns
                    ? string.Create(c, $"{where}: '{measure.Name}' and its bounds are not {measure.Name}_count ({counts[i]}) out of {Trials} ({n}) with its 95% Wilson interval.")
                    : string.Create(c, $"{where}: '{measure.Name}' and its bounds are not a rate of {n} trials with its 95% Wilson interval."));
            }
        }

        // Every round ends in one outcome and every war has one cause, whatever the sweep.
        long outcomes = 0, causes = 0;
        foreach (var measure in Measure.All)
        {
            outcomes += measure.Outcome is null ? 0 : counts[measure.Index];
            causes += measure.WarCause is null ? 0 : counts[measure.Index];
        }

        if (outcomes != n || causes != counts[Measure.War.Index])
        {
            throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where}: the outcome counts add up to {outcomes}, not to the {n} trials, or the war causes to {causes}, not to the {counts[Measure.War.Index]} wars."));
        }

        return head with { Trials = n, Counts = counts };
    }
}
