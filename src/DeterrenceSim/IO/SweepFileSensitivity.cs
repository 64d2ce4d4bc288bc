using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Sensitivity analysis of a saved sweep (<c>sensitivity --from FILE</c>): the Sobol indices or Morris measures of one
/// metric, computed from a results file (CSV or Parquet) whose sidecar (<c>FILE.sweep.json</c>) says it holds the
/// matching design, a Saltelli (<c>sobol</c>) or a Morris (<c>morris</c>) design, as SALib separates sampling,
/// evaluation and analysis. Each point's output is the mean over its replications of the metric, pooled exactly as the
/// running analysis (<see cref="SensitivityAnalysis"/>) pools them, and the bootstrap is seeded with the sweep's seed,
/// so the numbers are identical to those of <c>sensitivity</c> run with the same design, seed, rounds and
/// replications.
/// </summary>
public static class SweepFileSensitivity
{
    /// <summary>Sobol first- and total-order indices from a sweep of a Saltelli design
    /// (<c>sweep --design sobol</c>).</summary>
    /// <param name="path">The results file (<c>.csv</c> or <c>.parquet</c>); its sidecar must be beside it.</param>
    /// <param name="metric">The metric, as for <see cref="SensitivityAnalysis.Run"/>, or of a contrast's file
    /// <c>policy.M</c> or <c>M_difference</c> (<see cref="SweepRow.IsContrastMetric"/>): the indices of the policy's
    /// effect. The default is <c>war</c>.</param>
    /// <param name="resamples">Bootstrap resamples (&gt;= 2). The default is 1,000.</param>
    /// <returns>The indices; the result's options are the sweep's (crisis, rounds or periods, replications, seed, and the
    /// threads its sidecar records, 1 if none, as after a merge).</returns>
    /// <exception cref="SweepFileException">The file or its sidecar is missing or unreadable, the design is not a Sobol
    /// design with at least <see cref="SensitivityAnalysis.MinSamples"/> base samples, or the file does not hold every
    /// point (a shard).</exception>
    /// <exception cref="InvalidDataException">The rows are not sweep results.</exception>
    /// <exception cref="ArgumentException">The metric is unknown.</exception>
    /// <exception cref="InvalidOperationException">A point could not run (its row holds an error), or the metric does
    /// not vary over the design, or it is a mechanism measure of a file written before those columns.</exception>
    public static SensitivityResult Sobol(string path, string metric = "war", int resamples = 1000)
    {
        var (design, options, measure, outputs) = Read(path, metric, DesignKind.Sobol);
        if (design.Samples < SensitivityAnalysis.MinSamples)
        {
            throw new SweepFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: its Sobol design has {design.Samples} base samples; the indices need at least {SensitivityAnalysis.MinSamples} (and are stable from about 64)."));
        }

        var indices = SensitivityAnalysis.SobolOf(outputs, design, metric, measure, resamples, options.Seed);
        return new SensitivityResult(metric, options.Crisis!, design, options, indices);
    }

    /// <summary>Morris's μ, μ* and σ from a sweep of a Morris design (<c>sweep --design morris</c>).</summary>
    /// <param name="path">The results file (<c>.csv</c> or <c>.parquet</c>); its sidecar must be beside it.</param>
    /// <param name="metric">The metric, as for <see cref="SensitivityAnalysis.RunMorris"/>, or of a contrast's file
    /// <c>policy.M</c> or <c>M_difference</c>. The default is <c>war</c>.</param>
    /// <param name="resamples">Bootstrap resamples (&gt;= 2). The default is 1,000.</param>
    /// <returns>The measures; the result's options are the sweep's, as for <see cref="Sobol"/>.</returns>
    /// <exception cref="SweepFileException">The file or its sidecar is missing or unreadable, the design is not a Morris
    /// design with at least <see cref="SensitivityAnalysis.MinTrajectories"/> trajectories, or the file does not hold
    /// every point.</exception>
    /// <exception cref="InvalidDataException">The rows are not sweep results.</exception>
    /// <exception cref="ArgumentException">The metric is unknown.</exception>
    /// <exception cref="InvalidOperationException">A point could not run, or the metric is a mechanism measure of a file
    /// written before those columns.</exception>
    public static MorrisResult Morris(string path, string metric = "war", int resamples = 1000)
    {
        var (design, options, _, outputs) = Read(path, metric, DesignKind.Morris);
        if (design.Samples < SensitivityAnalysis.MinTrajectories)
        {
            throw new SweepFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: its Morris design has {design.Samples} trajectory; the effects need at least {SensitivityAnalysis.MinTrajectories}."));
        }

        return new MorrisResult(metric, options.Crisis!, design, options, MorrisAnalysis.Analyze(design, outputs, resamples, 0.95, options.Seed));
    }

    /// <summary>Where a saved sweep came from, as its sidecar records it: the scenario's source and SHA-256, the
    /// <c>--set</c> overrides, the <c>--variant</c> and the library version that ran it.</summary>
    /// <param name="path">The results file.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="SweepFileException">The sidecar is missing or unreadable.</exception>
    public static Provenance Provenance(string path)
    {
        using var sidecar = Sidecar(path);
        try
        {
            var root = sidecar.RootElement;
            var identity = root.GetProperty("identity");
            return new Provenance(
                root.GetProperty("scenarioSource").GetString() ?? "",
                identity.GetProperty("scenarioSha256").GetString() ?? "",
                Strings(identity, "overrides"))
            {
                Variants = Strings(identity, "variants"),
                Library = identity.GetProperty("library").GetString() ?? "",
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new SweepFileException($"{path}{SweepFile.SidecarSuffix}: not a readable sweep sidecar: {e.Message}", e);
        }
    }

    private static string[] Strings(JsonElement identity, string name) =>
        identity.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];

    private static JsonDocument Sidecar(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SweepFileException($"{path}: no such file.");
        }

        string sidecar = path + SweepFile.SidecarSuffix;
        if (!File.Exists(sidecar))
        {
            throw new SweepFileException($"{sidecar}: missing: the analysis reads the design from the sidecar beside the results.");
        }

        try
        {
            var document = JsonDocument.Parse(File.ReadAllText(sidecar));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("identity", out var identity) || identity.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new SweepFileException($"{sidecar}: not a sweep sidecar (no identity object).");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new SweepFileException($"{sidecar}: not JSON: {e.Message}", e);
        }
    }

    private static (ExperimentDesign Design, SweepOptions Options, Measure? Measure, double[] Outputs) Read(string path, string metric, DesignKind kind)
    {
        ArgumentNullException.ThrowIfNull(metric);
        bool contrast = SweepRow.IsContrastMetric(metric);
        var measure = contrast ? null : Measure.Parse(metric);
        ExperimentDesign design;
        SweepOptions options;
        long first, end;
        using (var sidecar = Sidecar(path))
        {
            try
            {
                var root = sidecar.RootElement;
                var identity = root.GetProperty("identity");
                design = ExperimentDesign.FromJson(identity.GetProperty("design").GetRawText());
                options = new SweepOptions
                {
                    Crisis = identity.GetProperty("crisis").GetString(),
                    Seed = identity.GetProperty("seed").GetUInt64(),
                    Rounds = identity.GetProperty("rounds").GetInt64(),
                    Periods = identity.TryGetProperty("periods", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null,
                    Replications = identity.GetProperty("replications").GetInt32(),
                    Threads = root.TryGetProperty("threads", out var threads) && threads.ValueKind == JsonValueKind.Number ? threads.GetInt32() : 1,
                };
                options.Validate();
                first = root.TryGetProperty("firstPoint", out var f) ? f.GetInt64() : 0;
                end = root.TryGetProperty("endPoint", out var e) ? e.GetInt64() : design.PointCount;
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new SweepFileException($"{path}{SweepFile.SidecarSuffix}: not a readable sweep sidecar: {e.Message}", e);
            }
        }

        if (design.Kind != kind)
        {
            string method = kind == DesignKind.Sobol ? "sobol" : "morris";
            string make = kind == DesignKind.Sobol
                ? "sweep --design sobol --samples N --vary PATH=lo:hi ..."
                : "sweep --design morris --samples R [--levels P] --vary PATH=lo:hi ...";
            throw new SweepFileException($"{path}: its sidecar says it holds a {ExperimentDesign.Name(design.Kind)} design ({design}); --method {method} needs a {method} design, which `{make}` makes{(design.Kind is DesignKind.Sobol or DesignKind.Morris ? $", or analyse this file with --method {ExperimentDesign.Name(design.Kind)}" : "")}.");
        }

        if (first != 0 || end != design.PointCount)
        {
            throw new SweepFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: holds points {first} to {end - 1} of the design's {design.PointCount} (a shard): merge the shards first (deterrence-sim merge SHARD_FILE... --output FILE)."));
        }

        if (design.PointCount > int.MaxValue)
        {
            throw new SweepFileException($"{path}: the design has {design.PointCount} points; the analysis holds one output per point in memory, at most {int.MaxValue}.");
        }

        string needs = kind == DesignKind.Sobol ? "Sobol indices" : "Morris elementary effects";
        var outputs = measure is null ? new DesignOutputs(design, row => row.Estimate(metric), needs) : new DesignOutputs(design, measure, needs);
        var point = new List<SweepRow>();
        SweepRowCheck? check = null;
        try
        {
            foreach (var row in SweepRowReader.Read(path, out _, options.TrialsPerReplication))
            {
                if (contrast && !row.RecordsContrast)
                {
                    throw new SweepFileException($"{path}: a sweep's results, with no column '{metric}': policy.M and M_difference are a contrast's (deterrence-sim contrast --design {ExperimentDesign.Name(kind)} ...).");
                }

                // Every row must be the sidecar's sweep's, as merge and resume hold it: its point in order, the design's
                // values at that point, the seed and the trials; otherwise outputs would meet the wrong design points.
                if (check is null)
                {
                    check = new SweepRowCheck(design, options, [.. row.Reported.Select(m => m.Name)], row.RecordsMechanisms) { Contrast = row.RecordsContrast };
                    check.Begin(0, design.PointCount, path);
                }

                check.Add(row);

                if (point.Count > 0 && row.Point != point[0].Point)
                {
                    outputs.AddPoint(point);
                    point.Clear();
                }

                point.Add(row);
            }

            if (point.Count > 0)
            {
                outputs.AddPoint(point);
            }

            check?.End();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }

        if (!outputs.Complete)
        {
            throw new SweepFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: has no rows for design point {outputs.FirstMissing} of {design.PointCount}: the analysis needs every point."));
        }

        return (design, options, measure, outputs.Values);
    }
}
