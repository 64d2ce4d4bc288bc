using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>Writes sweep rows to a CSV or Parquet file chosen by its extension.</summary>
public sealed class SweepRowWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter? _csv;
    private readonly SweepParquetWriter? _parquet;

    private SweepRowWriter(FileStream stream, bool parquet, string[] factorPaths)
    {
        _stream = stream;
        if (parquet)
        {
            _parquet = new SweepParquetWriter(stream, factorPaths);
        }
        else
        {
            _csv = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            SweepCsv.WriteHeader(_csv, factorPaths);
        }
    }

    /// <summary>Creates a new file (it must not exist) for rows with the given factor columns.</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">The varied parameter paths, in design order.</param>
    /// <returns>The writer; dispose it to complete the file.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    public static SweepRowWriter Create(string path, IEnumerable<string> factorPaths)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(factorPaths);
        return Create(path, factorPaths, SweepFile.FormatOf(path));
    }

    /// <summary>Creates a new file in the given format whatever its name (a temporary name).</summary>
    internal static SweepRowWriter Create(string path, IEnumerable<string> factorPaths, bool parquet)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new SweepRowWriter(stream, parquet, [.. factorPaths]);
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

/// <summary>Reads sweep rows from a CSV or Parquet results file.</summary>
public static class SweepRowReader
{
    /// <summary>Reads a results file, lazily (the file stays open until the rows are enumerated to the end or the
    /// enumerator is disposed).</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">Receives the varied parameter paths found in the file.</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not sweep results; the message says where.</exception>
    public static IEnumerable<SweepRow> Read(string path, out IReadOnlyList<string> factorPaths)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool parquet = SweepFile.FormatOf(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            if (parquet)
            {
                return Owning(SweepParquetReader.Read(stream, path, out factorPaths), stream);
            }

            var reader = new StreamReader(stream, new UTF8Encoding(false));
            return Owning(SweepCsv.Read(reader, path, out factorPaths), reader);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static IEnumerable<SweepRow> Owning(IEnumerable<SweepRow> rows, IDisposable owner)
    {
        using (owner)
        {
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }
}

/// <summary>How <see cref="SweepFile.Run"/> runs a sweep into a file.</summary>
public sealed record SweepFileOptions
{
    /// <summary>Gets a value indicating whether to continue an interrupted run into the same output (finished points are
    /// kept), or check a finished one and do nothing. The default value is <see langword="false"/>: an existing output or
    /// partial run is an error.</summary>
    public bool Resume { get; init; }

    /// <summary>Gets the shard to run, or <see langword="null"/> (the default) for every point.</summary>
    public SweepShard? Shard { get; init; }

    /// <summary>Gets where the scenario came from (a file path, <c>embedded:NAME</c>), recorded in the sidecar.</summary>
    public string? ScenarioSource { get; init; }

    /// <summary>Gets the fixed overrides applied to the scenario before the sweep (<c>path=value</c>, as given to
    /// <c>--set</c>): recorded in the sidecar and part of the sweep's identity, so a resume with other overrides is
    /// refused naming them.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];
}

/// <summary>What a sweep run or merge wrote.</summary>
/// <param name="Output">The results file.</param>
/// <param name="Points">The design points in the file.</param>
/// <param name="PointsRun">The points this call ran (fewer after a resume; 0 when the output was already complete).</param>
/// <param name="FailedPoints">Points that could not run (their rows hold an error).</param>
/// <param name="AlreadyComplete">The output was complete before this call.</param>
public sealed record SweepSummary(string Output, long Points, long PointsRun, long FailedPoints, bool AlreadyComplete)
{
    /// <summary>Gets the points that played the most replications of a precision target without meeting it.</summary>
    public long PointsAtCap { get; init; }
}

/// <summary>A sweep's output cannot be written as asked: it exists, it belongs to a different sweep, or its extension
/// is not supported. The message names the file and what to do.</summary>
public sealed class SweepFileException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SweepFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    public SweepFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SweepFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
