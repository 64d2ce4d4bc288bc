using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Cli;

/// <summary>A plot of a metric from sweep results, built with ScottPlot: a line with its 95% band over one varied
/// parameter, or a heatmap over two. Keeps what it drew, for the tests.</summary>
internal sealed class SweepPlot
{
    /// <summary>The size of a saved plot, in pixels.</summary>
    internal const int Width = 900, Height = 650;

    /// <summary>Gets the file extensions the plot can be saved as: PNG and SVG.</summary>
    internal static IReadOnlyList<string> Formats { get; } = [".png", ".svg"];

    private SweepPlot(ScottPlot.Plot plot, string title, PlotAxis xAxis, PlotAxis? yAxis, IReadOnlyList<LinePoint>? line, double[,]? cells)
    {
        Plot = plot;
        Title = title;
        XAxis = xAxis;
        YAxis = yAxis;
        Line = line;
        Cells = cells;
    }

    /// <summary>Gets the ScottPlot plot.</summary>
    public ScottPlot.Plot Plot { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the x axis's cells.</summary>
    public PlotAxis XAxis { get; }

    /// <summary>Gets the y axis's cells of a heatmap, or null for a line.</summary>
    public PlotAxis? YAxis { get; }

    /// <summary>Gets the points of a line, or null for a heatmap.</summary>
    public IReadOnlyList<LinePoint>? Line { get; }

    /// <summary>Gets the heatmap's cells [y cell, x cell] (NaN where no row falls), or null for a line.</summary>
    public double[,]? Cells { get; }

    /// <summary>A line of the mean rate (or Shapley share) of a metric against one parameter, with its 95% band of Monte Carlo error and,
    /// where several design points fall at an x, the range of their means (<see cref="LineBand"/>).</summary>
    /// <param name="rows">The rows to plot (all with rates).</param>
    /// <param name="xi">The index of the x parameter among the rows' values.</param>
    /// <param name="metric">The plotted quantity.</param>
    /// <param name="xAxis">The x axis's cells.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="title">The title.</param>
    /// <param name="spread">What differs between the design points at an x, for the legend (such as <c>PATH and x
    /// within each bin</c>).</param>
    /// <returns>The plot.</returns>
    public static SweepPlot Lines(IReadOnlyList<SweepRow> rows, int xi, PlotMetric metric, PlotAxis xAxis, string xLabel, string yLabel, string title, string spread)
    {
        var points = rows.GroupBy(r => xAxis.Bin(r.Values[xi])).OrderBy(g => g.Key)
            .Select(g => LineBand.Of(xAxis.Centre(g.Key), g, metric)).ToList();

        if (xAxis.IsBinned)
        {
            int least = points.Min(p => p.Points), largest = points.Max(p => p.Points);
            title += string.Create(CultureInfo.InvariantCulture, $"\n{xAxis.Count} bins of x, each the mean of the {(least == largest ? $"{largest}" : $"{least} to {largest}")} design points in it");
        }

        var plot = new ScottPlot.Plot();
        double[] xs = [.. points.Select(p => p.X)];
        bool several = points.Any(p => p.Points > 1);
        if (several)
        {
            var range = plot.Add.FillY(xs, [.. points.Select(p => p.SpreadLower)], [.. points.Select(p => p.SpreadUpper)]);
            range.FillColor = ScottPlot.Colors.Gray.WithAlpha(0.2);
            range.LineWidth = 0;
            range.LegendText = $"range of the design points' means (not Monte Carlo error): their spread over\n{spread}";
        }

        int fewest = points.Min(p => p.Replications), most = points.Max(p => p.Replications);
        string n = fewest == most ? $"{fewest}" : $"{fewest} to {most}";
        var band = plot.Add.FillY(xs, [.. points.Select(p => p.Lower)], [.. points.Select(p => p.Upper)]);
        band.FillColor = ScottPlot.Colors.SteelBlue.WithAlpha(0.35);
        band.LineWidth = 0;
        string own = metric.Interval;
        band.LegendText = most < 2
            ? (several ? $"mean of the points' 95% {own}s (1 replication)" : $"95% {own} (1 replication)")
            : $"95% t-interval over {n} replications: Monte Carlo error of the mean";
        var line = plot.Add.Scatter(xs, [.. points.Select(p => p.Mean)]);
        line.Color = ScottPlot.Colors.SteelBlue;
        line.LineWidth = 2;
        line.LegendText = several ? "mean over the design points and replications" : "mean over replications";
        plot.ShowLegend(ScottPlot.Edge.Bottom);

        // The x axis ends at the factor's range; the y axis shows the bands, within [0, 1] (a Shapley share: [-1, 1]).
        double bottom = Math.Min(points.Min(p => p.Lower), points.Min(p => p.SpreadLower));
        double top = Math.Max(points.Max(p => p.Upper), points.Max(p => p.SpreadUpper));
        double margin = Math.Max(0.05 * (top - bottom), metric.IsDifference ? 1e-6 : 0.005);
        if (metric.IsDifference)
        {
            // The sign is what a contrast is read for.
            var zero = plot.Add.HorizontalLine(0);
            zero.Color = ScottPlot.Colors.Gray;
            zero.LinePattern = ScottPlot.LinePattern.Dashed;
            bottom = Math.Min(bottom, 0);
            top = Math.Max(top, 0);
        }

        plot.Axes.SetLimits(xAxis.Lower, xAxis.Upper, Math.Max(metric.Least, bottom - margin), Math.Min(1, top + margin));
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title(title);
        return new SweepPlot(plot, title, xAxis, null, points, null);
    }

    /// <summary>A heatmap of the mean rate (or Shapley share) of a metric over two parameters.</summary>
    /// <param name="rows">The rows to plot (all with rates).</param>
    /// <param name="xi">The index of the x parameter among the rows' values.</param>
    /// <param name="yi">The index of the y parameter.</param>
    /// <param name="metric">The plotted quantity.</param>
    /// <param name="xAxis">The x axis's cells.</param>
    /// <param name="yAxis">The y axis's cells.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="title">The title.</param>
    /// <param name="colourBarLabel">The colour bar's label: the metric.</param>
    /// <returns>The plot.</returns>
    public static SweepPlot Heatmap(IReadOnlyList<SweepRow> rows, int xi, int yi, PlotMetric metric, PlotAxis xAxis, PlotAxis yAxis, string xLabel, string yLabel, string title, string colourBarLabel)
    {

        // A cell is the mean of the means of the design points in it (each point the mean of its replications).
        var points = new List<double>[yAxis.Count, xAxis.Count];
        foreach (var point in rows.GroupBy(r => r.Point))
        {
            var first = point.First();
            int cx = xAxis.Bin(first.Values[xi]), cy = yAxis.Bin(first.Values[yi]);
            (points[cy, cx] ??= []).Add(point.Average(r => metric.Read(r).Value));
        }

        var cells = new double[yAxis.Count, xAxis.Count];
        int fewest = int.MaxValue, most = 0;
        for (int r = 0; r < yAxis.Count; r++)
        {
            for (int c = 0; c < xAxis.Count; c++)
            {
                cells[r, c] = points[r, c] is { } means ? means.Average() : double.NaN;
                fewest = Math.Min(fewest, points[r, c]?.Count ?? 0);
                most = Math.Max(most, points[r, c]?.Count ?? 0);
            }
        }

        if (xAxis.IsBinned || yAxis.IsBinned)
        {
            // Say how the scattered points became cells: binned, not interpolated.
            title += string.Create(CultureInfo.InvariantCulture, $"\n{xAxis.Count} × {yAxis.Count} cells, each the mean of the {(fewest == most ? $"{most}" : $"{fewest} to {most}")} design points in it");
        }

        // Row 0 of the image is the top: the largest y.
        var intensities = new double[yAxis.Count, xAxis.Count];
        for (int r = 0; r < yAxis.Count; r++)
        {
            for (int c = 0; c < xAxis.Count; c++)
            {
                intensities[r, c] = cells[yAxis.Count - 1 - r, c];
            }
        }

        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        if (metric.IsDifference)
        {
            // A difference is read by its sign: a diverging map, white at 0 and symmetric, so that red raises and blue lowers.
            double largest = 0;
            foreach (double cell in cells)
            {
                largest = double.IsNaN(cell) ? largest : Math.Max(largest, Math.Abs(cell));
            }

            heatmap.Colormap = new ScottPlot.Colormaps.Balance();
            heatmap.ManualRange = new ScottPlot.Range(-Math.Max(largest, 1e-12), Math.Max(largest, 1e-12));
        }

        // Cells as rectangles: an SVG viewer would smooth a bitmap of a few pixels into a blur.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();

        // ScottPlot's Position spans the centres of the outer cells (the image is one cell larger). Bins fill the
        // factor's range exactly; a grid's outer levels lie on its ends, so their cells are cut in half by the axes,
        // which end at the range: no cell is drawn beyond it.
        heatmap.Position = new ScottPlot.CoordinateRect(xAxis.Centre(0), xAxis.Centre(xAxis.Count - 1), yAxis.Centre(0), yAxis.Centre(yAxis.Count - 1));
        plot.Axes.SetLimits(xAxis.Lower, xAxis.Upper, yAxis.Lower, yAxis.Upper);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = colourBarLabel;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title(title);
        return new SweepPlot(plot, title, xAxis, yAxis, null, cells);
    }

    /// <summary>Saves the plot as a PNG or an SVG file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format: one of <see cref="Formats"/>.</param>
    /// <exception cref="ArgumentException">The format is not one of <see cref="Formats"/>.</exception>
    public void Save(string path, string format)
    {
        if (string.Equals(format, ".svg", StringComparison.OrdinalIgnoreCase))
        {
            Plot.SaveSvg(path, Width, Height);
        }
        else if (string.Equals(format, ".png", StringComparison.OrdinalIgnoreCase))
        {
            Plot.SavePng(path, Width, Height);
        }
        else
        {
            throw new ArgumentException($"expected {string.Join(" or ", Formats)}, found '{format}'.", nameof(format));
        }
    }
}
