using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Buffers rows and writes them to a Parquet file in row groups of a fixed size, so that the same rows give the same
/// bytes however they arrive. The caller supplies the schema and how a group's columns are written.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal sealed class ParquetRowGroups<TRow> : IDisposable
{
    private readonly ParquetWriter _writer;
    private readonly Action<ParquetRowGroupWriter, List<TRow>> _writeColumns;
    private readonly int _groupSize;
    private readonly List<TRow> _buffer;
    private bool _disposed;

    public ParquetRowGroups(Stream stream, ParquetSchema schema, int groupSize, Action<ParquetRowGroupWriter, List<TRow>> writeColumns, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        if (metadata is not null)
        {
            // Key-value metadata in the file's footer (where the file came from), written when the file is completed.
            _writer.CustomMetadata = metadata;
        }

        _groupSize = groupSize;
        _writeColumns = writeColumns;
        _buffer = new List<TRow>(groupSize);
    }

    /// <summary>Buffers one row; a full row group is written out.</summary>
    public void Write(TRow row, object owner)
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        _buffer.Add(row);
        if (_buffer.Count == _groupSize)
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

    /// <summary>Waits for a column write (the writers are synchronous).</summary>
    public static void Wait(Task task) => task.GetAwaiter().GetResult();

    /// <summary>Waits for a column write (the writers are synchronous).</summary>
    public static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            _writeColumns(group, _buffer);
        }

        _buffer.Clear();
    }
}
