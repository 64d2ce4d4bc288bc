using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.IO;

/// <summary>The sidecar beside an output: the sweep's identity and provenance, written and read.</summary>
public static partial class SweepFile
{
    /// <summary>The row count a sidecar records, if any.</summary>
    private static long? ExpectedRows(string sidecar)
    {
        using var document = ReadSidecar(sidecar);
        return document.RootElement.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Number ? rows.GetInt64() : null;
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

    private static string Identity(Sweep sweep, SweepShard? shard, SweepFileOptions options, IReadOnlyList<string> overrides, IReadOnlyList<string> variants)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", "deterrence-sim sweep");
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteString("library", LibraryVersion);
            w.WriteString("scenario", sweep.Scenario.Name);
            w.WriteStartArray("overrides");
            foreach (string assignment in overrides)
            {
                w.WriteStringValue(assignment);
            }

            w.WriteEndArray();
            if (variants.Count > 0)
            {
                // Only with variants, so that sidecars without them keep their bytes.
                w.WriteStartArray("variants");
                foreach (string name in variants)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            w.WriteString("scenarioSha256", ScenarioHash(sweep));
            if (sweep.Policy is { } policy)
            {
                // Only for a contrast, so that sweeps' sidecars keep their bytes.
                w.WriteStartObject("contrast");
                w.WriteString("baseline", options.Baseline ?? "");
                w.WriteString("policy", options.Policy ?? "");
                w.WriteString("policyScenarioSha256", Provenance.HashOf(policy));
                w.WriteEndObject();
            }

            w.WriteString("crisis", sweep.Crisis);
            w.WriteNumber("seed", sweep.Options.Seed);
            w.WriteNumber("rounds", sweep.Options.Rounds);
            if (sweep.Options.Periods is int periods)
            {
                w.WriteNumber("periods", periods);
            }

            w.WriteNumber("replications", sweep.Options.Replications);
            if (sweep.Options.Reporters.Count > 0)
            {
                // Only with reporters, so that sidecars without them keep their bytes; the names, not the predicates.
                w.WriteStartArray("reporters");
                foreach (string name in Reported(sweep.Options))
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

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

    /// <summary>The version of the sweep file format this library writes, recorded in the sidecar's identity: 3, the
    /// files with the mechanism columns at the end (issue 12); 2 added the trials and count columns (and reporters);
    /// files of DeterrenceSim 0.1.0 end at <c>error</c>. Files of version 2 are still read, merged and plotted.</summary>
    internal const int FormatVersion = 3;

    /// <summary>The first format version whose files have the mechanism columns.</summary>
    internal const int MechanismsFormatVersion = 3;

    /// <summary>The names of a sweep's reporters, in order.</summary>
    private static string[] Reported(SweepOptions options) => [.. options.Reporters.Select(r => r.Name)];

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

            w.WriteString("columns", (sweep.IsContrast ? "a contrast: the columns without a prefix are the baseline's; " : "") + "point, replication, seed, the parameter paths, then for each measure name, name_lower, name_upper (95% Wilson), then error, trials and for each measure name_count, then for each reporter name, name_lower, name_upper, name_count, then for each mechanism factor F butFor.F, butFor.F_lower, butFor.F_upper, butFor.F_count, shapley.F, shapley.F_lower, shapley.F_upper (95% t), shapley.F_scaledSum, shapley.F_scaledSumOfSquares (sums of the per-round Shapley values times 8! = 40320 and of their squares times 8!^2), then shapley.rational, shapley.rational_lower, shapley.rational_upper, shapley.rational_count" + (sweep.IsContrast ? ", then for each measure M policy.M, policy.M_lower, policy.M_upper, policy.M_count, M_difference, M_difference_lower, M_difference_upper (policy minus baseline, 95% paired Newcombe interval), M_policyOnly_count, M_baselineOnly_count" : ""));
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
}
