using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.IO;

/// <summary>Merging the outputs of the shards of one sweep into one file.</summary>
public static partial class SweepFile
{
    /// <summary>Joins the outputs of the shards of one sweep into one file, identical to a single-process run of the
    /// sweep. Every shard's rows are checked against its sidecar (its points, their replications and values, its row
    /// count) as they are copied. Streams: one row group or line at a time.</summary>
    /// <param name="shards">The shard outputs, each with its sidecar, in any order; every shard 1..n exactly once.</param>
    /// <param name="output">The merged file: <c>.csv</c> or <c>.parquet</c>; it must not exist.</param>
    /// <returns>The rows and failed points of the merged file.</returns>
    /// <exception cref="SweepFileException">A name derived from the output is too long (<see cref="OutputPaths"/>), the output's folder does not exist, a sidecar is missing or unreadable, the shards come from different sweeps, a
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

            var (design, options, reported, mechanisms) = SweepOf(parts[0].Sidecar, parts[0].File + SidecarSuffix);
            bool contrast = parts[0].Sidecar.RootElement.GetProperty("identity").TryGetProperty("contrast", out var c) && c.ValueKind == JsonValueKind.Object;
            if (contrast && FormatOf(output))
            {
                throw new SweepFileException($"{output}: the shards are a contrast's, whose results are written as CSV only: merge them into a .csv file.");
            }

            var factors = design.Factors.Select(f => f.Path).ToArray();
            var check = new SweepRowCheck(design, options, reported, mechanisms) { Contrast = contrast };
            string temporary = TemporaryName(output);
            try
            {
                // The merged file has the shards' layout: shards of formatVersion 2 give a file without the mechanism columns.
                using (var writer = SweepRowWriter.Create(temporary, factors, reported, mechanisms, FormatOf(output), contrast))
                {
                    foreach (var part in ordered)
                    {
                        var shard = part.Sidecar.RootElement.GetProperty("identity").GetProperty("shard");
                        long first = shard.GetProperty("firstPoint").GetInt64(), end = shard.GetProperty("endPoint").GetInt64();
                        long before = check.Rows;
                        check.Begin(first, end, part.File);
                        try
                        {
                            foreach (var row in SweepRowReader.Read(part.File, out var paths, options.TrialsPerReplication))
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

    /// <summary>The design, the options that shape the rows (seed, replications, rounds or periods, precision), the
    /// reporters' names and whether the rows record the attribution by mechanism (formatVersion 3 and later), from a
    /// sidecar.</summary>
    private static (ExperimentDesign Design, SweepOptions Options, string[] Reported, bool Mechanisms) SweepOf(JsonDocument sidecar, string source)
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
            string[] reported = identity.TryGetProperty("reporters", out var names) && names.ValueKind == JsonValueKind.Array
                ? [.. names.EnumerateArray().Select(n => n.GetString() ?? throw new FormatException("a reporter's name is not a string"))]
                : [];
            int version = identity.TryGetProperty("formatVersion", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            if (version > FormatVersion)
            {
                throw new SweepFileException($"{source}: formatVersion {version}: written by a later version of the library than this one ({LibraryVersion}, formatVersion {FormatVersion}); merge with that version.");
            }

            bool mechanisms = version >= MechanismsFormatVersion;
            return (design, options, reported, mechanisms);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new SweepFileException($"{source}: not a readable sweep sidecar: {e.Message}", e);
        }
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
}
