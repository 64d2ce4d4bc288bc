using System.Text;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>
/// Runs a sweep into a results file, CSV or Parquet by its extension (<c>.csv</c>, <c>.parquet</c>), safely:
/// <list type="bullet">
/// <item>Rows are streamed as batches of points finish into numbered chunk files in a folder beside the output
/// (<c>OUTPUT.partial/</c>), each written under a temporary name and renamed; a killed run loses only the points in
/// flight.</item>
/// <item>The output itself appears, by an atomic rename, only when every point is done, with a sidecar
/// <c>OUTPUT.sweep.json</c> (design, master seed, library version, scenario hash, machine, times): a file under the
/// output's name is always complete.</item>
/// <item>An existing output or partial folder is an error unless resuming; resuming checks that the design, scenario,
/// seed, options and library version are those of the partial run, skips finished points and gives a file identical to
/// an uninterrupted run.</item>
/// <item>The rows hold no time or machine data, so the bytes are the same for any thread count, shard count or number
/// of resumes.</item>
/// </list>
/// </summary>
public static partial class SweepFile
{
    /// <summary>The suffix of the sidecar beside an output.</summary>
    public const string SidecarSuffix = ".sweep.json";

    /// <summary>The suffix of the folder of chunks of an unfinished output.</summary>
    public const string PartialSuffix = ".partial";

    private const string Manifest = "manifest.json";

    /// <summary>Runs a sweep (or one shard of it) into a file.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="output">The results file: <c>.csv</c> or <c>.parquet</c>.</param>
    /// <param name="options">Resume, shard and what to record; <see langword="null"/> for a fresh run of every point.</param>
    /// <param name="progress">Receives progress in points, or <see langword="null"/>.</param>
    /// <param name="failedPoint">Receives the first row of each point that could not run (its error says why), as the
    /// output is assembled; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels between points; finished chunks are kept for a resume.</param>
    /// <returns>What was run and written.</returns>
    /// <exception cref="SweepFileException">The output's extension is not supported; a name derived from it is longer than the file system allows (<see cref="OutputPaths"/>); its folder does not exist; it, its sidecar or its partial run
    /// exists (without <see cref="SweepFileOptions.Resume"/>); the run to resume is a different sweep; a chunk or the
    /// finished output is damaged; or another process is running the same output.</exception>
    /// <exception cref="IOException">The file system refused a write.</exception>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public static SweepSummary Run(Sweep sweep, string output, SweepFileOptions? options = null, IProgress<SweepProgress>? progress = null, Action<SweepRow>? failedPoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new SweepFileOptions();
        FormatOf(output);
        CheckNames(output, merge: false);
        var started = DateTimeOffset.UtcNow;
        var shard = options.Shard;
        string identity = Identity(sweep, shard, options, options.Overrides ?? [], options.Variants ?? []);
        string partial = output + PartialSuffix;
        string sidecar = output + SidecarSuffix;
        long first = shard?.First(sweep.Design.PointCount) ?? 0;
        long end = shard?.End(sweep.Design.PointCount) ?? sweep.Design.PointCount;
        foreach (string path in new[] { output, sidecar })
        {
            if (Directory.Exists(path))
            {
                throw new SweepFileException($"{path} is a folder: choose another output.");
            }
        }

        if (File.Exists(partial))
        {
            throw new SweepFileException($"{partial} is a file, where the sweep keeps its unfinished chunks: delete it or choose another output.");
        }

        if (File.Exists(output))
        {
            if (!options.Resume)
            {
                throw new SweepFileException($"{output} exists: resume (--resume, SweepFileOptions.Resume) to check it or finish it, or choose another output (results are never overwritten).");
            }

            CheckSameSweep(ReadIdentity(sidecar), identity, sidecar);
            var complete = CheckFile(sweep.Design, sweep.Options, sweep.IsContrast, output, first, end, ExpectedRows(sidecar), "delete it and its sidecar and run the sweep again");
            if (Directory.Exists(partial))
            {
                // A run killed after its output was renamed into place: its chunks are no longer needed.
                using (Lock(partial, output))
                {
                    DeleteTemporaries(output);
                    DeleteTemporaries(sidecar);
                }

                Directory.Delete(partial, recursive: true);
            }
            return new SweepSummary(output, end - first, 0, complete.FailedPoints, true) { PointsAtCap = complete.PointsAtCap };
        }

        bool resuming = Directory.Exists(partial);
        if (resuming && !options.Resume)
        {
            // Say so if it is running now: deleting the folder would damage that run.
            using (Lock(partial, output))
            {
            }

            throw new SweepFileException($"{partial} holds an unfinished run: resume it (--resume, SweepFileOptions.Resume), or delete the folder to start again.");
        }

        if (!resuming && File.Exists(sidecar))
        {
            throw new SweepFileException($"{sidecar} exists without {output}: it is left from an earlier run; delete it or choose another output.");
        }

        Directory.CreateDirectory(partial);
        using var lease = Lock(partial, output);
        DeleteTemporaries(output);
        DeleteTemporaries(sidecar);
        if (resuming && File.Exists(Path.Combine(partial, Manifest)))
        {
            CheckSameSweep(ReadIdentity(Path.Combine(partial, Manifest)), identity, Path.Combine(partial, Manifest));
        }
        else if (resuming && Directory.EnumerateFiles(partial, "points-*").Any())
        {
            throw new SweepFileException($"{Path.Combine(partial, Manifest)}: missing: the partial folder is not a sweep's; delete it to start again.");
        }
        else
        {
            WriteAtomically(Path.Combine(partial, Manifest), identity);
        }

        // Chunks left by an interrupted run are checked before anything else runs.
        var chunks = Chunks(partial, first, end);
        foreach (var chunk in chunks)
        {
            CheckFile(sweep.Design, sweep.Options, sweep.IsContrast, chunk.Path, chunk.First, chunk.End, null, "delete this chunk and rerun with --resume to recompute its points");
        }

        long done = chunks.Sum(c => c.End - c.First);
        long todo = end - first - done;
        long previous = 0;
        var factors = sweep.Design.Factors.Select(f => f.Path).ToArray();
        foreach (var gap in Gaps(chunks, first, end).ToList())
        {
            long offset = previous;
            long cursor = gap.First;
            sweep.Run(
                gap.First,
                gap.End,
                rows =>
                {
                    long batchEnd = rows[^1].Point + 1;
                    WriteChunk(partial, cursor, batchEnd, factors, Reported(sweep.Options), sweep.IsContrast, rows);
                    cursor = batchEnd;
                },
                progress is null ? null : new Relay(p => progress.Report(new SweepProgress(offset + p.PointsCompleted, todo))),
                cancellationToken);
            previous += gap.End - gap.First;
        }

        // Every point is done: join the chunks into the output, then the sidecar, then remove the chunks.
        var final = Chunks(partial, first, end);
        if (Gaps(final, first, end).Any())
        {
            throw new SweepFileException($"{partial}: chunks are missing after the run; run again with --resume.");
        }

        var check = new SweepRowCheck(sweep.Design, sweep.Options, Reported(sweep.Options), mechanisms: true) { Contrast = sweep.IsContrast };
        string temporary = TemporaryName(output);
        try
        {
            using (var writer = SweepRowWriter.Create(temporary, factors, Reported(sweep.Options), mechanisms: true, FormatOf(output), sweep.IsContrast))
            {
                long lastFailed = -1;
                foreach (var chunk in final)
                {
                    using var reader = new StreamReader(chunk.Path, new UTF8Encoding(false));
                    check.Begin(chunk.First, chunk.End, chunk.Path);
                    foreach (var row in SweepCsv.Read(reader, chunk.Path, out _))
                    {
                        check.Add(row);
                        writer.Write(row);
                        if (row.Error is not null && row.Point != lastFailed)
                        {
                            lastFailed = row.Point;
                            failedPoint?.Invoke(row);
                        }
                    }

                    check.End();
                }
            }

            var finished = DateTimeOffset.UtcNow;
            WriteAtomically(sidecar, Sidecar(sweep, identity, options, first, end, check, started, finished));
            File.Move(temporary, output, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        lease.Dispose();
        Directory.Delete(partial, recursive: true);
        return new SweepSummary(output, end - first, todo, check.FailedPoints, false) { PointsAtCap = check.PointsAtCap };
    }

    /// <summary>Checks that a sweep's output has a supported extension and that every name derived from it (temporary
    /// names, the sidecar, the folder of chunks and its files) fits the file system's limits; <see cref="Run"/> and
    /// <see cref="Merge"/> check this first, so a caller may check before announcing the work.</summary>
    /// <param name="output">The results file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="SweepFileException">The extension is neither <c>.csv</c> nor <c>.parquet</c>, a derived name
    /// is too long (the message names it, its length and the limit), or the output's folder does not exist.</exception>
    public static void CheckOutput(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        FormatOf(output);
        CheckNames(output, merge: false);
    }

    /// <summary>Checks up front that the output and every name derived from it fit the file system's limits, so that a
    /// sweep never runs every point and then fails to write its output (and cannot be resumed).</summary>
    private static void CheckNames(string output, bool merge)
    {
        string pid = OutputPaths.WidestProcessId;
        var derived = new List<string> { output + ".tmp-" + pid, output + SidecarSuffix, output + SidecarSuffix + ".tmp-" + pid };
        if (!merge)
        {
            string partial = output + PartialSuffix;
            derived.AddRange([partial, Path.Combine(partial, Manifest + ".tmp-" + pid), Path.Combine(partial, ChunkName(0, 0) + ".tmp"), Path.Combine(partial, "lock")]);
        }

        if (OutputPaths.Problem(output, derived) is { } problem)
        {
            throw new SweepFileException(problem);
        }

        if (OutputPaths.MissingFolder(output) is { } missing)
        {
            throw new SweepFileException(missing + ".");
        }
    }

    /// <summary>Checks an output's extension.</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> for Parquet, <see langword="false"/> for CSV.</returns>
    /// <exception cref="SweepFileException">The extension is neither, or it is <c>.parquet</c> and the package
    /// DeterrenceSim.Parquet is not there (said before anything runs or is written).</exception>
    internal static bool FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => false,
        ".parquet" => SweepRowFormat.Parquet(path) is not null,
        _ => throw new SweepFileException($"{path}: expected a .csv or .parquet file name, found the extension '{Path.GetExtension(path)}'."),
    };

    private sealed class Relay(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
