using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>Writes sweep rows to a CSV or Parquet file chosen by its extension.</summary>
public sealed class SweepRowWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter? _csv;
    private readonly ISweepRowSink? _parquet;

    private SweepRowWriter(FileStream stream, bool parquet, string[] factorPaths, string[] reported)
    {
        _stream = stream;
        if (parquet)
        {
            _parquet = SweepRowFormat.Parquet(stream.Name).Create(stream, factorPaths, reported);
        }
        else
        {
            _csv = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            SweepCsv.WriteHeader(_csv, factorPaths, reported);
        }
    }

    /// <summary>Creates a new file (it must not exist) for rows with the given factor columns.</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths) => Create(path, factorPaths, []);

    /// <summary>Creates a new file (it must not exist) for rows with the given factor and reporter columns.</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <param name="reported">The names of the sweep's reporters, in order.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, IEnumerable<string> reported)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(factorPaths);
        ArgumentNullException.ThrowIfNull(reported);
        return Create(path, factorPaths, reported, SweepFile.FormatOf(path));
    }

    /// <summary>Creates a new file in the given format whatever its name (a temporary name).</summary>
    internal static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, IEnumerable<string> reported, bool parquet)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new SweepRowWriter(stream, parquet, [.. factorPaths], [.. reported]);
    }

    /// <summary>Writes one row.</summary>
    /// <param name="row">The row.</param>
    public void Write(SweepRow row)
    {
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
