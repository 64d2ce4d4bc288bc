using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>Reads sweep rows from a CSV or Parquet results file.</summary>
public static class SweepRowReader
{
    /// <summary>Reads a results file, lazily (the file stays open until the rows are enumerated to the end or the
    /// enumerator is disposed).</summary>
    /// <param name="path">The file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="factorPaths">Receives the varied parameter paths found in the file.</param>
    /// <param name="trials">The trials (rounds, or periods) of every row, needed only for a file written before the
    /// count columns (DeterrenceSim 0.1.0): its sidecar's rounds or periods. A file with count columns ignores it.</param>
    /// <returns>The rows in file order; each row's rates are recomputed from its counts and must equal the file's.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not sweep results, or a rate is not its count's rate; the
    /// message says where. A file without count columns when <paramref name="trials"/> is not given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static IEnumerable<SweepRow> Read(string path, out IReadOnlyList<string> factorPaths, long? trials = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool parquet = SweepFile.FormatOf(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            if (parquet)
            {
                return Owning(SweepRowFormat.Parquet(path).Read(stream, path, out factorPaths, trials), stream);
            }

            var reader = new StreamReader(stream, new UTF8Encoding(false));
            return Owning(SweepCsv.Read(reader, path, out factorPaths, trials), reader);
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
