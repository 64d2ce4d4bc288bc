using System.Globalization;
using ScottPlot;

namespace DeterrenceSim.Cli;

/// <summary>The <c>discover --plot</c> figure, with ScottPlot: on the left the coverage–density trade-off of PRIM's
/// peeling trajectory, each step a point coloured by its number of restricted inputs, the chosen step and its pasted box
/// marked (as EMA Workbench's <c>show_tradeoff</c>); on the right the chosen box's limits on each restricted input, as a
/// share of the input's range in the data (0 its smallest value, 1 its largest), with the limits' values and the
/// quasi-p-value.</summary>
internal static class DiscoverPlot
{
    internal const int Width = 1500, Height = 650;

    /// <summary>Draws the figure to a PNG file.</summary>
    /// <param name="report">What discover found.</param>
    /// <param name="path">The PNG file to write.</param>
    public static void Save(DiscoverReport report, string path)
    {
        var multiplot = new ScottPlot.Multiplot();
        while (multiplot.Count() < 2)
        {
            multiplot.AddPlot();
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        TradeOff(multiplot.GetPlot(0), report);
        Limits(multiplot.GetPlot(1), report);
        multiplot.SavePng(path, Width, Height);
    }

    private static void TradeOff(ScottPlot.Plot plot, DiscoverReport report)
    {
        var result = report.Result;
        var trajectory = result.Trajectory;
        int most = Math.Max(1, trajectory.Max(b => b.RestrictedInputs));
        var colormap = new ScottPlot.Colormaps.Viridis();
        foreach (var group in trajectory.GroupBy(b => b.RestrictedInputs).OrderBy(g => g.Key))
        {
            var markers = plot.Add.Markers(group.Select(b => b.Coverage).ToArray(), group.Select(b => b.Density).ToArray());
            markers.MarkerSize = 7;
            markers.Color = colormap.GetColor(group.Key / (double)most * 0.9);
            markers.LegendText = group.Key == 1 ? "1 input restricted" : string.Create(CultureInfo.InvariantCulture, $"{group.Key} inputs restricted");
        }

        var chosen = trajectory[result.ChosenStep];
        var step = plot.Add.Markers(new[] { chosen.Coverage }, new[] { chosen.Density });
        step.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        step.MarkerSize = 16;
        step.Color = ScottPlot.Colors.Red;
        step.LegendText = string.Create(CultureInfo.InvariantCulture, $"chosen step {result.ChosenStep}");
        var pasted = plot.Add.Markers(new[] { result.Box.Coverage }, new[] { result.Box.Density });
        pasted.MarkerShape = ScottPlot.MarkerShape.FilledDiamond;
        pasted.MarkerSize = 11;
        pasted.Color = ScottPlot.Colors.Red;
        pasted.LegendText = "its box after pasting";
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        plot.XLabel("coverage (share of the cases of interest in the box)");
        plot.YLabel("density (share of the box's rows of interest)");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"PRIM trade-off: {report.Where}\n{report.CasesOfInterest} of {report.Rows} rows of interest in {Path.GetFileName(report.File)}"));
    }

    private static void Limits(ScottPlot.Plot plot, DiscoverReport report)
    {
        var result = report.Result;
        var restrictions = result.Restrictions;
        var box = result.Box;
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"box of step {result.ChosenStep}\ncoverage {box.Coverage:F2}, density {box.Density:F2}, mass {box.Mass:F2}"));
        plot.XLabel("limits on the data range\n(0 = its min, 1 = its max)");
        if (restrictions.Count == 0)
        {
            plot.Add.Text("no input is restricted: the box is all the data", 0.05, 0.5);
            plot.Axes.SetLimits(0, 1, 0, 1);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            return;
        }

        var positions = new double[restrictions.Count];
        var labels = new string[restrictions.Count];
        for (int i = 0; i < restrictions.Count; i++)
        {
            var r = restrictions[i];
            double y = restrictions.Count - 1 - i;
            double min = report.Minimum[r.Index], span = report.Maximum[r.Index] - min;
            double lo = span > 0 ? (r.Lower - min) / span : 0, hi = span > 0 ? (r.Upper - min) / span : 1;
            var range = plot.Add.Rectangle(0, 1, y - 0.3, y + 0.3);
            range.FillColor = ScottPlot.Colors.Gray.WithAlpha(0.2);
            range.LineWidth = 0;
            var limits = plot.Add.Rectangle(lo, hi, y - 0.3, y + 0.3);
            limits.FillColor = ScottPlot.Colors.SteelBlue.WithAlpha(0.7);
            limits.LineWidth = 0;
            var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"[{r.Lower:G4}, {r.Upper:G4}]  qp {DiscoverReport.QuasiP(r):G2}"), 0.01, y + 0.32);
            text.LabelFontSize = 12;
            positions[i] = y;
            labels[i] = r.Input;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimits(-0.02, 1.02, -0.6, restrictions.Count - 0.1);
    }
}
