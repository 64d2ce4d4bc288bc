using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Sweep results as Apache Parquet (Parquet.Net), with the columns of <see cref="SweepColumns"/>: <c>point</c> int64,
/// <c>replication</c> int32, <c>seed</c> uint64, the parameter values double, the rates nullable double (null when the
/// point could not run), <c>error</c> a nullable string, then <c>trials</c> and the counts nullable int64, then each
/// reporter's rates and count, then the mechanism columns (the estimates and bounds nullable double, the counts and
/// scaled sums nullable int64). Each row's values are copied into column buffers that are
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

    private readonly string[] _reported;
    private readonly bool _mechanisms;
    private readonly int _factors;
    private readonly ParquetRowGroups<SweepRow> _groups;

    /// <summary>Initializes a new instance of the <see cref="SweepParquetWriter"/> class (with the mechanism columns).</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    public SweepParquetWriter(Stream stream, IEnumerable<string> factorPaths)
        : this(stream, factorPaths, [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepParquetWriter"/> class for a sweep with reporters (with
    /// the mechanism columns).</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order: each row's <see cref="SweepRow.Reported"/>.</param>
    public SweepParquetWriter(Stream stream, IEnumerable<string> factorPaths, IEnumerable<string> reported)
        : this(stream, factorPaths, reported, mechanisms: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepParquetWriter"/> class for a sweep with reporters, with
    /// or without the mechanism columns (without: for rows of a file written before them, sidecar formatVersion 2).</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order: each row's <see cref="SweepRow.Reported"/>.</param>
    /// <param name="mechanisms">Whether the rows record the attribution by mechanism
    /// (<see cref="SweepRow.RecordsMechanisms"/>); every row written must agree.</param>
    public SweepParquetWriter(Stream stream, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(factorPaths);
        string[] names = [.. reported];
        var schema = new SweepParquetSchema([.. factorPaths], counts: true, names, mechanisms);
        _reported = names;
        _mechanisms = mechanisms;
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

        // A measure's estimate and Wilson bounds, from its count; the built-in ones before error, reporters' at the end.
        void AddRates(Measure measure, int k)
        {
            columns.Add(ParquetColumn.Optional(schema.Rates[k], (SweepRow r) => r.Ran ? r[measure].Estimate : null));
            columns.Add(ParquetColumn.Optional(schema.Rates[k + 1], (SweepRow r) => r.Ran ? r[measure].Lower : (double?)null));
            columns.Add(ParquetColumn.Optional(schema.Rates[k + 2], (SweepRow r) => r.Ran ? r[measure].Upper : (double?)null));
        }

        foreach (var measure in Measure.All)
        {
            AddRates(measure, 3 * measure.Index);
        }

        columns.Add(ParquetColumn.Text(schema.Error, (SweepRow r) => r.Error, shared: false));
        columns.Add(ParquetColumn.Optional(schema.Trials!, (SweepRow r) => r.Ran ? r.Trials : (long?)null));
        for (int i = 0; i < SweepColumns.Counts.Count; i++)
        {
            int k = i;
            columns.Add(ParquetColumn.Optional(schema.Counts[i], (SweepRow r) => r.Counts is { } counts ? counts[k] : (long?)null));
        }

        for (int j = 0; j < names.Length; j++)
        {
            var measure = Measure.Reported(names[j]);
            AddRates(measure, 3 * (Measure.All.Count + j));
            columns.Add(ParquetColumn.Optional(schema.Counts[Measure.All.Count + j], (SweepRow r) => r.Ran ? r[measure].Count : (long?)null));
        }

        // The mechanism columns: a rate's estimate, bounds and count; a Shapley share's mean, t bounds and scaled sums.
        for (int k = 0; mechanisms && k < Measure.Mechanisms.Count; k++)
        {
            var measure = Measure.Mechanisms[k];
            int slot = measure.MechanismSlot;
            if (measure.IsMean)
            {
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[3 * k], (SweepRow r) => r.Ran ? r.Mean(measure).Mean : null));
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[(3 * k) + 1], (SweepRow r) => r.Ran ? r.Mean(measure).Lower : (double?)null));
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[(3 * k) + 2], (SweepRow r) => r.Ran ? r.Mean(measure).Upper : (double?)null));
                columns.Add(ParquetColumn.Optional(schema.MechanismSums[slot], (SweepRow r) => r.Ran ? r.MechanismSums![slot] : (long?)null));
                columns.Add(ParquetColumn.Optional(schema.MechanismSums[slot + 1], (SweepRow r) => r.Ran ? r.MechanismSums![slot + 1] : (long?)null));
            }
            else
            {
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[3 * k], (SweepRow r) => r.Ran ? r[measure].Estimate : null));
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[(3 * k) + 1], (SweepRow r) => r.Ran ? r[measure].Lower : (double?)null));
                columns.Add(ParquetColumn.Optional(schema.MechanismEstimates[(3 * k) + 2], (SweepRow r) => r.Ran ? r[measure].Upper : (double?)null));
                columns.Add(ParquetColumn.Optional(schema.MechanismSums[slot], (SweepRow r) => r.Ran ? r[measure].Count : (long?)null));
            }
        }

        _groups = new ParquetRowGroups<SweepRow>(stream, columns, RowGroupBytes);
    }

    /// <summary>Gets the rows of a full row group: as many as fit in <see cref="RowGroupBytes"/> at 1,336 bytes a row
    /// with the mechanism columns (424 without) plus 8 for each factor and 48 for each reporter (3,102 rows with two
    /// factors, 2,416 with 50), at most 65,536. Range: 1 to 65,536.</summary>
    public int RowGroupSize => _groups.RowsPerGroup;

    /// <summary>Gets the most bytes the buffered rows have taken (for tests).</summary>
    internal long PeakBufferedBytes => _groups.PeakBufferedBytes;

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row, with one value per factor.</param>
    /// <exception cref="ArgumentException">The row has not one value per factor, not one count per measure, not the
    /// writer's reporters, or does not record the attribution by mechanism when the file has its columns (or the
    /// reverse).</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Values.Length != _factors || (row.Counts is { } counts && counts.Length != Measure.All.Count + _reported.Length)
            || !row.Reported.Select(m => m.Name).SequenceEqual(_reported, StringComparer.Ordinal) || row.RecordsMechanisms != _mechanisms
            || (_mechanisms && row.Ran && row.MechanismSums?.Length != Engine.MechanismLayout.RowLength))
        {
            throw new ArgumentException($"expected {_factors} values, {Measure.All.Count + _reported.Length} counts (or none), the reporters ({string.Join(", ", _reported)}) and {(_mechanisms ? $"{Engine.MechanismLayout.RowLength} mechanism sums (or none if the point could not run)" : "no attribution by mechanism")}, found {row.Values.Length} values, {row.Counts?.Length ?? 0} counts, the reporters ({string.Join(", ", row.Reported)}) and {(row.RecordsMechanisms ? $"{row.MechanismSums?.Length ?? 0} mechanism sums" : "no attribution by mechanism")}.", nameof(row));
        }

        _groups.Write(row, this);
    }

    /// <summary>Writes the buffered rows and completes the file.</summary>
    public void Dispose() => _groups.Dispose();
}
