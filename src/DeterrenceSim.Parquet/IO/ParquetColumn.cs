using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// One column of the row group a <see cref="ParquetRowGroups{TRow}"/> is filling: each row's value is copied, as it
/// arrives, into a buffer the column owns and reuses for every row group, and the column chunk is written from that
/// buffer (no array a row group, no row kept). Made by <see cref="ParquetColumn"/>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal abstract class ParquetColumn<TRow>
{
    /// <summary>Gets the column's field in the schema.</summary>
    public abstract DataField Field { get; }

    /// <summary>Gets the bytes a buffered row takes in this column: its value, definition level or reference.</summary>
    public abstract int BytesPerRow { get; }

    /// <summary>Grows the buffer to <paramref name="rows"/> rows, keeping the rows buffered.</summary>
    /// <param name="rows">The new capacity in rows.</param>
    public abstract void Resize(int rows);

    /// <summary>Copies a row's value into the buffer.</summary>
    /// <param name="row">The row.</param>
    /// <param name="index">The row's index in the row group: 0, 1, ...</param>
    /// <returns>The bytes the buffer now holds for the row beyond <see cref="BytesPerRow"/> (a string's characters).</returns>
    public abstract long Add(TRow row, int index);

    /// <summary>Writes the buffered rows as the column's chunk of a row group and empties the buffer.</summary>
    /// <param name="group">The row group.</param>
    /// <param name="rows">The rows buffered.</param>
    public abstract void Write(ParquetRowGroupWriter group, int rows);

    /// <summary>Waits for a column write (the writers are synchronous).</summary>
    /// <param name="task">The write.</param>
    protected static void Wait(Task task) => task.GetAwaiter().GetResult();
}

/// <summary>Makes the columns of <see cref="ParquetRowGroups{TRow}"/>: required values, optional values and text.</summary>
internal static class ParquetColumn
{
    /// <summary>A column with a value in every row.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="value">The row's value.</param>
    /// <returns>The column.</returns>
    public static ParquetColumn<TRow> Required<TRow, T>(DataField<T> field, Func<TRow, T> value)
        where T : unmanaged => new RequiredColumn<TRow, T>(field, value);

    /// <summary>A column whose value may be missing (null).</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="field">The field, nullable.</param>
    /// <param name="value">The row's value, or <see langword="null"/>.</param>
    /// <returns>The column.</returns>
    public static ParquetColumn<TRow> Optional<TRow, T>(DataField<T?> field, Func<TRow, T?> value)
        where T : unmanaged => new OptionalColumn<TRow, T>(field, value);

    /// <summary>A column of strings, each possibly null.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="field">The field.</param>
    /// <param name="value">The row's string, or <see langword="null"/>.</param>
    /// <param name="shared">Whether the strings are few and held elsewhere anyway (names from the scenario or an enum):
    /// then only the references count towards the buffer's bytes; otherwise each string that differs from the previous
    /// row's counts with its characters.</param>
    /// <returns>The column.</returns>
    public static ParquetColumn<TRow> Text<TRow>(DataField<string> field, Func<TRow, string?> value, bool shared) =>
        new TextColumn<TRow>(field, value, shared);

    private sealed class RequiredColumn<TRow, T>(DataField<T> dataField, Func<TRow, T> value) : ParquetColumn<TRow>
        where T : unmanaged
    {
        private T[] _values = [];

        public override DataField Field => dataField;

        public override int BytesPerRow => Unsafe.SizeOf<T>();

        public override void Resize(int rows) => Array.Resize(ref _values, rows);

        public override long Add(TRow row, int index)
        {
            _values[index] = value(row);
            return 0;
        }

        public override void Write(ParquetRowGroupWriter group, int rows) =>
            Wait(group.WriteAsync<T>(dataField, new ReadOnlyMemory<T>(_values, 0, rows)));
    }

    /// <summary>Non-null values packed at the front of one buffer, with a definition level for every row: what
    /// Parquet.Net would make of an array of nullable values, without the array.</summary>
    private sealed class OptionalColumn<TRow, T>(DataField<T?> dataField, Func<TRow, T?> value) : ParquetColumn<TRow>
        where T : unmanaged
    {
        private T[] _values = [];
        private int[] _levels = [];
        private int _count;

        public override DataField Field => dataField;

        public override int BytesPerRow => Unsafe.SizeOf<T>() + sizeof(int);

        public override void Resize(int rows)
        {
            Array.Resize(ref _values, rows);
            Array.Resize(ref _levels, rows);
        }

        public override long Add(TRow row, int index)
        {
            if (value(row) is T present)
            {
                _values[_count++] = present;
                _levels[index] = dataField.MaxDefinitionLevel;
            }
            else
            {
                _levels[index] = dataField.MaxDefinitionLevel - 1;
            }

            return 0;
        }

        public override void Write(ParquetRowGroupWriter group, int rows)
        {
            Wait(group.WriteAllPartsAsync<T>(dataField, new ReadOnlyMemory<T>(_values, 0, _count), new ReadOnlyMemory<int>(_levels, 0, rows), null, CancellationToken.None));
            _count = 0;
        }
    }

    private sealed class TextColumn<TRow>(DataField<string> dataField, Func<TRow, string?> value, bool shared) : ParquetColumn<TRow>
    {
        private string?[] _values = [];

        public override DataField Field => dataField;

        public override int BytesPerRow => IntPtr.Size;

        public override void Resize(int rows) => Array.Resize(ref _values, rows);

        public override long Add(TRow row, int index)
        {
            string? text = value(row);
            string? previous = index > 0 ? _values[index - 1] : null;
            if (text is not null && string.Equals(text, previous, StringComparison.Ordinal))
            {
                // Rows of one failed point repeat its message: keep one copy.
                _values[index] = previous;
                return 0;
            }

            _values[index] = text;
            return shared || text is null ? 0 : 24 + (2L * text.Length);
        }

        public override void Write(ParquetRowGroupWriter group, int rows)
        {
            Wait(group.WriteAsync(dataField, new ArraySegment<string?>(_values, 0, rows)));
            Array.Clear(_values, 0, rows);
        }
    }
}
