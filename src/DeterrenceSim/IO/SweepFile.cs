using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

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
public static class SweepFile
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
    /// <exception cref="SweepFileException">The output's extension is not supported; a name derived from it is longer than the file system allows (<see cref="OutputPaths"/>); it, its sidecar or its partial run
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
        string identity = Identity(sweep, shard, options.Overrides ?? []);
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
            var complete = CheckFile(sweep.Design, sweep.Options, output, first, end, ExpectedRows(sidecar), "delete it and its sidecar and run the sweep again");
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
            CheckFile(sweep.Design, sweep.Options, chunk.Path, chunk.First, chunk.End, null, "delete this chunk and rerun with --resume to recompute its points");
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
                    WriteChunk(partial, cursor, batchEnd, factors, rows);
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

        var check = new SweepRowCheck(sweep.Design, sweep.Options);
        string temporary = TemporaryName(output);
        try
        {
            using (var writer = SweepRowWriter.Create(temporary, factors, FormatOf(output)))
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

    /// <summary>Joins the outputs of the shards of one sweep into one file, identical to a single-process run of the
    /// sweep. Every shard's rows are checked against its sidecar (its points, their replications and values, its row
    /// count) as they are copied. Streams: one row group or line at a time.</summary>
    /// <param name="shards">The shard outputs, each with its sidecar, in any order; every shard 1..n exactly once.</param>
    /// <param name="output">The merged file: <c>.csv</c> or <c>.parquet</c>; it must not exist.</param>
    /// <returns>The rows and failed points of the merged file.</returns>
    /// <exception cref="SweepFileException">A name derived from the output is too long (<see cref="OutputPaths"/>), a sidecar is missing or unreadable, the shards come from different sweeps, a
    /// shard is missing, repeated or damaged (not sweep results, or a rate that is not its count's rate), or the output
    /// exists.</exception>
    public static SweepSummary Merge(IReadOnlyList<string> shards, string output)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(output);
        FormatOf(output);
        CheckNames(output, merge: true);
        if (shards.Count == 0)
        {
            throw new SweepFileException("merge: expected the shard outputs to join, found none.");
        }

        if (File.Exists(output) || Directory.Exists(output))
        {
            throw new SweepFileException($"{output} exists: choose another output (results are never overwritten).");
        }

        var parts = new List<(string File, JsonDocument Sidecar, int Index, int Count)>();
        try
        {
            foreach (string file in shards)
            {
                FormatOf(file);
                if (!File.Exists(file))
                {
                    throw new SweepFileException($"{file}: no such file.");
                }

                var document = ReadSidecar(file + SidecarSuffix);
                parts.Add((file, document, 0, 0));
                var shard = document.RootElement.GetProperty("identity").TryGetProperty("shard", out var s) ? s : default;
                if (shard.ValueKind != JsonValueKind.Object)
                {
                    throw new SweepFileException($"{file}: not a shard (its sidecar has no shard i/n); nothing to merge.");
                }

                parts[^1] = (file, document, shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32());
            }

            string reference = WithoutShard(parts[0].Sidecar);
            foreach (var part in parts.Skip(1))
            {
                CheckSameSweep(WithoutShard(part.Sidecar), reference, part.File + SidecarSuffix, "the shards come from different sweeps: ");
            }

            int n = parts[0].Count;
            var ordered = parts.OrderBy(p => p.Index).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Count != n || ordered[i].Index != i + 1 || ordered.Count != n)
                {
                    var have = string.Join(", ", parts.Select(p => p.Index + "/" + p.Count).Order(StringComparer.Ordinal));
                    throw new SweepFileException($"merge: expected shards 1/{n} to {n}/{n} once each, found {have}.");
                }
            }

            var (design, options) = SweepOf(parts[0].Sidecar, parts[0].File + SidecarSuffix);
            var factors = design.Factors.Select(f => f.Path).ToArray();
            var check = new SweepRowCheck(design, options);
            string temporary = TemporaryName(output);
            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            try
            {
                using (var writer = SweepRowWriter.Create(temporary, factors, FormatOf(output)))
                {
                    foreach (var part in ordered)
                    {
                        var shard = part.Sidecar.RootElement.GetProperty("identity").GetProperty("shard");
                        long first = shard.GetProperty("firstPoint").GetInt64(), end = shard.GetProperty("endPoint").GetInt64();
                        long before = check.Rows;
                        check.Begin(first, end, part.File);
                        try
                        {
                            foreach (var row in SweepRowReader.Read(part.File, out var paths))
                            {
                                if (!paths.SequenceEqual(factors))
                                {
                                    throw new SweepFileException($"{part.File}: its columns are not those its sidecar describes.");
                                }

                                check.Add(row);
                                writer.Write(row);
                            }
                        }
                        catch (InvalidDataException e)
                        {
                            // Not sweep results, or a rate that is not its count's rate.
                            throw new SweepFileException($"{e.Message.TrimEnd('.')}: the file is damaged or not sweep results.", e);
                        }

                        if (first < end)
                        {
                            check.End();
                        }

                        long rows = check.Rows - before;
                        long expected = ExpectedRows(part.File + SidecarSuffix) ?? rows;
                        if (rows != expected)
                        {
                            throw new SweepFileException($"{part.File}: {rows} rows, but its sidecar records {expected}: the file is damaged.");
                        }
                    }
                }

                string merged = MergedSidecar(parts[0].Sidecar, reference, check);
                WriteAtomically(output + SidecarSuffix, merged);
                File.Move(temporary, output, overwrite: false);
            }
            finally
            {
                File.Delete(temporary);
            }

            return new SweepSummary(output, design.PointCount, design.PointCount, check.FailedPoints, false) { PointsAtCap = check.PointsAtCap };
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Sidecar.Dispose();
            }
        }
    }

    /// <summary>Checks a results file (a chunk, a shard, a finished output) against the sweep's rows for points
    /// <paramref name="first"/> up to <paramref name="end"/>.</summary>
    private static SweepRowCheck CheckFile(ExperimentDesign design, SweepOptions options, string path, long first, long end, long? rows, string remedy)
    {
        var check = new SweepRowCheck(design, options);
        try
        {
            check.Begin(first, end, path);
            foreach (var row in SweepRowReader.Read(path, out var paths))
            {
                if (paths.Count != design.Factors.Count)
                {
                    throw new SweepFileException($"{path}: its columns are not this sweep's");
                }

                check.Add(row);
            }

            if (first < end)
            {
                check.End();
            }

            if (rows is long expected && check.Rows != expected)
            {
                throw new SweepFileException($"{path}: {check.Rows} rows, but its sidecar records {expected}: the file is damaged");
            }
        }
        catch (Exception e) when (e is SweepFileException or InvalidDataException)
        {
            throw new SweepFileException($"{e.Message.TrimEnd('.')}; {remedy}.", e);
        }

        return check;
    }

    /// <summary>The row count a sidecar records, if any.</summary>
    private static long? ExpectedRows(string sidecar)
    {
        using var document = ReadSidecar(sidecar);
        return document.RootElement.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Number ? rows.GetInt64() : null;
    }

    /// <summary>The design and the options that shape the rows (seed, replications, rounds or periods, precision),
    /// from a sidecar.</summary>
    private static (ExperimentDesign Design, SweepOptions Options) SweepOf(JsonDocument sidecar, string source)
    {
        try
        {
            var identity = sidecar.RootElement.GetProperty("identity");
            var design = ExperimentDesign.FromJson(identity.GetProperty("design").GetRawText());
            PrecisionTarget? precision = identity.TryGetProperty("precision", out var p) && p.ValueKind == JsonValueKind.Object
                ? new PrecisionTarget(p.GetProperty("metric").GetString() ?? "", p.GetProperty("halfWidth").GetDouble(), p.GetProperty("maxReplications").GetInt32())
                : null;
            var options = new SweepOptions
            {
                Seed = identity.GetProperty("seed").GetUInt64(),
                Rounds = identity.GetProperty("rounds").GetInt64(),
                Periods = identity.TryGetProperty("periods", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null,
                Replications = identity.GetProperty("replications").GetInt32(),
                Precision = precision,
            };
            options.Validate();
            return (design, options);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new SweepFileException($"{source}: not a readable sweep sidecar: {e.Message}", e);
        }
    }

    /// <summary>Checks that a sweep's output has a supported extension and that every name derived from it (temporary
    /// names, the sidecar, the folder of chunks and its files) fits the file system's limits; <see cref="Run"/> and
    /// <see cref="Merge"/> check this first, so a caller may check before announcing the work.</summary>
    /// <param name="output">The results file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="SweepFileException">The extension is neither <c>.csv</c> nor <c>.parquet</c>, or a derived name
    /// is too long (the message names it, its length and the limit).</exception>
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
    }

    /// <summary>A temporary name beside a file, that no glob for results (<c>*.csv</c>, <c>*.parquet</c>) matches.</summary>
    private static string TemporaryName(string path) => path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Deletes temporary files a killed run left beside the output (called while holding its lock).</summary>
    private static void DeleteTemporaries(string output)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(output)) ?? ".";
        string prefix = Path.GetFileName(output) + ".tmp-";
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(folder, prefix + "*"))
        {
            string rest = Path.GetFileName(file)[prefix.Length..];
            string digits = rest.Split('.')[0];
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Holds the partial folder's lock file open for the run: a second process on the same output fails.</summary>
    private static FileStream Lock(string partial, string output)
    {
        try
        {
            return new FileStream(Path.Combine(partial, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new SweepFileException($"{output}: another process is running this sweep into it ({partial}/lock is held); wait for it or stop it.", e);
        }
    }

    /// <summary>The scenario hash recorded in sidecars: SHA-256 of the scenario's canonical JSON
    /// (<see cref="ScenarioLoader.ToJson"/>), lower-case hex.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The hash.</returns>
    public static string ScenarioHash(Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Provenance.HashOf(sweep.Scenario);
    }

    /// <summary>Checks an output's extension.</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> for Parquet, <see langword="false"/> for CSV.</returns>
    /// <exception cref="SweepFileException">The extension is neither.</exception>
    internal static bool FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => false,
        ".parquet" => true,
        _ => throw new SweepFileException($"{path}: expected a .csv or .parquet file name, found the extension '{Path.GetExtension(path)}'."),
    };

    private static string Identity(Sweep sweep, SweepShard? shard, IReadOnlyList<string> overrides)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", "deterrence-sim sweep");
            w.WriteNumber("formatVersion", 2);
            w.WriteString("library", LibraryVersion);
            w.WriteString("scenario", sweep.Scenario.Name);
            w.WriteStartArray("overrides");
            foreach (string assignment in overrides)
            {
                w.WriteStringValue(assignment);
            }

            w.WriteEndArray();
            w.WriteString("scenarioSha256", ScenarioHash(sweep));
            w.WriteString("crisis", sweep.Crisis);
            w.WriteNumber("seed", sweep.Options.Seed);
            w.WriteNumber("rounds", sweep.Options.Rounds);
            if (sweep.Options.Periods is int periods)
            {
                w.WriteNumber("periods", periods);
            }

            w.WriteNumber("replications", sweep.Options.Replications);
            if (sweep.Options.Precision is { } p)
            {
                w.WriteStartObject("precision");
                w.WriteString("metric", p.Metric);
                w.WriteNumber("halfWidth", p.HalfWidth);
                w.WriteNumber("maxReplications", p.MaxReplications);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("precision");
            }

            w.WritePropertyName("design");
            sweep.Design.WriteTo(w);
            if (shard is null)
            {
                w.WriteNull("shard");
            }
            else
            {
                w.WriteStartObject("shard");
                w.WriteNumber("index", shard.Index);
                w.WriteNumber("count", shard.Count);
                w.WriteNumber("firstPoint", shard.First(sweep.Design.PointCount));
                w.WriteNumber("endPoint", shard.End(sweep.Design.PointCount));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>The library's version, as recorded in sidecars.</summary>
    public static string LibraryVersion { get; } =
        typeof(SweepFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(SweepFile).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static string Sidecar(Sweep sweep, string identity, SweepFileOptions options, long first, long end, SweepRowCheck check, DateTimeOffset started, DateTimeOffset finished)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("identity");
            using (var document = JsonDocument.Parse(identity))
            {
                document.RootElement.WriteTo(w);
            }

            w.WriteString("columns", "point, replication, seed, the parameter paths, then for each metric name, name_lower, name_upper (95% Wilson), and error");
            w.WriteNumber("firstPoint", first);
            w.WriteNumber("endPoint", end);
            w.WriteNumber("rows", check.Rows);
            w.WriteNumber("failedPoints", check.FailedPoints);
            w.WriteNumber("pointsAtReplicationCap", check.PointsAtCap);
            w.WriteString("scenarioSource", options.ScenarioSource ?? sweep.Scenario.Name);
            w.WriteNumber("threads", sweep.Options.Threads);
            WriteMachine(w);
            w.WriteString("finished", finished.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("started", started.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    private static string MergedSidecar(JsonDocument shardSidecar, string identityWithoutShard, SweepRowCheck check)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("identity");
            using (var document = JsonDocument.Parse(identityWithoutShard))
            {
                document.RootElement.WriteTo(w);
            }

            var identity = shardSidecar.RootElement.GetProperty("identity");
            w.WriteNumber("firstPoint", 0);
            w.WriteNumber("endPoint", identity.GetProperty("design").GetProperty("points").GetInt64());
            w.WriteNumber("rows", check.Rows);
            w.WriteNumber("failedPoints", check.FailedPoints);
            w.WriteNumber("pointsAtReplicationCap", check.PointsAtCap);
            w.WriteNumber("mergedShards", identity.GetProperty("shard").GetProperty("count").GetInt32());
            foreach (string name in new[] { "columns", "scenarioSource" })
            {
                if (shardSidecar.RootElement.TryGetProperty(name, out var value))
                {
                    w.WritePropertyName(name);
                    value.WriteTo(w);
                }
            }

            WriteMachine(w);
            w.WriteString("finished", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    private static void WriteMachine(Utf8JsonWriter w)
    {
        w.WriteStartObject("machine");
        w.WriteString("host", Environment.MachineName);
        w.WriteString("os", RuntimeInformation.OSDescription);
        w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        w.WriteNumber("processors", Environment.ProcessorCount);
        w.WriteString("cpu", CpuModel());
        w.WriteEndObject();
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                    {
                        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The identity with its shard removed: what every shard of one sweep shares.</summary>
    private static string WithoutShard(JsonDocument sidecar)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            foreach (var property in sidecar.RootElement.GetProperty("identity").EnumerateObject())
            {
                if (property.NameEquals("shard"))
                {
                    w.WriteNull("shard");
                }
                else
                {
                    property.WriteTo(w);
                }
            }

            w.WriteEndObject();
        });
    }

    private static JsonDocument ReadSidecar(string path)
    {
        if (!File.Exists(path))
        {
            throw new SweepFileException($"{path}: missing: every results file has its sidecar beside it.");
        }

        try
        {
            var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("identity", out var identity) || identity.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new SweepFileException($"{path}: not a sweep sidecar (no identity object).");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new SweepFileException($"{path}: not a sweep sidecar: {e.Message}");
        }
    }

    private static string ReadIdentity(string path)
    {
        if (Path.GetFileName(path) == Manifest)
        {
            if (!File.Exists(path))
            {
                throw new SweepFileException($"{path}: missing: the partial folder is not a sweep's; delete it to start again.");
            }

            return File.ReadAllText(path);
        }

        using var document = ReadSidecar(path);
        return JsonText.Write(w =>
        {
            document.RootElement.GetProperty("identity").WriteTo(w);
        });
    }

    private static void CheckSameSweep(string found, string expected, string source, string prefix = "cannot resume: ")
    {
        if (string.Equals(found, expected, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var a = JsonDocument.Parse(found);
            using var b = JsonDocument.Parse(expected);
            foreach (var property in b.RootElement.EnumerateObject())
            {
                string mine = property.Value.GetRawText();
                string theirs = a.RootElement.TryGetProperty(property.Name, out var value) ? value.GetRawText() : "(missing)";
                if (!string.Equals(Compact(mine), Compact(theirs), StringComparison.Ordinal))
                {
                    throw new SweepFileException($"{prefix}{source} records a different {property.Name}: {Compact(theirs)} there, {Compact(mine)} in this run.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new SweepFileException($"{prefix}{source} is not readable: {e.Message}");
        }

        throw new SweepFileException($"{prefix}{source} records a different sweep.");
    }

    private static string Compact(string json)
    {
        string text = string.Join(" ", json.Split('\n').Select(l => l.Trim()));
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    private static void WriteAtomically(string path, string text)
    {
        string temporary = TemporaryName(path);
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteChunk(string partial, long first, long end, string[] factors, IReadOnlyList<SweepRow> rows)
    {
        string name = Path.Combine(partial, ChunkName(first, end));
        string temporary = name + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            SweepCsv.WriteHeader(writer, factors);
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

    private sealed class Relay(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
