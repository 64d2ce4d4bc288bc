using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>Writes sweep rows to a CSV or Parquet file chosen by its extension.</summary>
public sealed class SweepRowWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter? _csv;
    private readonly ISweepRowSink? _parquet;
    private readonly bool _mechanisms;
    private readonly bool _contrast;

    private SweepRowWriter(FileStream stream, bool parquet, string[] factorPaths, string[] reported, bool mechanisms, bool contrast)
    {
        _stream = stream;
        _mechanisms = mechanisms;
        _contrast = contrast;
        if (parquet && contrast)
        {
            stream.Dispose();
            File.Delete(stream.Name);
            throw new SweepFileException($"{stream.Name}: a contrast's results are written as CSV only (.csv); Parquet holds sweeps.");
        }

        if (parquet)
        {
            _parquet = SweepRowFormat.Parquet(stream.Name).Create(stream, factorPaths, reported, mechanisms);
        }
        else
        {
            _csv = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            SweepCsv.WriteHeader(_csv, factorPaths, reported, mechanisms, contrast);
        }
    }

    /// <summary>Creates a new file (it must not exist) for rows with the given factor columns (and the mechanism
    /// columns).</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths) => Create(path, factorPaths, []);

    /// <summary>Creates a new file (it must not exist) for rows with the given factor and reporter columns (and the
    /// mechanism columns).</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, IEnumerable<string> reported) =>
        Create(path, factorPaths, reported, mechanisms: true);

    /// <summary>Creates a new file (it must not exist) for rows with the given factor and reporter columns, with or
    /// without the mechanism columns (without: for rows read from a file written before them, sidecar formatVersion
    /// 2).</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <param name="mechanisms">Whether the rows record the attribution by mechanism
    /// (<see cref="SweepRow.RecordsMechanisms"/>); every row written must agree.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(factorPaths);
        ArgumentNullException.ThrowIfNull(reported);
        return Create(path, factorPaths, reported, mechanisms, SweepFile.FormatOf(path));
    }

    /// <summary>Creates a new file in the given format whatever its name (a temporary name).</summary>
    internal static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool mechanisms, bool parquet, bool contrast = false)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new SweepRowWriter(stream, parquet, [.. factorPaths], [.. reported], mechanisms, contrast);
    }

    /// <summary>Writes one row.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentException">The row records the attribution by mechanism and the file has no columns
    /// for it, or the reverse (or, in Parquet, its values, counts or reporters are not the file's).</exception>
    public void Write(SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.RecordsMechanisms != _mechanisms)
        {
            throw new ArgumentException(_mechanisms
                ? "the row does not record the attribution by mechanism (a row of a file written before the mechanism columns), but this file has its columns: create the writer with mechanisms: false."
                : "the row records the attribution by mechanism, but this file has no columns for it: create the writer with mechanisms: true.", nameof(row));
        }

        if (row.RecordsContrast != _contrast)
        {
            throw new ArgumentException(_contrast
                ? "the row is not a contrast's, but this file has the contrast columns."
                : "the row is a contrast's, but this file has no contrast columns.", nameof(row));
        }

        if (_parquet is not null)
        {
            _parquet.Write(row);
        }
        else
        {
            SweepCsv.WriteRow(_csv!, row);
        }
    }

    /// <summary>Completes and closes the file (flushed to disk).</summary>
    public void Dispose()
    {
        _parquet?.Dispose();
        _csv?.Flush();
        _stream.Flush(flushToDisk: true);
        _csv?.Dispose();
        _stream.Dispose();
    }
}
