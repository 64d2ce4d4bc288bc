using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.Cli;

/// <summary>Any table file read as named columns of text, for commands that take columns by name (<c>discover</c>): a
/// sweep or contrast file, or any CSV (from Python, R, a spreadsheet). CSV is RFC 4180 (quoted fields may hold commas,
/// doubled quotes and line breaks; <c>\n</c> or <c>\r\n</c> line ends; a UTF-8 byte order mark is skipped); Parquet
/// columns are read whole, numbers written back in round-trip form with the invariant culture, nulls as empty fields.</summary>
internal sealed class ColumnFile
{
    private readonly Dictionary<string, int> _index;

    private ColumnFile(string path, string[] names, string[][] columns, long[] lines)
    {
        Path = path;
        Names = names;
        Columns = columns;
        Lines = lines;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++)
        {
            _index.TryAdd(names[j], j);
        }
    }

    /// <summary>Gets the file, as named on the command line.</summary>
    public string Path { get; }

    /// <summary>Gets the column names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the columns: each one string a row, empty for a missing value.</summary>
    public IReadOnlyList<string[]> Columns { get; }

    /// <summary>Gets the line of the file each row starts on (CSV), or an empty array (Parquet).</summary>
    public IReadOnlyList<long> Lines { get; }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Length;

    /// <summary>The index of a column, or −1.</summary>
    /// <param name="name">The column's name, exactly (case-sensitive).</param>
    /// <returns>Its index in <see cref="Names"/>.</returns>
    public int IndexOf(string name) => _index.TryGetValue(name, out int j) ? j : -1;

    /// <summary>Where row <paramref name="row"/> (0-based) is, for messages: <c>row 3 (line 4)</c>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The place.</returns>
    public string Where(int row) => Lines.Count > row
        ? string.Create(CultureInfo.InvariantCulture, $"row {row + 1} (line {Lines[row]})")
        : string.Create(CultureInfo.InvariantCulture, $"row {row + 1}");

    /// <summary>Reads a <c>.csv</c> or <c>.parquet</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its columns.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a table: no header, a row of another width, an unclosed
    /// quote, duplicate column names, or not Parquet; or the extension is neither; the message says where.</exception>
    public static ColumnFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        string extension = System.IO.Path.GetExtension(path);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCsv(path, File.ReadAllText(path, new UTF8Encoding(false)));
        }

        if (string.Equals(extension, ".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return ReadParquet(path);
        }

        throw new InvalidDataException($"{path}: expected a .csv or .parquet file.");
    }

    /// <summary>Parses RFC 4180 text: the first record is the header.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="text">The text.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="InvalidDataException">See <see cref="Read"/>.</exception>
    internal static ColumnFile ReadCsv(string path, string text)
    {
        var records = new List<(List<string> Fields, long Line)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        bool quoted = false, any = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    if (any || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        records.Add((fields, start));
                    }

                    fields = [];
                    field.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {start}: a quoted field is not closed."));
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((fields, start));
        }

        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty file: expected a header line naming the columns.");
        }

        string[] names = [.. records[0].Fields];
        CheckNames(path, names);
        var columns = new string[names.Length][];
        for (int j = 0; j < names.Length; j++)
        {
            columns[j] = new string[records.Count - 1];
        }

        var lines = new long[records.Count - 1];
        for (int r = 1; r < records.Count; r++)
        {
            var (row, at) = records[r];
            if (row.Count != names.Length)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {at}: expected {names.Length} fields (as the header), found {row.Count}."));
            }

            for (int j = 0; j < names.Length; j++)
            {
                columns[j][r - 1] = row[j];
            }

            lines[r - 1] = at;
        }

        return new ColumnFile(path, names, columns, lines);
    }

    private static ColumnFile ReadParquet(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                DataField[] fields = reader.Schema.GetDataFields();
                string[] names = [.. fields.Select(f => f.Name)];
                CheckNames(path, names);
                var columns = names.Select(_ => new List<string>()).ToArray();
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    for (int j = 0; j < fields.Length; j++)
                    {
                        columns[j].AddRange(ReadColumn(group, fields[j], n));
                    }
                }

                return new ColumnFile(path, names, [.. columns.Select(c => c.ToArray())], []);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ArgumentException or InvalidOperationException or ParquetException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"{path}: not a Parquet table this command can read: {e.Message}", e);
        }
    }

    /// <summary>One column of a row group as text: numbers in round-trip form, nulls empty; a column of another type
    /// (dates, bytes) as its type's name in angle brackets, which no number parses.</summary>
    private static IEnumerable<string> ReadColumn(ParquetRowGroupReader group, DataField field, int n)
    {
        var c = CultureInfo.InvariantCulture;
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type switch
        {
            _ when type == typeof(double) => Numbers<double>(group, field, n, v => v.ToString("R", c)),
            _ when type == typeof(float) => Numbers<float>(group, field, n, v => ((double)v).ToString("R", c)),
            _ when type == typeof(int) => Numbers<int>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(long) => Numbers<long>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(ulong) => Numbers<ulong>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(uint) => Numbers<uint>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(short) => Numbers<short>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(byte) => Numbers<byte>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(decimal) => Numbers<decimal>(group, field, n, v => v.ToString(c)),
            _ when type == typeof(bool) => Numbers<bool>(group, field, n, v => v ? "true" : "false"),
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => Strings(group, field, n),
            _ => Enumerable.Repeat("<" + type.Name + ">", n),
        };
    }

    private static string[] Numbers<T>(ParquetRowGroupReader group, DataField field, int n, Func<T, string> text)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            group.ReadAsync<T>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(v => v is { } x ? text(x) : "")];
        }

        var required = new T[n];
        group.ReadAsync<T>(field, required.AsMemory()).AsTask().GetAwaiter().GetResult();
        return [.. required.Select(text)];
    }

    private static string[] Strings(ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return [.. values.Select(v => v ?? "")];
    }

    private static void CheckNames(string path, string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                throw new InvalidDataException($"{path}: the column name '{name}' appears twice in the header.");
            }
        }
    }
}
