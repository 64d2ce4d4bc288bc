using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Sweep results as Apache Parquet (Parquet.Net), with the columns of <see cref="SweepColumns"/>: <c>point</c> int64,
/// <c>replication</c> int32, <c>seed</c> uint64, the parameter values double, the rates nullable double (null when the
/// point could not run), <c>error</c> a nullable string, then <c>trials</c> and the counts nullable int64. Each row's values are copied into column buffers that are
/// reused for every row group, and a row group is written when it has <see cref="RowGroupSize"/> rows, as many as fit in
/// <see cref="RowGroupBytes"/>, or earlier when its error messages take another <see cref="RowGroupBytes"/>: the writer
/// holds one row group, however long the sweep. Where a group ends depends only on the rows, so the same rows give the
/// same bytes however they were produced. The file is complete only after <see cref="Dispose"/>.
/// </summary>
public sealed class SweepParquetWriter : IDisposable
{
    /// <summary>The memory the buffered rows of a row group take (values, definition levels, references to error
    /// messages), in bytes: 4 MiB. It sets <see cref="RowGroupSize"/>.</summary>
    public const int RowGroupBytes = 4 << 20;

    private readonly int _factors;
    private readonly ParquetRowGroups<SweepRow> _groups;

    /// <summary>Initializes a new instance of the <see cref="SweepParquetWriter"/> class.</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    public SweepParquetWriter(Stream stream, IEnumerable<string> factorPaths)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(factorPaths);
        var schema = new SweepParquetSchema([.. factorPaths], counts: true);
        _factors = schema.Values.Length;
        var columns = new List<ParquetColumn<SweepRow>>
        {
            ParquetColumn.Required(schema.Point, (SweepRow r) => r.Point),
            ParquetColumn.Required(schema.Replication, (SweepRow r) => r.Replication),
            ParquetColumn.Required(schema.Seed, (SweepRow r) => r.Seed),
        };
        for (int i = 0; i < schema.Values.Length; i++)
        {
            int k = i;
            columns.Add(ParquetColumn.Required(schema.Values[i], (SweepRow r) => r.Values[k]));
        }

        foreach (var measure in Measure.All)
        {
            int k = 3 * measure.Index;
            columns.Add(ParquetColumn.Optional(schema.Rates[k], (SweepRow r) => r.Ran ? r[measure].Estimate : null));
            columns.Add(ParquetColumn.Optional(schema.Rates[k + 1], (SweepRow r) => r.Ran ? r[measure].Lower : (double?)null));
            columns.Add(ParquetColumn.Optional(schema.Rates[k + 2], (SweepRow r) => r.Ran ? r[measure].Upper : (double?)null));
        }

        columns.Add(ParquetColumn.Text(schema.Error, (SweepRow r) => r.Error, shared: false));
        columns.Add(ParquetColumn.Optional(schema.Trials!, (SweepRow r) => r.Ran ? r.Trials : (long?)null));
        for (int i = 0; i < schema.Counts.Length; i++)
        {
            int k = i;
            columns.Add(ParquetColumn.Optional(schema.Counts[i], (SweepRow r) => r.Counts is { } counts ? counts[k] : (long?)null));
        }

        _groups = new ParquetRowGroups<SweepRow>(stream, columns, RowGroupBytes);
    }

    /// <summary>Gets the rows of a full row group: as many as fit in <see cref="RowGroupBytes"/> at 316 bytes a row plus
    /// 8 for each factor (12,633 rows with two factors, 5,857 with 50), at most 65,536. Range: 1 to 65,536.</summary>
    public int RowGroupSize => _groups.RowsPerGroup;

    /// <summary>Gets the most bytes the buffered rows have taken (for tests).</summary>
    internal long PeakBufferedBytes => _groups.PeakBufferedBytes;

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row, with one value per factor.</param>
    /// <exception cref="ArgumentException">The row has not one value per factor, or not one count per measure.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Values.Length != _factors || (row.Counts is { } counts && counts.Length != Measure.All.Count))
        {
            throw new ArgumentException($"expected {_factors} values and {Measure.All.Count} counts (or none), found {row.Values.Length} values and {row.Counts?.Length ?? 0} counts.", nameof(row));
        }

        _groups.Write(row, this);
    }

    /// <summary>Writes the buffered rows and completes the file.</summary>
    public void Dispose() => _groups.Dispose();
}

/// <summary>Reads sweep results written by <see cref="SweepParquetWriter"/>, a row group at a time.</summary>
public static class SweepParquetReader
{
    /// <summary>Reads the rows of a file, lazily, one row group in memory at a time.</summary>
    /// <param name="stream">A readable, seekable stream; it stays open.</param>
    /// <param name="source">The file, for error messages.</param>
    /// <param name="factorPaths">Receives the factor paths found in the schema.</param>
    /// <param name="trials">The trials (rounds, or periods) of every row, needed only for a file written before the
    /// count columns (DeterrenceSim 0.1.0): its sidecar's rounds or periods. A file with count columns ignores it.</param>
    /// <returns>The rows, in file order; the rates are recomputed from the counts and must equal the file's.</returns>
    /// <exception cref="InvalidDataException">The file is not Parquet sweep results, or a rate is not its count's rate.
    /// A file without count columns when <paramref name="trials"/> is not given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static IEnumerable<SweepRow> Read(Stream stream, string source, out IReadOnlyList<string> factorPaths, long? trials = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: not a Parquet file: {e.Message}", e);
        }

        var names = reader.Schema.GetDataFields().Select(f => f.Name).ToArray();
        string[] paths;
        bool counts;
        try
        {
            paths = SweepColumns.FactorsOf(names, source, out counts);
            SweepColumns.CheckTrialsKnown(counts, trials, source);
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        factorPaths = paths;
        return ReadRows(reader, new SweepParquetSchema(paths, counts), counts ? null : trials, source);
    }

    private static IEnumerable<SweepRow> ReadRows(ParquetReader reader, SweepParquetSchema schema, long? knownTrials, string source)
    {
        try
        {
            var group = new GroupColumns(schema);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                int n;
                try
                {
                    n = group.Read(reader, g);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
                {
                    throw new InvalidDataException($"{source}, row group {g}: {e.Message}", e);
                }

                for (int r = 0; r < n; r++)
                {
                    SweepRow row;
                    try
                    {
                        row = group.Next(knownTrials, $"{source}, row group {g}, row {r}");
                    }
                    catch (IndexOutOfRangeException e)
                    {
                        throw new InvalidDataException($"{source}, row group {g}: a rate or count column has fewer values than its definition levels say: {e.Message}", e);
                    }

                    yield return row;
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    /// <summary>The columns of one row group, in buffers reused for every group (grown to the largest), laid out as the
    /// writer's (rates as packed values and definition levels): rows are made one at a time as they are enumerated, so
    /// reading holds one row group's columns and no rows.</summary>
    private sealed class GroupColumns(SweepParquetSchema schema)
    {
        private readonly double[][] _values = new double[schema.Values.Length][];
        private readonly double[][] _rates = new double[schema.Rates.Length][];
        private readonly int[][] _levels = new int[schema.Rates.Length][];
        private readonly int[] _next = new int[schema.Rates.Length];
        private readonly long[][] _counts = new long[schema.Counts.Length + 1][];
        private readonly int[][] _countLevels = new int[schema.Counts.Length + 1][];
        private readonly int[] _nextCount = new int[schema.Counts.Length + 1];
        private long[] _point = [];
        private int[] _replication = [];
        private ulong[] _seed = [];
        private string?[] _errors = [];
        private int _row;

        /// <summary>Reads row group <paramref name="g"/>; <see cref="Next"/> then makes its rows in order.</summary>
        /// <returns>Its row count.</returns>
        public int Read(ParquetReader reader, int g)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (n > _point.Length)
            {
                _point = new long[n];
                _replication = new int[n];
                _seed = new ulong[n];
                _errors = new string?[n];
                for (int i = 0; i < _values.Length; i++)
                {
                    _values[i] = new double[n];
                }

                for (int i = 0; i < _rates.Length; i++)
                {
                    _rates[i] = new double[n];
                    _levels[i] = new int[n];
                }

                for (int i = 0; i < _counts.Length; i++)
                {
                    _counts[i] = new long[n];
                    _countLevels[i] = new int[n];
                }
            }

            Array.Clear(_errors);
            Wait(group.ReadAsync<long>(schema.Point, _point.AsMemory(0, n)));
            Wait(group.ReadAsync<int>(schema.Replication, _replication.AsMemory(0, n)));
            Wait(group.ReadAsync<ulong>(schema.Seed, _seed.AsMemory(0, n)));
            for (int i = 0; i < _values.Length; i++)
            {
                Wait(group.ReadAsync<double>(schema.Values[i], _values[i].AsMemory(0, n)));
            }

            for (int i = 0; i < _rates.Length; i++)
            {
                Wait(group.ReadRawAsync<double>(schema.Rates[i], _rates[i].AsMemory(0, n), _levels[i].AsMemory(0, n), null));
            }

            Wait(group.ReadAsync(schema.Error, _errors.AsMemory(0, n)));
            if (schema.Trials is not null)
            {
                // Column 0 is the trials, then the counts in measure order.
                for (int i = 0; i < _counts.Length; i++)
                {
                    Wait(group.ReadRawAsync<long>(i == 0 ? schema.Trials : schema.Counts[i - 1], _counts[i].AsMemory(0, n), _countLevels[i].AsMemory(0, n), null));
                }
            }

            Array.Clear(_next);
            Array.Clear(_nextCount);
            _row = 0;
            return n;
        }

        /// <summary>Makes the next row of the group read last: all rates, or none when the first is null; the trials and
        /// counts likewise; the rates are recomputed from the counts (<see cref="SweepColumns.Row"/>).</summary>
        public SweepRow Next(long? knownTrials, string where)
        {
            int r = _row++;
            var v = new double[_values.Length];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = _values[i][r];
            }

            double[]? x = _rates.Length > 0 && Present(0, r) ? new double[_rates.Length] : null;
            for (int i = 0; i < _rates.Length; i++)
            {
                double value = Present(i, r) ? _rates[i][_next[i]++] : double.NaN;
                if (x is not null)
                {
                    x[i] = value;
                }
            }

            long? trials = null;
            long[]? counts = null;
            if (schema.Trials is not null)
            {
                bool present = PresentCount(0, r);
                trials = present ? _counts[0][_nextCount[0]++] : null;
                counts = present ? new long[schema.Counts.Length] : null;
                for (int i = 1; i < _counts.Length; i++)
                {
                    long value = PresentCount(i, r) ? _counts[i][_nextCount[i]++] : -1;
                    if (counts is not null)
                    {
                        counts[i - 1] = value;
                    }
                }
            }

            var head = new SweepRow(_point[r], _replication[r], _seed[r], v, 0, null, _errors[r]);
            return SweepColumns.Row(head, x, trials, counts, knownTrials, where);
        }

        private bool Present(int rate, int r) => _levels[rate][r] == schema.Rates[rate].MaxDefinitionLevel;

        private bool PresentCount(int column, int r) =>
            _countLevels[column][r] == (column == 0 ? schema.Trials! : schema.Counts[column - 1]).MaxDefinitionLevel;
    }
}

/// <summary>The Parquet fields of sweep results.</summary>
internal sealed class SweepParquetSchema
{
    /// <param name="factorPaths">The factor paths.</param>
    /// <param name="counts">Whether the file has the trials and count columns (files of DeterrenceSim 0.1.0 do not).</param>
    public SweepParquetSchema(string[] factorPaths, bool counts)
    {
        Values = [.. factorPaths.Select(p => new DataField<double>(p))];
        Rates = [.. SweepColumns.Rates.Select(n => new DataField<double?>(n))];
        Trials = counts ? new DataField<long?>(SweepColumns.Trials) : null;
        Counts = counts ? [.. SweepColumns.Counts.Select(n => new DataField<long?>(n))] : [];
        var fields = new List<Field> { Point, Replication, Seed };
        fields.AddRange(Values);
        fields.AddRange(Rates);
        fields.Add(Error);
        if (Trials is not null)
        {
            fields.Add(Trials);
            fields.AddRange(Counts);
        }

        Schema = new ParquetSchema(fields);
    }

    public DataField<long> Point { get; } = new("point");

    public DataField<int> Replication { get; } = new("replication");

    public DataField<ulong> Seed { get; } = new("seed");

    public DataField<double>[] Values { get; }

    public DataField<double?>[] Rates { get; }

    public DataField<string> Error { get; } = new("error");

    /// <summary>Gets the trials field, or <see langword="null"/> in a file without count columns.</summary>
    public DataField<long?>? Trials { get; }

    /// <summary>Gets the count fields in measure order; empty in a file without count columns.</summary>
    public DataField<long?>[] Counts { get; }

    public ParquetSchema Schema { get; }
}
