using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Cli;

/// <summary>The <c>plot</c> command: a heatmap (two varied parameters) or a line with its 95% band (one) of a metric
/// from sweep results, as a PNG or SVG rendered with ScottPlot.</summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("results") { Description = "Sweep results: a .csv or .parquet file written by deterrence-sim sweep or merge." };
        var x = new Option<string>("--x") { Description = "The varied parameter path on the x axis.", Required = true };
        var y = new Option<string?>("--y") { Description = "The varied parameter path on the y axis (a heatmap); without it, a line with its 95% band." };
        var z = new Option<string>("--z") { Description = $"The metric: an outcome or a war cause ({string.Join(", ", Measure.All)}), a but-for share (butFor.FACTOR), a Shapley share (shapley.FACTOR, a mean in [-1, 1]), shapley.rational, a reporter column of the file, or of a contrast's file policy.M (the policy's rate) or M_difference (policy minus baseline, drawn on a diverging scale centred at 0) for an outcome or war cause M; FACTOR is one of {string.Join(", ", MechanismFactors.All.Select(f => f.Name()))}.", DefaultValueFactory = _ => "war" };
        var at = new Option<string[]>("--at") { Description = "Fix another varied parameter: PATH=VALUE (repeatable); parameters neither plotted nor fixed are averaged over.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: .png or .svg.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var command = new Command("plot", "Plot a metric from sweep results: a heatmap over two varied parameters, or a line with its 95% band over one (PNG or SVG, ScottPlot).")
        {
            input, x, y, z, at, output, force,
        };
        command.SetAction(parse => Execute(parse.GetValue(input)!, parse.GetValue(x)!, parse.GetValue(y), parse.GetValue(z)!, parse.GetValue(at) ?? [], parse.GetValue(output)!, parse.GetValue(force), stderr));
        return command;
    }

    /// <summary>The name the plot is drawn to before it is renamed into place.</summary>
    private static string TemporaryName(string output, int processId) =>
        output + ".tmp-" + processId.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(output);

    private static int Execute(string input, string x, string? y, string z, string[] at, string output, bool force, TextWriter stderr)
    {
        if (!SweepPlot.Formats.Contains(Path.GetExtension(output), StringComparer.OrdinalIgnoreCase))
        {
            return CliApp.Fail(stderr, $"--output: expected a file name ending in {string.Join(" or ", SweepPlot.Formats)}, found '{output}'.", CliApp.InvalidInput);
        }

        if (File.Exists(output) && !force)
        {
            return CliApp.Fail(stderr, $"--output: {output} exists; use --force to replace it.", CliApp.InvalidInput);
        }

        if (DeterrenceSim.IO.OutputPaths.MissingFolder(output) is { } missing)
        {
            return CliApp.Fail(stderr, $"--output: {missing}.", CliApp.InvalidInput);
        }

        if (DeterrenceSim.IO.OutputPaths.Problem(output, [TemporaryName(output, int.MaxValue)]) is { } tooLong)
        {
            return CliApp.Fail(stderr, "--output: " + tooLong, CliApp.InvalidInput);
        }

        int code = Prepare(input, x, y, z, at, stderr, out var plot, out string used);
        if (plot is null)
        {
            return code;
        }

        string temporary = TemporaryName(output, Environment.ProcessId);
        try
        {
            plot.Save(temporary, Path.GetExtension(output));
            File.Move(temporary, output, overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliApp.Fail(stderr, $"--output: could not write {output}: {e.Message.Replace(temporary, output, StringComparison.Ordinal)}", CliApp.OutputFailed);
        }
        finally
        {
            File.Delete(temporary);
        }

        stderr.WriteLine($"deterrence-sim: wrote {output} ({used}).");
        return 0;
    }

    /// <summary>Reads the results and builds the plot: everything but writing it.</summary>
    /// <param name="input">The results file.</param>
    /// <param name="x">The x parameter path.</param>
    /// <param name="y">The y parameter path of a heatmap, or null for a line.</param>
    /// <param name="z">The metric.</param>
    /// <param name="at">The --at assignments.</param>
    /// <param name="stderr">Standard error, for notes and errors.</param>
    /// <param name="plot">Receives the plot, or null on an error.</param>
    /// <param name="used">Receives what was plotted, for the closing message: the row count and any left out.</param>
    /// <returns>0, or the exit code of an error already written to <paramref name="stderr"/>.</returns>
    internal static int Prepare(string input, string x, string? y, string z, string[] at, TextWriter stderr, out SweepPlot? plot, out string used)
    {
        plot = null;
        used = "";
        Measure.TryParse(z, out var measure);

        // The sidecar names the crisis, rounds and replications for the title, the design's kind and each factor's range,
        // and the trials of a row in a file written before the count columns.
        var description = SweepDescription.Read(input, out string? problem);
        List<SweepRow> rows;
        IReadOnlyList<string> paths;
        try
        {
            rows = [.. SweepRowReader.Read(input, out paths, description is null ? null : description.Periods ?? description.Rounds)];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or SweepFileException)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }

        if (rows.Count == 0)
        {
            return CliApp.Fail(stderr, $"{input}: no rows with results.", CliApp.InvalidInput);
        }

        // A built-in measure, or a reporter whose columns the file has, or a contrast's policy rate or difference.
        measure ??= rows[0].Reported.FirstOrDefault(m => string.Equals(m.Name, z, StringComparison.Ordinal));
        var quantity = measure is null ? PlotMetric.OfContrast(z) : PlotMetric.Of(measure);
        if (quantity is not null && measure is null && !rows[0].RecordsContrast)
        {
            return CliApp.Fail(stderr, $"--z: {input} is a sweep's results, not a contrast's: it has no column '{z}' (policy.M and M_difference come from deterrence-sim contrast).", CliApp.InvalidInput);
        }

        if (quantity is null)
        {
            string reporters = (rows[0].Reported.Count == 0 ? "" : $", or a reporter of {input} ({string.Join(", ", rows[0].Reported)})")
                + (rows[0].RecordsContrast ? $", or of this contrast policy.M or M_difference for M among {string.Join(", ", Measure.All)} (the intervals' bounds are not metrics)" : "");
            return CliApp.Fail(stderr, $"--z: expected a metric among {SweepCommand.Names()}{reporters}, found '{z}'.", CliApp.InvalidInput);
        }

        if (measure is not null && measure.IsMechanism && !rows[0].RecordsMechanisms)
        {
            return CliApp.Fail(stderr, $"--z: {input} has no column '{z}': it was written before sweep results had the mechanism columns (butFor.FACTOR, shapley.FACTOR, shapley.rational; sidecar formatVersion 3); run the sweep again with this version to plot them.", CliApp.InvalidInput);
        }

        int xi = IndexOf(paths, x), yi = y is null ? -1 : IndexOf(paths, y);
        if (xi < 0 || (y is not null && yi < 0))
        {
            return CliApp.Fail(stderr, $"{(xi < 0 ? "--x" : "--y")}: {input} varies {string.Join(", ", paths)}; found '{(xi < 0 ? x : y)}'.", CliApp.InvalidInput);
        }

        if (xi == yi)
        {
            return CliApp.Fail(stderr, "--y: expected a parameter other than --x.", CliApp.InvalidInput);
        }

        var fixedValues = new Dictionary<int, double>();
        foreach (string text in at)
        {
            int eq = text.IndexOf('=', StringComparison.Ordinal);
            int fi = eq > 0 ? IndexOf(paths, text[..eq].Trim()) : -1;
            if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || fi < 0 || fi == xi || fi == yi)
            {
                return CliApp.Fail(stderr, $"--at: expected PATH=VALUE with PATH another varied parameter of {input} ({string.Join(", ", paths)}), found '{text}'.", CliApp.InvalidInput);
            }

            fixedValues[fi] = value;
        }

        int failed = rows.Count(r => !r.Ran);

        if (description is not null && !description.Design.Factors.Select(f => f.Path).SequenceEqual(paths, StringComparer.Ordinal))
        {
            return CliApp.Fail(stderr, $"{input}{DeterrenceSim.IO.SweepFile.SidecarSuffix} describes a sweep over {string.Join(", ", description.Design.Factors.Select(f => f.Path))}, but the columns of {input} are {string.Join(", ", paths)}: the sidecar is another sweep's; move it away to plot without it.", CliApp.InvalidInput);
        }

        if (description is null)
        {
            stderr.WriteLine($"deterrence-sim: {problem}: the title cannot name the crisis and rounds, and the axes end at the smallest and largest values in {input}, not at the factors' ranges.");
        }

        var ranges = new (double Lower, double Upper)[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            ranges[i] = description?.FactorOf(paths[i]) is { } factor
                ? (Math.Min(factor.Lower, factor.Upper), Math.Max(factor.Lower, factor.Upper))
                : (rows.Min(r => r.Values[i]), rows.Max(r => r.Values[i]));
        }

        foreach (int i in (int[])[xi, yi])
        {
            if (i >= 0 && !(ranges[i].Lower < ranges[i].Upper))
            {
                return CliApp.Fail(stderr, $"{(i == xi ? "--x" : "--y")}: {paths[i]} takes the single value {ranges[i].Lower.ToString("G6", CultureInfo.InvariantCulture)} in {input}: there is nothing to plot it against.", CliApp.InvalidInput);
            }
        }

        // On a scattered design (binned axes) --at selects the value's bin, on a grid the value itself.
        // A Latin hypercube or Sobol design (its sidecar says) is always binned: its values are scattered, not levels.
        bool scattered = description?.IsScattered ?? false;
        var atAxes = fixedValues.ToDictionary(f => f.Key, f => PlotAxis.Of(rows.Select(r => r.Values[f.Key]), scattered, ranges[f.Key].Lower, ranges[f.Key].Upper));
        foreach (var (key, value) in fixedValues)
        {
            if (atAxes[key].IsBinned && !atAxes[key].Covers(value))
            {
                return CliApp.Fail(stderr, $"--at: {paths[key]} = {value.ToString("R", CultureInfo.InvariantCulture)} is outside the values in {input} ({atAxes[key].Range}).", CliApp.InvalidInput);
            }
        }

        rows = [.. rows.Where(r => r.Ran && fixedValues.All(f => atAxes[f.Key].IsBinned
            ? atAxes[f.Key].Bin(r.Values[f.Key]) == atAxes[f.Key].Bin(f.Value)
            : Close(r.Values[f.Key], f.Value)))];
        if (rows.Count == 0)
        {
            string levels = string.Join("; ", fixedValues.Where(f => !atAxes[f.Key].IsBinned).Select(f => $"{paths[f.Key]} takes {atAxes[f.Key].Levels}"));
            return CliApp.Fail(stderr, $"{input}: no rows {(fixedValues.Count > 0 ? "match --at" : "with results")}{(failed > 0 ? $" ({failed} rows are of points that could not run)" : "")}{(levels.Length > 0 ? "; " + levels : "")}.", CliApp.InvalidInput);
        }

        var averaged = Enumerable.Range(0, paths.Count).Where(i => i != xi && i != yi && !fixedValues.ContainsKey(i)).Select(i => paths[i]).ToList();
        // A title names at most three averaged parameters; stderr names them all.
        string note = averaged.Count == 0 ? "" : averaged.Count > 3 ? $"averaged over the {averaged.Count} other varied parameters" : "averaged over " + string.Join(", ", averaged);
        if (averaged.Count > 0)
        {
            stderr.WriteLine($"deterrence-sim: averaged over {string.Join(", ", averaged)} (fix them with --at PATH=VALUE).");
        }

        // Rates of a sweep over runs are shares of the periods of each run; a Shapley share is a mean over them.
        string metric = quantity.Kind switch
        {
            PlotMetricKind.Share => z + " (contribution to the war rate)" + (description?.Periods is null ? "" : " (mean over periods)"),
            PlotMetricKind.Difference => z + " (policy − baseline)",
            _ => z + " rate" + (description?.Periods is null ? "" : " (share of periods)"),
        };
        var perPoint = rows.GroupBy(r => r.Point).Select(g => g.Count()).ToList();
        string replications = perPoint.Min() == perPoint.Max()
            ? perPoint[0].ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{perPoint.Min()} to {perPoint.Max()}");
        string fixedNote = string.Join(", ", fixedValues.Select(f => paths[f.Key] + (atAxes[f.Key].IsBinned ? " in the bin of " : " = ") + f.Value.ToString("G6", CultureInfo.InvariantCulture)));
        // A long metric (a mechanism's Shapley share) gets a line of its own, so the title fits a 900-pixel image.
        string separator = metric.Length > 40 ? "\n" : " ";
        string title = (description is null
                ? $"{metric}:{separator}{replications} replication{(replications == "1" ? "" : "s")} a point (no sidecar: crisis and rounds unknown)"
                : $"{metric}{separator}in {description.Crisis}: {replications} replication{(replications == "1" ? "" : "s")} of {description.Replication} a point")
            + (fixedNote.Length > 0 ? "\nat " + fixedNote : "") + (note.Length > 0 ? "\n" + note : "");
        var xAxis = PlotAxis.Of(rows.Select(r => r.Values[xi]), scattered, ranges[xi].Lower, ranges[xi].Upper);
        if (yi < 0)
        {
            xAxis = PlotAxis.ForLine([.. rows.Select(r => r.Values[xi])], xAxis);
            plot = SweepPlot.Lines(rows, xi, quantity, xAxis, x, metric + (perPoint.Max() > 1 ? ", mean over replications" : ""), title, string.Join(" and ", xAxis.IsBinned ? [.. averaged, "x within each bin"] : averaged));
        }
        else
        {
            var (hx, hy) = PlotAxis.ForHeatmap([.. rows.Select(r => (r.Values[xi], r.Values[yi]))], xAxis, PlotAxis.Of(rows.Select(r => r.Values[yi]), scattered, ranges[yi].Lower, ranges[yi].Upper));
            // The colour bar names the quantity; the title names the factor.
            string label = quantity.Kind == PlotMetricKind.Share ? "contribution to the war rate" + (description?.Periods is null ? "" : " (mean over periods)") : metric;
            plot = SweepPlot.Heatmap(rows, xi, yi, quantity, hx, hy, x, y!, title, label + (perPoint.Max() > 1 ? ", mean over replications" : ""));
        }

        used = $"{rows.Count} rows{(failed > 0 ? $"; {failed} rows of points that could not run left out" : "")}";
        return 0;
    }

    private static int IndexOf(IReadOnlyList<string> paths, string path)
    {
        for (int i = 0; i < paths.Count; i++)
        {
            if (string.Equals(paths[i], path, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
