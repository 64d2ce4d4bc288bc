using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Cli;

/// <summary>The <c>plot</c> command: a heatmap (two varied parameters) or a line with its 95% band (one) of a metric
/// from sweep results, as a PNG rendered with ScottPlot.</summary>
internal static class PlotCommand
{
    /// <summary>More distinct values than this (a Latin hypercube, a Sobol design) are binned.</summary>
    private const int MaxLevels = 60;

    /// <summary>Bins per axis for scattered designs.</summary>
    private const int Bins = 20;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("results") { Description = "Sweep results: a .csv or .parquet file written by deterrence-sim sweep or merge." };
        var x = new Option<string>("--x") { Description = "The varied parameter path on the x axis.", Required = true };
        var y = new Option<string?>("--y") { Description = "The varied parameter path on the y axis (a heatmap); without it, a line with its 95% band." };
        var z = new Option<string>("--z") { Description = "The metric: deterred, concession, war, or a war cause (preventive, challengerMisperception, ...).", DefaultValueFactory = _ => "war" };
        var at = new Option<string[]>("--at") { Description = "Fix another varied parameter: PATH=VALUE (repeatable); parameters neither plotted nor fixed are averaged over.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "The PNG file to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var command = new Command("plot", "Plot a metric from sweep results: a heatmap over two varied parameters, or a line with its 95% band over one (PNG, ScottPlot).")
        {
            input, x, y, z, at, output, force,
        };
        command.SetAction(parse => Execute(parse.GetValue(input)!, parse.GetValue(x)!, parse.GetValue(y), parse.GetValue(z)!, parse.GetValue(at) ?? [], parse.GetValue(output)!, parse.GetValue(force), stderr));
        return command;
    }

    private static int Execute(string input, string x, string? y, string z, string[] at, string output, bool force, TextWriter stderr)
    {
        if (!string.Equals(Path.GetExtension(output), ".png", StringComparison.OrdinalIgnoreCase))
        {
            return CliApp.Fail(stderr, $"--output: expected a file name ending in .png, found '{output}'.", CliApp.InvalidInput);
        }

        if (File.Exists(output) && !force)
        {
            return CliApp.Fail(stderr, $"--output: {output} exists; use --force to replace it.", CliApp.InvalidInput);
        }

        if (!SweepMetrics.Names.Contains(z, StringComparer.Ordinal))
        {
            return CliApp.Fail(stderr, $"--z: expected a metric among {string.Join(", ", SweepMetrics.Names)}, found '{z}'.", CliApp.InvalidInput);
        }

        int metric = SweepMetrics.IndexOf(z);
        List<SweepRow> rows;
        IReadOnlyList<string> paths;
        try
        {
            rows = [.. SweepRowReader.Read(input, out paths)];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or SweepFileException)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
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

        int failed = rows.Count(r => r.Rates is null);

        // On a scattered design (binned axes) --at selects the value's bin, on a grid the value itself.
        // A Latin hypercube or Sobol design (its sidecar says) is always binned: its values are scattered, not levels.
        bool scattered = DesignKind(input) is "lhs" or "sobol";
        var atAxes = fixedValues.ToDictionary(f => f.Key, f => Axis.Of(rows.Select(r => r.Values[f.Key]), scattered));
        foreach (var (key, value) in fixedValues)
        {
            if (atAxes[key].IsBinned && !atAxes[key].Covers(value))
            {
                return CliApp.Fail(stderr, $"--at: {paths[key]} = {value.ToString("R", CultureInfo.InvariantCulture)} is outside the values in {input} ({atAxes[key].Range}).", CliApp.InvalidInput);
            }
        }

        rows = [.. rows.Where(r => r.Rates is not null && fixedValues.All(f => atAxes[f.Key].IsBinned
            ? atAxes[f.Key].Bin(r.Values[f.Key]) == atAxes[f.Key].Bin(f.Value)
            : Close(r.Values[f.Key], f.Value)))];
        if (rows.Count == 0)
        {
            string levels = string.Join("; ", fixedValues.Where(f => !atAxes[f.Key].IsBinned).Select(f => $"{paths[f.Key]} takes {atAxes[f.Key].Levels}"));
            return CliApp.Fail(stderr, $"{input}: no rows {(fixedValues.Count > 0 ? "match --at" : "with results")}{(failed > 0 ? $" ({failed} rows are of points that could not run)" : "")}{(levels.Length > 0 ? "; " + levels : "")}.", CliApp.InvalidInput);
        }

        var averaged = Enumerable.Range(0, paths.Count).Where(i => i != xi && i != yi && !fixedValues.ContainsKey(i)).Select(i => paths[i]).ToList();
        string note = averaged.Count == 0 ? "" : "averaged over " + string.Join(", ", averaged);
        if (averaged.Count > 0)
        {
            stderr.WriteLine($"deterrence-sim: {note} (fix them with --at PATH=VALUE).");
        }

        // Rates of a sweep over runs are shares of the periods of each run.
        string unit = SidecarSays(input, "\"periods\"") ? " (share of periods)" : "";
        var plot = new ScottPlot.Plot();
        var xAxis = Axis.Of(rows.Select(r => r.Values[xi]), scattered);
        if (yi < 0)
        {
            DrawLine(plot, rows, xi, metric, xAxis);
            plot.YLabel(z + unit + " (95% interval)");
        }
        else
        {
            DrawHeatmap(plot, rows, xi, yi, metric, xAxis, Axis.Of(rows.Select(r => r.Values[yi]), scattered));
            plot.YLabel(y!);
        }

        plot.XLabel(x);
        string fixedNote = string.Join(", ", fixedValues.Select(f => paths[f.Key] + (atAxes[f.Key].IsBinned ? " in the bin of " : " = ") + f.Value.ToString("G6", CultureInfo.InvariantCulture)));
        plot.Title(z + " rate" + unit + ", mean over replications" + (fixedNote.Length > 0 ? "\nat " + fixedNote : "") + (note.Length > 0 ? "\n" + note : ""));
        string temporary = output + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".png";
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            plot.SavePng(temporary, 900, 650);
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

        stderr.WriteLine($"deterrence-sim: wrote {output} ({rows.Count} rows{(failed > 0 ? $"; {failed} rows of points that could not run left out" : "")}).");
        return 0;
    }

    private static void DrawLine(ScottPlot.Plot plot, List<SweepRow> rows, int xi, int metric, Axis xAxis)
    {
        var groups = rows.GroupBy(r => xAxis.Bin(r.Values[xi])).OrderBy(g => g.Key).ToList();
        var xs = new double[groups.Count];
        var mean = new double[groups.Count];
        var lower = new double[groups.Count];
        var upper = new double[groups.Count];
        for (int i = 0; i < groups.Count; i++)
        {
            var values = groups[i].Select(r => r.Rates![3 * metric]).ToArray();
            xs[i] = xAxis.Centre(groups[i].Key);
            mean[i] = values.Average();
            if (values.Length >= 2)
            {
                // A t interval over the replications (and any averaged parameters) at this x.
                double sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
                double half = StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * sd / Math.Sqrt(values.Length);
                lower[i] = Math.Max(0, mean[i] - half);
                upper[i] = Math.Min(1, mean[i] + half);
            }
            else
            {
                // One replication: its own Wilson interval.
                lower[i] = groups[i].First().Rates![(3 * metric) + 1];
                upper[i] = groups[i].First().Rates![(3 * metric) + 2];
            }
        }

        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = ScottPlot.Colors.SteelBlue.WithAlpha(0.3);
        var line = plot.Add.Scatter(xs, mean);
        line.Color = ScottPlot.Colors.SteelBlue;
        line.LineWidth = 2;
    }

    private static void DrawHeatmap(ScottPlot.Plot plot, List<SweepRow> rows, int xi, int yi, int metric, Axis xAxis, Axis yAxis)
    {
        var sum = new double[yAxis.Count, xAxis.Count];
        var count = new int[yAxis.Count, xAxis.Count];
        foreach (var row in rows)
        {
            int cx = xAxis.Bin(row.Values[xi]), cy = yAxis.Bin(row.Values[yi]);
            sum[cy, cx] += row.Rates![3 * metric];
            count[cy, cx]++;
        }

        // Row 0 of the image is the top: the largest y.
        var intensities = new double[yAxis.Count, xAxis.Count];
        for (int r = 0; r < yAxis.Count; r++)
        {
            for (int c = 0; c < xAxis.Count; c++)
            {
                int source = yAxis.Count - 1 - r;
                intensities[r, c] = count[source, c] == 0 ? double.NaN : sum[source, c] / count[source, c];
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // ScottPlot's Position spans the centres of the outer cells (the image is one cell larger).
        heatmap.Position = new ScottPlot.CoordinateRect(xAxis.Centre(0), xAxis.Centre(xAxis.Count - 1), yAxis.Centre(0), yAxis.Centre(yAxis.Count - 1));
        plot.Add.ColorBar(heatmap);
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

    /// <summary>The design kind the results' sidecar records (grid, lhs, sobol), or null without a readable sidecar.</summary>
    private static string? DesignKind(string results)
    {
        try
        {
            string sidecar = results + SweepFile.SidecarSuffix;
            if (!File.Exists(sidecar))
            {
                return null;
            }

            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sidecar));
            return document.RootElement.GetProperty("identity").GetProperty("design").GetProperty("kind").GetString();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether the results' sidecar (if any) holds a text, such as the "periods" of a sweep over runs.</summary>
    private static bool SidecarSays(string results, string text)
    {
        try
        {
            string sidecar = results + SweepFile.SidecarSuffix;
            return File.Exists(sidecar) && File.ReadAllText(sidecar).Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>The cells of one axis: the distinct values of a grid, or equal bins of scattered values.</summary>
    private sealed class Axis
    {
        private readonly double[] _levels;
        private readonly double _min, _width;

        private Axis(double[] levels, double min, double width, int count)
        {
            _levels = levels;
            _min = min;
            _width = width;
            Count = count;
        }

        public int Count { get; }

        public bool IsBinned => _levels.Length == 0;

        /// <summary>The levels of a grid axis, for messages (the first 12).</summary>
        public string Levels => string.Join(", ", _levels.Take(12).Select(v => v.ToString("G6", CultureInfo.InvariantCulture))) + (_levels.Length > 12 ? ", ..." : "");

        /// <summary>The range of a binned axis, for messages.</summary>
        public string Range => string.Create(CultureInfo.InvariantCulture, $"{_min:G6} to {_min + (Count * _width):G6}");

        /// <summary>Whether a value lies within a binned axis's range.</summary>
        public bool Covers(double value) => value >= _min && value <= _min + (Count * _width);

        public static Axis Of(IEnumerable<double> values, bool scattered)
        {
            var distinct = values.Distinct().Order().ToArray();
            if (distinct.Length <= MaxLevels && !(scattered && distinct.Length > 1))
            {
                return new Axis(distinct, 0, 0, distinct.Length);
            }

            // About the square root of the distinct values, at most 20: enough points in each cell to average.
            int bins = Math.Clamp((int)Math.Round(Math.Sqrt(distinct.Length)), 2, Bins);
            double min = distinct[0], max = distinct[^1];
            return new Axis([], min, (max - min) / bins, bins);
        }

        public int Bin(double value) => _levels.Length > 0
            ? Array.BinarySearch(_levels, value)
            : Math.Clamp((int)((value - _min) / _width), 0, Count - 1);

        public double Centre(int bin) => _levels.Length > 0 ? _levels[bin] : _min + ((bin + 0.5) * _width);
    }
}
