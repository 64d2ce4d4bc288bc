using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes rows to a Parquet file in row groups sized by the memory their buffered values take. Each row's values are
/// copied into the columns' buffers (<see cref="ParquetColumn{TRow}"/>), which are reused for every row group and hold
/// <see cref="RowsPerGroup"/> rows, as many as fit in the byte budget; a group ends when it has that many rows, or
/// earlier when the strings it holds (error messages) reach the budget too. So the writer holds at most the budget in
/// buffers and the budget plus one string in strings. Where a group ends depends only on the rows, so the same rows give
/// the same bytes however they arrive.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal sealed class ParquetRowGroups<TRow> : IDisposable
{
    /// <summary>The most rows a row group holds, however narrow the rows (the row count of every group before groups
    /// were sized by bytes).</summary>
    public const int MaxRowsPerGroup = 65_536;

    /// <summary>The first capacity of the buffers, in rows; they double from there up to <see cref="RowsPerGroup"/>,
    /// so a small file takes little memory.</summary>
    private const int FirstCapacity = 1_024;

    private readonly ParquetWriter _writer;
    private readonly ParquetColumn<TRow>[] _columns;
    private readonly long _budget;
    private int _capacity;
    private int _count;
    private long _extra;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="ParquetRowGroups{TRow}"/> class.</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="columns">The columns, in schema order.</param>
    /// <param name="budget">The most bytes the buffers take (values, definition levels, string references), and the
    /// bytes of strings at which a group ends early.</param>
    /// <param name="metadata">Key-value metadata for the file's footer (where the file came from), or
    /// <see langword="null"/> for none.</param>
    public ParquetRowGroups(Stream stream, IReadOnlyList<ParquetColumn<TRow>> columns, long budget, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _columns = [.. columns];
        _budget = budget;
        BytesPerRow = _columns.Sum(c => c.BytesPerRow);
        RowsPerGroup = (int)Math.Clamp(budget / BytesPerRow, 1, MaxRowsPerGroup);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_columns.Select(c => (Field)c.Field)), stream).GetAwaiter().GetResult();
        if (metadata is not null)
        {
            // Written when the file is completed.
            _writer.CustomMetadata = metadata;
        }
    }

    /// <summary>Gets the bytes a row takes in the buffers, strings aside.</summary>
    public int BytesPerRow { get; }

    /// <summary>Gets the rows of a full row group: as many as fit in the budget, at most <see cref="MaxRowsPerGroup"/>.</summary>
    public int RowsPerGroup { get; }

    /// <summary>Gets the most bytes the buffers and the strings they counted have held at once: the buffers' capacity in
    /// rows times <see cref="BytesPerRow"/>, plus the strings of the rows buffered.</summary>
    public long PeakBufferedBytes { get; private set; }

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row.</param>
    /// <param name="owner">The public writer, named if this one is disposed.</param>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(TRow row, object owner)
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        if (_count == _capacity)
        {
            _capacity = Math.Min(RowsPerGroup, Math.Max(FirstCapacity, 2 * _capacity));
            foreach (var column in _columns)
            {
                column.Resize(_capacity);
            }
        }

        foreach (var column in _columns)
        {
            _extra += column.Add(row, _count);
        }

        _count++;
        long buffered = ((long)_capacity * BytesPerRow) + _extra;
        PeakBufferedBytes = Math.Max(PeakBufferedBytes, buffered);
        if (_count == RowsPerGroup || _extra >= _budget)
        {
            Flush();
        }
    }

    /// <summary>Writes the buffered rows and completes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                column.Write(group, _count);
            }
        }

        _count = 0;
        _extra = 0;
    }
}
