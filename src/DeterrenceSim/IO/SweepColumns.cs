using System.Globalization;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// The columns of a sweep's results, the same in CSV and Parquet: <c>point</c>, <c>replication</c>, <c>seed</c>, each
/// varied parameter path verbatim, then for each measure of <see cref="Measure.All"/> <c>name</c>, <c>name_lower</c>,
/// <c>name_upper</c> (the estimate and its 95% Wilson interval), then <c>error</c> (empty unless the point could not
/// run), then <c>trials</c> and for each measure <c>name_count</c>, then for each <see cref="Reporter"/> of the sweep
/// <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>, then the attribution by mechanism
/// (<see cref="Mechanisms"/>): for each <see cref="MechanismFactor"/> F <c>butFor.F</c>, <c>butFor.F_lower</c>,
/// <c>butFor.F_upper</c>, <c>butFor.F_count</c> (a rate), <c>shapley.F</c>, <c>shapley.F_lower</c>,
/// <c>shapley.F_upper</c> (the mean share and its 95% t interval within [−1, 1]), <c>shapley.F_scaledSum</c> and
/// <c>shapley.F_scaledSumOfSquares</c> (the per-round Shapley values' sum times 8! = 40320 and their squares' sum times
/// 8!², whole numbers), then <c>shapley.rational</c>, <c>_lower</c>, <c>_upper</c>, <c>_count</c>. The rates and means
/// are computed from the counts and sums; files written before the mechanism columns (sidecar formatVersion 2) end
/// after the reporters, and files written before the count columns existed (DeterrenceSim 0.1.0) end at
/// <c>error</c>. Columns are only ever added, at the end.
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

    /// <summary>The 76 columns of the attribution by mechanism that end the header, in order: per
    /// <see cref="MechanismFactor"/> <c>butFor.F</c>, <c>butFor.F_lower</c>, <c>butFor.F_upper</c>,
    /// <c>butFor.F_count</c>, <c>shapley.F</c>, <c>shapley.F_lower</c>, <c>shapley.F_upper</c>,
    /// <c>shapley.F_scaledSum</c>, <c>shapley.F_scaledSumOfSquares</c>, then <c>shapley.rational</c>,
    /// <c>shapley.rational_lower</c>, <c>shapley.rational_upper</c>, <c>shapley.rational_count</c>
    /// (<see cref="Measure.Mechanisms"/> in order).</summary>
    public static IReadOnlyList<string> Mechanisms { get; } = [.. Measure.Mechanisms.SelectMany(MechanismColumns)];

    /// <summary>The 81 columns that end the header of a contrast's results (<c>deterrence-sim contrast</c>,
    /// <see cref="Sweep.Contrast"/>), after <see cref="Mechanisms"/>: for each measure M of <see cref="Measure.All"/>
    /// <c>policy.M</c>, <c>policy.M_lower</c>, <c>policy.M_upper</c>, <c>policy.M_count</c> (the policy's rate with its
    /// Wilson interval and count), <c>M_difference</c>, <c>M_difference_lower</c>, <c>M_difference_upper</c> (policy minus
    /// baseline with the 95% paired interval, <see cref="PairedDifference.Newcombe"/>), <c>M_policyOnly_count</c> and
    /// <c>M_baselineOnly_count</c> (the discordant rounds). In a contrast's file the columns without a prefix
    /// (<c>war</c>, <c>war_count</c>, the mechanism columns) are the baseline's, so every reader of sweep results reads a
    /// contrast as the baseline's sweep.</summary>
    public static IReadOnlyList<string> ContrastColumns { get; } = [.. Measure.All.SelectMany(ContrastColumnsOf)];

    /// <summary>The nine contrast columns of one measure.</summary>
    private static string[] ContrastColumnsOf(Measure m)
    {
        string policy = SweepRow.PolicyPrefix + m.Name, difference = m.Name + SweepRow.DifferenceSuffix;
        return [policy, policy + "_lower", policy + "_upper", policy + "_count", difference, difference + "_lower", difference + "_upper", m.Name + "_policyOnly_count", m.Name + "_baselineOnly_count"];
    }

    /// <summary>The suffix of a Shapley share's column of the sum of its per-round values times 8!.</summary>
    internal const string ScaledSum = "_scaledSum";

    /// <summary>The suffix of a Shapley share's column of the sum of its per-round values' squares times 8!².</summary>
    internal const string ScaledSumOfSquares = "_scaledSumOfSquares";

    /// <summary>All column names for the given factor paths, in order (the current layout, with the mechanism columns).</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths) => For(factorPaths, []);

    /// <summary>All column names for the given factor paths and reporters, in order (the current layout, with the
    /// mechanism columns).</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths, IEnumerable<string> reported) => For(factorPaths, reported, mechanisms: true);

    /// <summary>All column names for the given factor paths and reporters, in order, with or without the mechanism
    /// columns (without: the layout of files of sidecar formatVersion 2).</summary>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <param name="mechanisms">Whether the header ends with <see cref="Mechanisms"/>.</param>
    /// <returns>The column names.</returns>
    public static IReadOnlyList<string> For(IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms) =>
        For(factorPaths, reported, mechanisms, contrast: false);

    /// <summary>All column names, with or without the mechanism columns and the contrast's (<see cref="ContrastColumns"/>,
    /// which need the mechanism columns).</summary>
    internal static IReadOnlyList<string> For(IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms, bool contrast) =>
        [.. Leading, .. factorPaths, .. Rates, Error, Trials, .. Counts, .. reported.SelectMany(ReportedColumns), .. mechanisms ? Mechanisms : [], .. contrast ? ContrastColumns : []];

    /// <summary>The columns of one mechanism measure: four for a rate, five for a Shapley share.</summary>
    private static string[] MechanismColumns(Measure m) => m.IsMean
        ? [m.Name, m.Name + "_lower", m.Name + "_upper", m.Name + ScaledSum, m.Name + ScaledSumOfSquares]
        : [m.Name, m.Name + "_lower", m.Name + "_upper", m.Name + "_count"];

    /// <summary>The four columns of a reporter: <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>.</summary>
    private static string[] ReportedColumns(string name) => [name, name + "_lower", name + "_upper", name + "_count"];

    /// <summary>Finds the factor paths in a header: the columns between <c>seed</c> and the first rate column.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="source">The file, for the message.</param>
    /// <param name="counts">Whether the header has the count columns (files of DeterrenceSim 0.1.0 do not).</param>
    /// <param name="reported">Receives the measures of the reporters whose columns follow the counts.</param>
    /// <param name="mechanisms">Receives whether the header ends with the mechanism columns (files of formatVersion 3).</param>
    /// <returns>The factor paths.</returns>
    /// <exception cref="InvalidDataException">The header is not that of sweep results.</exception>
    internal static string[] FactorsOf(IReadOnlyList<string> header, string source, out bool counts, out Measure[] reported, out bool mechanisms)
    {
        var paths = FactorsOf(header, source, out counts, out reported, out mechanisms, out bool contrast);
        return contrast
            ? throw new InvalidDataException($"{source}: a contrast's results ({ContrastColumns[0]}, ..., {ContrastColumns[^1]}) are read from CSV only.")
            : paths;
    }

    /// <summary>Finds the factor paths in a header that may end with the contrast columns.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="source">The file, for the message.</param>
    /// <param name="counts">Whether the header has the count columns.</param>
    /// <param name="reported">Receives the reporters' measures.</param>
    /// <param name="mechanisms">Receives whether the header has the mechanism columns.</param>
    /// <param name="contrast">Receives whether the header ends with <see cref="ContrastColumns"/>.</param>
    /// <returns>The factor paths.</returns>
    /// <exception cref="InvalidDataException">The header is not that of sweep or contrast results.</exception>
    internal static string[] FactorsOf(IReadOnlyList<string> header, string source, out bool counts, out Measure[] reported, out bool mechanisms, out bool contrast)
    {
        contrast = header.Count >= ContrastColumns.Count && header.Skip(header.Count - ContrastColumns.Count).SequenceEqual(ContrastColumns, StringComparer.Ordinal);
        if (contrast)
        {
            header = [.. header.Take(header.Count - ContrastColumns.Count)];
        }
        else if (header.FirstOrDefault(c => c.EndsWith(SweepRow.DifferenceSuffix, StringComparison.Ordinal) && Measure.TryParse(c[..^SweepRow.DifferenceSuffix.Length], out _)) is { } part)
        {
            throw new InvalidDataException($"{source}: not contrast results: the column '{part}' is one of the contrast columns, which end the header all together in order ({ContrastColumns[0]}, {ContrastColumns[1]}, ..., {ContrastColumns[^1]}).");
        }

        reported = [];
        mechanisms = header.Count >= Mechanisms.Count && header.Skip(header.Count - Mechanisms.Count).SequenceEqual(Mechanisms, StringComparer.Ordinal);
        if (mechanisms)
        {
            // Read the columns before them as a file without them; they need the count columns.
            header = [.. header.Take(header.Count - Mechanisms.Count)];
        }

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
        if (problem is null && !mechanisms && header.FirstOrDefault(IsMechanismColumn) is { } stray)
        {
            problem = $"the column '{stray}' is one of the mechanism columns, which end the header all together in order ({Mechanisms[0]}, {Mechanisms[1]}, ..., {Mechanisms[^1]})";
        }
        else if (problem is null && mechanisms && !counts)
        {
            problem = $"the mechanism columns need the columns '{Trials}' and '{Counts[0]}', ...";
        }

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
            int ending = mechanisms ? Mechanisms.Count : 0;
            problem = $"expected {Leading.Count + factors + tail.Length + ending} columns, found {header.Count + ending}";
        }

        if (problem is null && contrast && !mechanisms)
        {
            problem = $"the contrast columns need the mechanism columns before them ({Mechanisms[0]}, ...)";
        }

        if (problem is not null)
        {
            throw new InvalidDataException($"{source}: not sweep results: {problem} (sweep results have the columns point, replication, seed, the parameter paths, then {Rates[0]}, {Rates[1]}, {Rates[2]}, ..., error, {Trials}, {Counts[0]}, ..., any reporters' columns, then {Mechanisms[0]}, ..., {Mechanisms[^1]}).");
        }

        return [.. header.Skip(Leading.Count).Take(factors)];
    }

    /// <summary>Whether a column name is one of the mechanism columns (a parameter path never starts so).</summary>
    private static bool IsMechanismColumn(string name) =>
        name.StartsWith("butFor.", StringComparison.Ordinal) || name.StartsWith("shapley.", StringComparison.Ordinal);

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

    /// <summary>Adds the attribution by mechanism read from a file's mechanism columns to a row made by
    /// <see cref="Row"/>, recomputing the shares from the counts and sums: each but-for and rational rate with its
    /// bounds must be exactly its count's Wilson interval, and each Shapley share with its bounds exactly the t interval
    /// of its sums (<c>MechanismLayout.ShapleyMean</c>); every count must be within [0, wars], every Shapley sum within
    /// ±8! times the wars and its squares within [0, 8!² times the wars], and the Shapley sums plus 8! times the rational
    /// count must be 8! times the wars (efficiency, exact in integers).</summary>
    /// <param name="row">The row, with its trials and counts (or none when the point could not run).</param>
    /// <param name="estimates">The estimate and bounds of each measure of <see cref="Measure.Mechanisms"/>, three each,
    /// or <see langword="null"/> when empty.</param>
    /// <param name="sums">The counts and sums in the layout of <see cref="SweepRow.MechanismSums"/>, or
    /// <see langword="null"/> when empty.</param>
    /// <param name="where">The file and line (or row group), for the message.</param>
    /// <returns>The row with its <see cref="SweepRow.MechanismSums"/> (and <see cref="SweepRow.RecordsMechanisms"/>).</returns>
    /// <exception cref="InvalidDataException">A share is not its sums' share, a count or sum is out of range, the sums
    /// break efficiency, or the mechanism columns are empty where the rates are not (or the reverse).</exception>
    internal static SweepRow WithMechanisms(SweepRow row, double[]? estimates, long[]? sums, string where)
    {
        var c = CultureInfo.InvariantCulture;
        if (!row.Ran)
        {
            return estimates is null && sums is null
                ? row with { RecordsMechanisms = true }
                : throw new InvalidDataException($"{where}: the rates are empty but the mechanism columns are not.");
        }

        if (estimates is null || sums is null)
        {
            throw new InvalidDataException($"{where}: the rates are present but the mechanism columns are empty.");
        }

        const long scale = MechanismGame.Scale;
        long n = row.Trials, wars = row.Counts![Measure.War.Index];
        Int128 shapley = 0;
        for (int k = 0; k < Measure.Mechanisms.Count; k++)
        {
            var measure = Measure.Mechanisms[k];
            int slot = measure.MechanismSlot;
            double estimate = estimates[3 * k], lower = estimates[(3 * k) + 1], upper = estimates[(3 * k) + 2];
            if (measure.IsMean)
            {
                long sum = sums[slot], squares = sums[slot + 1];
                if ((Int128)sum < -(Int128)scale * wars || (Int128)sum > (Int128)scale * wars || squares < 0 || (Int128)squares > (Int128)scale * scale * wars)
                {
                    throw new InvalidDataException(string.Create(c, $"{where}: {measure.Name}{ScaledSum} ({sum}) and {measure.Name}{ScaledSumOfSquares} ({squares}) are not the sums of the Shapley values in [-1, 1] of {wars} wars times 8! (and 8!²)."));
                }

                var mean = MechanismLayout.ShapleyMean(sum, squares, n);
                if (mean.Mean != estimate || mean.Lower != lower || mean.Upper != upper)
                {
                    throw new InvalidDataException(string.Create(c, $"{where}: '{measure.Name}' and its bounds are not {measure.Name}{ScaledSum} ({sum}) / 8! over {Trials} ({n}) with the 95% t interval of {measure.Name}{ScaledSumOfSquares} ({squares})."));
                }

                shapley += sum;
            }
            else
            {
                long count = sums[slot];
                if (count < 0 || count > wars)
                {
                    throw new InvalidDataException(string.Create(c, $"{where}: {measure.Name}_count is {count}, expected it within [0, {wars}], the war count."));
                }

                var wilson = Proportion.Wilson(count, n);
                if (wilson.Estimate != estimate || wilson.Lower != lower || wilson.Upper != upper)
                {
                    throw new InvalidDataException(string.Create(c, $"{where}: '{measure.Name}' and its bounds are not {measure.Name}_count ({count}) out of {Trials} ({n}) with its 95% Wilson interval."));
                }
            }
        }

        long rational = sums[Measure.ShapleyRational.MechanismSlot];
        if (shapley + ((Int128)scale * rational) != (Int128)scale * wars)
        {
            throw new InvalidDataException(string.Create(c, $"{where}: the columns shapley.NAME{ScaledSum} add up to {shapley} and 8! times shapley.rational_count is {(Int128)scale * rational}: together not 8! times the {wars} wars ({(Int128)scale * wars}), as the Shapley shares and the rational wars must be (efficiency)."));
        }

        return row with { MechanismSums = sums };
    }

    /// <summary>Adds a contrast's policy side read from a file's contrast columns to a row (with its mechanism columns
    /// read), recomputing every rate and difference from the counts: each policy rate and its bounds must be exactly its
    /// count's Wilson interval, each difference and its bounds exactly <see cref="PairedDifference.Newcombe"/> of the
    /// counts; the policy's outcomes must add up to the trials and its causes to its wars, and each measure's counts
    /// must make a paired 2×2 table with the baseline's.</summary>
    /// <param name="row">The row, with its trials and baseline counts (or none when the point could not run).</param>
    /// <param name="numbers">Per measure its policy rate and bounds then its difference and bounds, six each, or
    /// <see langword="null"/> when empty.</param>
    /// <param name="counts">Per measure the policy count, the policy-only and the baseline-only count, three each, or
    /// <see langword="null"/> when empty.</param>
    /// <param name="where">The file and line, for the message.</param>
    /// <returns>The row with its <see cref="SweepRow.Contrast"/> (and <see cref="SweepRow.RecordsContrast"/>).</returns>
    /// <exception cref="InvalidDataException">A number is not its counts', a table is impossible, or the contrast columns
    /// are empty where the rates are not (or the reverse).</exception>
    internal static SweepRow WithContrast(SweepRow row, double[]? numbers, long[]? counts, string where)
    {
        var c = CultureInfo.InvariantCulture;
        if (!row.Ran)
        {
            return numbers is null && counts is null
                ? row with { RecordsContrast = true }
                : throw new InvalidDataException($"{where}: the rates are empty but the contrast columns are not.");
        }

        if (numbers is null || counts is null)
        {
            throw new InvalidDataException($"{where}: the rates are present but the contrast columns are empty.");
        }

        int m = Measure.All.Count;
        var contrast = new ContrastCounts(new long[m], new long[m], new long[m]);
        long n = row.Trials;
        foreach (var measure in Measure.All)
        {
            int i = measure.Index;
            long policy = counts[3 * i], policyOnly = counts[(3 * i) + 1], baselineOnly = counts[(3 * i) + 2];
            PairedDifference difference;
            try
            {
                difference = PairedDifference.Newcombe(n, policy, row.Counts![i], policyOnly, baselineOnly);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new InvalidDataException(string.Create(c, $"{where}: {SweepRow.PolicyPrefix}{measure.Name}_count ({policy}), {measure.Name}_count ({row.Counts![i]}), {measure.Name}_policyOnly_count ({policyOnly}) and {measure.Name}_baselineOnly_count ({baselineOnly}) are not a paired table of {n} trials (the policy's count minus its rounds alone must be the baseline's minus its rounds alone, at least 0)."));
            }

            var rate = Proportion.Wilson(policy, n);
            if (rate.Estimate != numbers[6 * i] || rate.Lower != numbers[(6 * i) + 1] || rate.Upper != numbers[(6 * i) + 2])
            {
                throw new InvalidDataException(string.Create(c, $"{where}: '{SweepRow.PolicyPrefix}{measure.Name}' and its bounds are not {SweepRow.PolicyPrefix}{measure.Name}_count ({policy}) out of {Trials} ({n}) with its 95% Wilson interval."));
            }

            if (difference.Estimate != numbers[(6 * i) + 3] || difference.Lower != numbers[(6 * i) + 4] || difference.Upper != numbers[(6 * i) + 5])
            {
                throw new InvalidDataException(string.Create(c, $"{where}: '{measure.Name}{SweepRow.DifferenceSuffix}' and its bounds are not the paired difference of its counts ({policyOnly} policy only, {baselineOnly} baseline only, of {n}) with its 95% Newcombe interval."));
            }

            contrast.Policy[i] = policy;
            contrast.PolicyOnly[i] = policyOnly;
            contrast.BaselineOnly[i] = baselineOnly;
        }

        long outcomes = 0, causes = 0;
        foreach (var measure in Measure.All)
        {
            outcomes += measure.Outcome is null ? 0 : contrast.Policy[measure.Index];
            causes += measure.WarCause is null ? 0 : contrast.Policy[measure.Index];
        }

        if (outcomes != n || causes != contrast.Policy[Measure.War.Index])
        {
            throw new InvalidDataException(string.Create(c, $"{where}: the policy's outcome counts add up to {outcomes}, not to the {n} trials, or its war causes to {causes}, not to its {contrast.Policy[Measure.War.Index]} wars."));
        }

        return row with { Contrast = contrast };
    }
}
