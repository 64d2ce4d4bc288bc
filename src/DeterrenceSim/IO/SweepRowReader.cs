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
