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
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                SweepRow[] rows;
                try
                {
                    rows = ReadGroup(reader, g, schema);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
                {
                    throw new InvalidDataException($"{source}, row group {g}: {e.Message}", e);
                }

                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static SweepRow[] ReadGroup(ParquetReader reader, int g, SweepParquetSchema schema)
    {
        using var group = reader.OpenRowGroupReader(g);
        int n = checked((int)group.RowCount);
        var point = new long[n];
        var replication = new int[n];
        var seed = new ulong[n];
        Wait(group.ReadAsync<long>(schema.Point, point.AsMemory()));
        Wait(group.ReadAsync<int>(schema.Replication, replication.AsMemory()));
        Wait(group.ReadAsync<ulong>(schema.Seed, seed.AsMemory()));
        var values = new double[schema.Values.Length][];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new double[n];
            Wait(group.ReadAsync<double>(schema.Values[i], values[i].AsMemory()));
        }

        var rates = new double?[schema.Rates.Length][];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = new double?[n];
            Wait(group.ReadAsync<double>(schema.Rates[i], rates[i].AsMemory()));
        }

        var errors = new string?[n];
        Wait(group.ReadAsync(schema.Error, errors.AsMemory()));
        var rows = new SweepRow[n];
        for (int r = 0; r < n; r++)
        {
            var v = new double[values.Length];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = values[i][r];
            }

            double[]? x = null;
            if (rates.Length > 0 && rates[0][r] is not null)
            {
                x = new double[rates.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = rates[i][r] ?? double.NaN;
                }
            }

            rows[r] = new SweepRow(point[r], replication[r], seed[r], v, x, errors[r]);
        }

        return rows;
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();
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
