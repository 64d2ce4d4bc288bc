using System.Globalization;
using DeterrenceSim.Calibration;
using ScottPlot;

namespace DeterrenceSim.Cli;

/// <summary>A corner plot of a posterior (issue 14): on the diagonal each parameter's weighted marginal histogram with
/// its 95% interval, below it the pairs as scatter plots of the particles (translucent, so density shows), with ScottPlot.</summary>
internal static class PosteriorPlot
{
    public static void Save(PopulationPosterior posterior, string path)
    {
        var names = PopulationParameters.Names;
        int k = names.Count;
        var samples = posterior.Samples;
        var multiplot = new ScottPlot.Multiplot();
        while (multiplot.Count() < k * k)
        {
            multiplot.AddPlot();
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(k, k);
        for (int row = 0; row < k; row++)
        {
            for (int column = 0; column < k; column++)
            {
                var plot = multiplot.GetPlot((row * k) + column);
                if (column > row)
                {
                    plot.HideAxesAndGrid();
                    continue;
                }

                if (row == column)
                {
                    Marginal(plot, posterior, row);
                }
                else
                {
                    double[] xs = [.. samples.Select(s => s.Parameters[column])];
                    double[] ys = [.. samples.Select(s => s.Parameters[row])];
                    var scatter = plot.Add.Markers(xs, ys);
                    scatter.MarkerSize = 3;
                    scatter.Color = ScottPlot.Colors.SteelBlue.WithAlpha(0.35);
                    plot.XLabel(names[column]);
                    plot.YLabel(names[row]);
                }
            }
        }

        var p = posterior.Population;
        multiplot.GetPlot(k - 1).Title(string.Create(CultureInfo.InvariantCulture, $"posterior: {p.Name} {p.FromYear}-{p.ToYear}\n{samples.Count} particles"));
        multiplot.SavePng(path, 1100, 1000);
    }

    private static void Marginal(ScottPlot.Plot plot, PopulationPosterior posterior, int parameter)
    {
        // A weighted histogram over 30 equal bins of the particles' range.
        var samples = posterior.Samples;
        double low = samples.Min(s => s.Parameters[parameter]), high = samples.Max(s => s.Parameters[parameter]);
        if (high <= low)
        {
            high = low + 1e-9;
        }

        const int bins = 30;
        var mass = new double[bins];
        double total = samples.Sum(s => s.Weight);
        foreach (var s in samples)
        {
            int b = Math.Min(bins - 1, (int)((s.Parameters[parameter] - low) / (high - low) * bins));
            mass[b] += s.Weight / total;
        }

        double width = (high - low) / bins;
        var bars = plot.Add.Bars([.. Enumerable.Range(0, bins).Select(b => low + ((b + 0.5) * width))], mass);
        foreach (var bar in bars.Bars)
        {
            bar.Size = width;
            bar.FillColor = ScottPlot.Colors.SteelBlue;
            bar.LineWidth = 0;
        }

        var summary = posterior.Summaries[parameter];
        foreach (double q in new[] { summary.Q025, summary.Q975 })
        {
            var line = plot.Add.VerticalLine(q);
            line.Color = ScottPlot.Colors.Black;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
        }

        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"{summary.Name}: {summary.Mean:G3} [{summary.Q025:G2}, {summary.Q975:G2}]"));
        plot.YLabel("posterior mass");
    }
}
