using System.Globalization;
using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>The chunks of an unfinished output: writing them, finding them and the gaps between them.</summary>
public static partial class SweepFile
{
    private static void WriteChunk(string partial, long first, long end, string[] factors, IReadOnlyList<string> reported, bool contrast, IReadOnlyList<SweepRow> rows)
    {
        string name = Path.Combine(partial, ChunkName(first, end));
        string temporary = name + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            SweepCsv.WriteHeader(writer, factors, reported, mechanisms: true, contrast);
            foreach (var row in rows)
            {
                SweepCsv.WriteRow(writer, row);
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, name, overwrite: true);
    }

    private static string ChunkName(long first, long end) =>
        string.Create(CultureInfo.InvariantCulture, $"points-{first:D13}-{end:D13}.csv");

    private static List<Chunk> Chunks(string partial, long first, long end)
    {
        var chunks = new List<Chunk>();
        foreach (string file in Directory.EnumerateFiles(partial, "points-*.csv"))
        {
            string[] parts = Path.GetFileNameWithoutExtension(file).Split('-');
            if (parts.Length == 3
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long a)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long b)
                && a >= first && b <= end && a < b)
            {
                chunks.Add(new Chunk(file, a, b));
            }
            else
            {
                throw new SweepFileException($"{file}: not a chunk of this run (points {first} to {end}); delete {partial} to start again.");
            }
        }

        chunks.Sort((x, y) => x.First.CompareTo(y.First));
        for (int i = 1; i < chunks.Count; i++)
        {
            if (chunks[i].First < chunks[i - 1].End)
            {
                throw new SweepFileException($"{chunks[i].Path} overlaps {chunks[i - 1].Path}; delete {partial} to start again.");
            }
        }

        return chunks;
    }

    private static IEnumerable<(long First, long End)> Gaps(List<Chunk> chunks, long first, long end)
    {
        long at = first;
        foreach (var chunk in chunks)
        {
            if (chunk.First > at)
            {
                yield return (at, chunk.First);
            }

            at = chunk.End;
        }

        if (at < end)
        {
            yield return (at, end);
        }
    }

    private sealed record Chunk(string Path, long First, long End);
}
