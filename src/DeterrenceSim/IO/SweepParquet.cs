using DeterrenceSim.Experiments;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Sweep results as Apache Parquet (Parquet.Net), with the columns of <see cref="SweepColumns"/>: <c>point</c> int64,
/// <c>replication</c> int32, <c>seed</c> uint64, the parameter values double, the rates nullable double (null when the
/// point could not run) and <c>error</c> a nullable string. Each row's values are copied into column buffers that are
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
        var schema = new SweepParquetSchema([.. factorPaths]);
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

        for (int i = 0; i < schema.Rates.Length; i++)
        {
            int k = i;
            columns.Add(ParquetColumn.Optional(schema.Rates[i], (SweepRow r) => r.Rates is null ? (double?)null : r.Rates[k]));
        }

        columns.Add(ParquetColumn.Text(schema.Error, (SweepRow r) => r.Error, shared: false));
        _groups = new ParquetRowGroups<SweepRow>(stream, columns, RowGroupBytes);
    }

    /// <summary>Gets the rows of a full row group: as many as fit in <see cref="RowGroupBytes"/> at 316 bytes a row plus
    /// 8 for each factor (12,633 rows with two factors, 5,857 with 50), at most 65,536. Range: 1 to 65,536.</summary>
    public int RowGroupSize => _groups.RowsPerGroup;

    /// <summary>Gets the most bytes the buffered rows have taken (for tests).</summary>
    internal long PeakBufferedBytes => _groups.PeakBufferedBytes;

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row, with one value per factor.</param>
    /// <exception cref="ArgumentException">The row has not one value per factor, or its rates are not three per metric.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Values.Length != _factors || (row.Rates is { } rates && rates.Length != SweepColumns.Rates.Count))
        {
            throw new ArgumentException($"expected {_factors} values and {SweepColumns.Rates.Count} rates (or none), found {row.Values.Length} values and {row.Rates?.Length ?? 0} rates.", nameof(row));
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
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not Parquet sweep results.</exception>
    public static IEnumerable<SweepRow> Read(Stream stream, string source, out IReadOnlyList<string> factorPaths)
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
        try
        {
            paths = SweepColumns.FactorsOf(names, source);
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        factorPaths = paths;
        return ReadRows(reader, new SweepParquetSchema(paths), source);
    }

    private static IEnumerable<SweepRow> ReadRows(ParquetReader reader, SweepParquetSchema schema, string source)
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
                        row = group.Next();
                    }
                    catch (IndexOutOfRangeException e)
                    {
                        throw new InvalidDataException($"{source}, row group {g}: a rate column has fewer values than its definition levels say: {e.Message}", e);
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
            Array.Clear(_next);
            _row = 0;
            return n;
        }

        /// <summary>Makes the next row of the group read last: all rates, or none when the first is null.</summary>
        public SweepRow Next()
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

            return new SweepRow(_point[r], _replication[r], _seed[r], v, x, _errors[r]);
        }

        private bool Present(int rate, int r) => _levels[rate][r] == schema.Rates[rate].MaxDefinitionLevel;
    }
}

/// <summary>The Parquet fields of sweep results.</summary>
internal sealed class SweepParquetSchema
{
    public SweepParquetSchema(string[] factorPaths)
    {
        Values = [.. factorPaths.Select(p => new DataField<double>(p))];
        Rates = [.. SweepColumns.Rates.Select(n => new DataField<double?>(n))];
        var fields = new List<Field> { Point, Replication, Seed };
        fields.AddRange(Values);
        fields.AddRange(Rates);
        fields.Add(Error);
        Schema = new ParquetSchema(fields);
    }

    public DataField<long> Point { get; } = new("point");

    public DataField<int> Replication { get; } = new("replication");

    public DataField<ulong> Seed { get; } = new("seed");

    public DataField<double>[] Values { get; }

    public DataField<double?>[] Rates { get; }

    public DataField<string> Error { get; } = new("error");

    public ParquetSchema Schema { get; }
}
