using System.Globalization;
using System.Text;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Sweep results as CSV (RFC 4180, UTF-8 without a byte order mark, <c>\n</c> line ends, invariant culture, numbers in
/// round-trip form), one row per (design point, replication) with the columns of <see cref="SweepColumns"/>; the rates,
/// trials, counts and mechanism columns of a point that could not run are empty fields. The same rows give the same
/// bytes on any machine and locale. A row's mechanism columns are written when it records the attribution by mechanism
/// (<see cref="SweepRow.RecordsMechanisms"/>, as every row of a sweep run by this version does), so the header must
/// have them (<see cref="WriteHeader(TextWriter, IEnumerable{string}, IEnumerable{string}, bool)"/>) exactly then.
/// </summary>
public static class SweepCsv
{
    /// <summary>Writes the header line (with the mechanism columns).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    public static void WriteHeader(TextWriter writer, IEnumerable<string> factorPaths) => WriteHeader(writer, factorPaths, []);

    /// <summary>Writes the header line of a sweep with reporters (with the mechanism columns).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    public static void WriteHeader(TextWriter writer, IEnumerable<string> factorPaths, IEnumerable<string> reported) =>
        WriteHeader(writer, factorPaths, reported, mechanisms: true);

    /// <summary>Writes the header line of a sweep with reporters, with or without the mechanism columns (without: for
    /// rows of a file written before them, sidecar formatVersion 2).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <param name="mechanisms">Whether the rows record the attribution by mechanism
    /// (<see cref="SweepRow.RecordsMechanisms"/>).</param>
    public static void WriteHeader(TextWriter writer, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms) =>
        WriteHeader(writer, factorPaths, reported, mechanisms, contrast: false);

    /// <summary>Writes the header line, with the contrast columns for a contrast's rows.</summary>
    internal static void WriteHeader(TextWriter writer, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms, bool contrast)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(factorPaths);
        ArgumentNullException.ThrowIfNull(reported);
        writer.Write(string.Join(",", SweepColumns.For(factorPaths, reported, mechanisms, contrast).Select(Csv.Field)));
        writer.Write('\n');
    }

    /// <summary>Writes one row: its mechanism columns too when it records them.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="row">The row.</param>
    /// <exception cref="InvalidOperationException">The row's counts or mechanism sums are not of its layout.</exception>
    public static void WriteRow(TextWriter writer, SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        var c = CultureInfo.InvariantCulture;
        writer.Write(row.Point.ToString(c));
        writer.Write(',');
        writer.Write(row.Replication.ToString(c));
        writer.Write(',');
        writer.Write(row.Seed.ToString(c));
        foreach (double value in row.Values)
        {
            writer.Write(',');
            writer.Write(value.ToString("R", c));
        }

        foreach (var measure in Measure.All)
        {
            WriteRate(writer, row.Ran ? row[measure] : null);
        }

        writer.Write(',');
        writer.Write(row.Error is null ? "" : Csv.Field(row.Error));
        writer.Write(',');
        if (row.Counts is { } counts)
        {
            writer.Write(row.Trials.ToString(c));
            foreach (long count in counts.AsSpan(0, SweepColumns.Counts.Count))
            {
                writer.Write(',');
                writer.Write(count.ToString(c));
            }
        }
        else
        {
            writer.Write(new string(',', SweepColumns.Counts.Count));
        }

        foreach (var measure in row.Reported)
        {
            var rate = row.Ran ? row[measure] : null;
            WriteRate(writer, rate);

            writer.Write(',');
            writer.Write(rate?.Count.ToString(c));
        }

        if (row.RecordsMechanisms)
        {
            foreach (var measure in Measure.Mechanisms)
            {
                if (measure.IsMean)
                {
                    var mean = row.Mean(measure);
                    foreach (double? number in (ReadOnlySpan<double?>)[mean.Mean, row.Ran ? mean.Lower : null, row.Ran ? mean.Upper : null])
                    {
                        writer.Write(',');
                        writer.Write(number?.ToString("R", c));
                    }

                    writer.Write(',');
                    writer.Write(row.Ran ? row.MechanismSums![measure.MechanismSlot].ToString(c) : null);
                    writer.Write(',');
                    writer.Write(row.Ran ? row.MechanismSums![measure.MechanismSlot + 1].ToString(c) : null);
                }
                else
                {
                    var rate = row.Ran ? row[measure] : null;
                    WriteRate(writer, rate);
                    writer.Write(',');
                    writer.Write(rate?.Count.ToString(c));
                }
            }
        }

        if (row.RecordsContrast)
        {
            foreach (var measure in Measure.All)
            {
                var rate = row.Ran ? row.Policy(measure) : null;
                WriteRate(writer, rate);
                writer.Write(',');
                writer.Write(rate?.Count.ToString(c));
                var difference = row.Ran ? row.Difference(measure) : null;
                foreach (double? number in (ReadOnlySpan<double?>)[difference?.Estimate, difference?.Lower, difference?.Upper])
                {
                    writer.Write(',');
                    writer.Write(number?.ToString("R", c));
                }

                writer.Write(',');
                writer.Write(difference?.PolicyOnly.ToString(c));
                writer.Write(',');
                writer.Write(difference?.BaselineOnly.ToString(c));
            }
        }

        writer.Write('\n');
    }

    /// <summary>Writes a rate's estimate and Wilson bounds as three fields (empty for a point that could not run).</summary>
    private static void WriteRate(TextWriter writer, Proportion? rate)
    {
        foreach (double? number in (ReadOnlySpan<double?>)[rate?.Estimate, rate?.Lower, rate?.Upper])
        {
            writer.Write(',');
            writer.Write(number?.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads rows written by <see cref="WriteHeader(TextWriter, IEnumerable{string}, IEnumerable{string})"/> and <see cref="WriteRow"/>, lazily.</summary>
    /// <param name="reader">The reader, at the header line.</param>
    /// <param name="source">The file, for error messages.</param>
    /// <param name="factorPaths">Receives the factor paths found in the header.</param>
    /// <param name="trials">The trials (rounds, or periods) of every row, needed only for a file written before the
    /// count columns (DeterrenceSim 0.1.0): its sidecar's rounds or periods. A file with count columns ignores it.</param>
    /// <returns>The rows, in file order; the rates are recomputed from the counts and must equal the file's.</returns>
    /// <exception cref="InvalidDataException">The text is not sweep results, or a rate is not its count's rate; the
    /// message gives the line. A file without count columns when <paramref name="trials"/> is not given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static IEnumerable<SweepRow> Read(TextReader reader, string source, out IReadOnlyList<string> factorPaths, long? trials = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        string? header = reader.ReadLine() ?? throw new InvalidDataException($"{source}: empty file: expected a header line of sweep results.");
        var paths = SweepColumns.FactorsOf(Split(header, source, 1), source, out bool counts, out var reported, out bool mechanisms, out bool contrast);
        SweepColumns.CheckTrialsKnown(counts, trials, source);
        factorPaths = paths;
        string[] names = [.. counts ? SweepColumns.For(paths, reported.Select(m => m.Name), mechanisms, contrast) : SweepColumns.For(paths).TakeWhile(c => c != SweepColumns.Trials)];
        return ReadRows(reader, source, paths.Length, reported, mechanisms, contrast, counts ? null : trials, names);
    }

    private static IEnumerable<SweepRow> ReadRows(TextReader reader, string source, int factors, Measure[] reported, bool mechanisms, bool contrast, long? knownTrials, string[] names)
    {
        int columns = names.Length;
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;

            // A quoted error message may span lines.
            while (Quotes(text) % 2 == 1 && reader.ReadLine() is { } more)
            {
                text += "\n" + more;
                line++;
            }

            var fields = Split(text, source, line);
            if (fields.Count != columns)
            {
                throw new InvalidDataException($"{source}, line {line}: expected {columns} fields, found {fields.Count}.");
            }

            yield return ParseRow(fields, factors, reported, mechanisms, contrast, knownTrials, source, line, names);
        }
    }

    private static SweepRow ParseRow(List<string> fields, int factors, Measure[] reported, bool mechanisms, bool contrast, long? knownTrials, string source, long line, string[] names)
    {
        var c = CultureInfo.InvariantCulture;
        int column = 0;
        try
        {
            long point = long.Parse(fields[0], NumberStyles.None, c);
            column = 1;
            int replication = int.Parse(fields[1], NumberStyles.None, c);
            column = 2;
            ulong seed = ulong.Parse(fields[2], NumberStyles.None, c);
            var values = new double[factors];
            for (int i = 0; i < factors; i++)
            {
                column = 3 + i;
                values[i] = double.Parse(fields[3 + i], NumberStyles.Float, c);
            }

            int first = 3 + factors;
            int reportedFirst = first + SweepColumns.Rates.Count + 2 + SweepColumns.Counts.Count;
            double[]? rates = null;
            if (fields[first].Length > 0)
            {
                rates = new double[SweepColumns.Rates.Count + (3 * reported.Length)];
                for (int i = 0; i < rates.Length; i++)
                {
                    // The built-in rates, then each reporter's three of its four columns.
                    column = i < SweepColumns.Rates.Count ? first + i : reportedFirst + ((i - SweepColumns.Rates.Count) / 3 * 4) + ((i - SweepColumns.Rates.Count) % 3);
                    rates[i] = double.Parse(fields[column], NumberStyles.Float, c);
                }
            }

            int errorColumn = first + SweepColumns.Rates.Count;
            string error = fields[errorColumn];
            long? trials = null;
            long[]? counts = null;
            if (knownTrials is null && fields[errorColumn + 1].Length > 0)
            {
                column = errorColumn + 1;
                trials = long.Parse(fields[column], NumberStyles.None, c);
                counts = new long[SweepColumns.Counts.Count + reported.Length];
                for (int i = 0; i < counts.Length; i++)
                {
                    column = i < SweepColumns.Counts.Count ? errorColumn + 2 + i : reportedFirst + ((i - SweepColumns.Counts.Count) * 4) + 3;
                    counts[i] = long.Parse(fields[column], NumberStyles.None, c);
                }
            }

            double[]? estimates = null;
            long[]? sums = null;
            int mechanismFirst = reportedFirst + (4 * reported.Length);
            if (mechanisms)
            {
                // Per measure its estimate and bounds, then its count, or its scaled sum and sum of squares.
                bool any = false;
                for (int k = 0, at = mechanismFirst; k < Measure.Mechanisms.Count; k++)
                {
                    var measure = Measure.Mechanisms[k];
                    for (int j = 0; j < (measure.IsMean ? 5 : 4); j++, at++)
                    {
                        any |= fields[at].Length > 0;
                    }
                }

                if (any)
                {
                    estimates = new double[3 * Measure.Mechanisms.Count];
                    sums = new long[MechanismLayout.RowLength];
                    for (int k = 0, at = mechanismFirst; k < Measure.Mechanisms.Count; k++)
                    {
                        var measure = Measure.Mechanisms[k];
                        for (int j = 0; j < 3; j++, at++)
                        {
                            column = at;
                            estimates[(3 * k) + j] = double.Parse(fields[at], NumberStyles.Float, c);
                        }

                        column = at;
                        sums[measure.MechanismSlot] = long.Parse(fields[at++], measure.IsMean ? NumberStyles.AllowLeadingSign : NumberStyles.None, c);
                        if (measure.IsMean)
                        {
                            column = at;
                            sums[measure.MechanismSlot + 1] = long.Parse(fields[at++], NumberStyles.None, c);
                        }
                    }
                }
            }

            double[]? numbers = null;
            long[]? pairs = null;
            if (contrast)
            {
                // Per measure: policy rate, bounds, count, difference, bounds, policy-only and baseline-only counts.
                int contrastFirst = names.Length - SweepColumns.ContrastColumns.Count;
                if (Enumerable.Range(contrastFirst, SweepColumns.ContrastColumns.Count).Any(i => fields[i].Length > 0))
                {
                    numbers = new double[6 * Measure.All.Count];
                    pairs = new long[3 * Measure.All.Count];
                    for (int k = 0, at = contrastFirst; k < Measure.All.Count; k++)
                    {
                        foreach (int slot in (ReadOnlySpan<int>)[0, 1, 2, -1, 3, 4, 5, -2, -3])
                        {
                            column = at;
                            if (slot >= 0)
                            {
                                numbers[(6 * k) + slot] = double.Parse(fields[at++], NumberStyles.Float, c);
                            }
                            else
                            {
                                pairs[(3 * k) - slot - 1] = long.Parse(fields[at++], NumberStyles.None, c);
                            }
                        }
                    }
                }
            }

            var head = new SweepRow(point, replication, seed, values, 0, null, error.Length == 0 ? null : error) { Reported = reported };
            var row = SweepColumns.Row(head, rates, trials, counts, knownTrials, $"{source}, line {line}");
            row = mechanisms ? SweepColumns.WithMechanisms(row, estimates, sums, $"{source}, line {line}") : row;
            return contrast ? SweepColumns.WithContrast(row, numbers, pairs, $"{source}, line {line}") : row;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            string name = names[column];
            bool whole = column < 3 || name == SweepColumns.Trials || name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith(SweepColumns.ScaledSumOfSquares, StringComparison.Ordinal);
            string expected = name.EndsWith(SweepColumns.ScaledSum, StringComparison.Ordinal) ? "a whole number" : whole ? "a whole number, at least 0" : "a number";
            throw new InvalidDataException($"{source}, line {line}, column {column + 1} ({name}): expected {expected}, found '{fields[column]}'.", e);
        }
    }

    private static int Quotes(string text)
    {
        int count = 0;
        foreach (char ch in text)
        {
            if (ch == '"')
            {
                count++;
            }
        }

        return count;
    }

    private static List<string> Split(string line, string source, long number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{source}, line {number}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
