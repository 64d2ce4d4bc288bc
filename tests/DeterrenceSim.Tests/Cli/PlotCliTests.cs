using System.Globalization;
using System.Xml.Linq;
using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary>Plots that can go into a paper: file formats, titles, axes and colour bars (issue 10).</summary>
public sealed class PlotCliTests : IDisposable
{
    private const string Chn = "states.CHN.perception.credulity";
    private const string Jpn = "states.JPN.perception.credulity";

    private readonly string _folder = Directory.CreateTempSubdirectory("plot-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Plot_SvgOutput_IsXmlWithAnSvgRoot()
    {
        // A path with '>' must be escaped in the SVG's text.
        await Sweep("g.csv", "--vary", "commitments.USA>JPN.reliability=0.2:0.9:3", "--vary", Chn + "=0:1:3", "-r", "2", "-n", "300");
        var (code, _, stderr) = await Cli("plot", PathOf("g.csv"), "--x", Chn, "--y", "commitments.USA>JPN.reliability", "-o", PathOf("heat.svg"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await Cli("plot", PathOf("g.csv"), "--x", "commitments.USA>JPN.reliability", "-o", PathOf("line.SVG"));
        Assert.True(code == 0, stderr);
        XNamespace svg = "http://www.w3.org/2000/svg";
        foreach (string file in (string[])["heat.svg", "line.SVG"])
        {
            var document = XDocument.Load(PathOf(file));
            Assert.Equal(svg + "svg", document.Root!.Name);
            Assert.Contains(document.Descendants(svg + "text"), t => t.Value.Contains("commitments.USA>JPN.reliability", StringComparison.Ordinal));
        }

        // The heatmap's 3 x 3 cells are vector rectangles, not a bitmap a viewer would smooth; the one image is the colour
        // bar's gradient, one pixel wide.
        var heat = XDocument.Load(PathOf("heat.svg"));
        Assert.InRange(heat.Descendants(svg + "rect").Count(), 9, int.MaxValue);
        Assert.Equal("1", Assert.Single(heat.Descendants(svg + "image")).Attribute("width")?.Value);
    }

    [Theory]
    [InlineData("plot.gif")]
    [InlineData("plot")]
    [InlineData("plot.svg.bak")]
    public async Task Plot_UnsupportedExtension_OneLineErrorExitTwoAndNoFile(string name)
    {
        await Sweep("q.csv", "--vary", Chn + "=0:1:3", "-r", "1", "-n", "200");
        var (code, stdout, stderr) = await Cli("plot", PathOf("q.csv"), "--x", Chn, "-o", PathOf(name));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"--output: expected a file name ending in .png or .svg, found '{PathOf(name)}'", stderr, StringComparison.Ordinal);
        Assert.Equal(["q.csv", "q.csv.sweep.json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Plot_OutputInAFolderThatDoesNotExist_IsRefusedAndCreatesNothing()
    {
        await Sweep("d.csv", "--vary", Chn + "=0:1:3", "-r", "1", "-n", "200");
        var (code, _, stderr) = await Cli("plot", PathOf("d.csv"), "--x", Chn, "-o", PathOf(Path.Combine("nodir", "d.svg")));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("nodir")));
    }

    [Fact]
    public async Task Plot_SidecarOfAnotherSweep_IsRefused()
    {
        await Sweep("a.csv", "--vary", Chn + "=0:1:3", "-r", "1", "-n", "200");
        await Sweep("b.csv", "--vary", Jpn + "=0:1:3", "-r", "1", "-n", "200");
        File.Copy(PathOf("a.csv") + ".sweep.json", PathOf("b.csv") + ".sweep.json", overwrite: true);
        var (code, _, stderr) = await Cli("plot", PathOf("b.csv"), "--x", Jpn, "-o", PathOf("b.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("the sidecar is another sweep's", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("b.png")));
    }

    [Fact]
    public async Task Prepare_Title_NamesTheCrisisRoundsAndReplications()
    {
        await Sweep("r.csv", "--crisis", "baltic", "--vary", Chn + "=0:1:3", "-r", "3", "-n", "400");
        Assert.Matches(@"\bbaltic\b.*\b3 replications of 400 rounds\b", Prepare("r.csv", Chn).Title);
        await Sweep("t.csv", "--vary", Chn + "=0:1:2", "--periods", "4", "-r", "2");
        Assert.Matches(@"\beast-china-sea\b.*\b2 replications of runs of 4 periods\b", Prepare("t.csv", Chn).Title);
    }

    [Fact]
    public async Task Prepare_WithoutASidecar_TitleAndStandardErrorSayWhatIsUnknown()
    {
        await Sweep("r.csv", "--vary", Chn + "=0.1:0.9:3", "-r", "2", "-n", "200");
        File.Delete(PathOf("r.csv") + DeterrenceSim.IO.SweepFile.SidecarSuffix);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, PlotCommand.Prepare(PathOf("r.csv"), Chn, null, "war", [], stderr, out var plot, out _));
        Assert.Contains("war rate: 2 replications a point (no sidecar: crisis and rounds unknown)", plot!.Title, StringComparison.Ordinal);
        Assert.Contains("there is no sidecar", stderr.ToString(), StringComparison.Ordinal);
        AssertLimitsX(plot, 0.1, 0.9);
    }

    [Fact]
    public async Task Plot_XWithASingleValue_OneLineErrorExitTwo()
    {
        await Sweep("one.csv", "--vary", Chn + "=0.5:0.5:1", "--vary", Jpn + "=0:1:2", "-r", "1", "-n", "100");
        var (code, _, stderr) = await Cli("plot", PathOf("one.csv"), "--x", Chn, "-o", PathOf("one.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal($"deterrence-sim: error: --x: {Chn} takes the single value 0.5 in {PathOf("one.csv")}: there is nothing to plot it against.", stderr.Trim());
        Assert.False(File.Exists(PathOf("one.png")));
    }

    [Fact]
    public async Task Prepare_HeatmapOfAGrid_AxesEndAtTheFactorRanges()
    {
        await Sweep("g.csv", "--vary", Chn + "=0:1:3", "--vary", "commitments.Partnership.signal=0.2:0.8:4", "-r", "1", "-n", "200");
        var plot = Prepare("g.csv", Chn, "commitments.Partnership.signal");
        AssertLimits(plot, 0, 1, 0.2, 0.8);
        AssertLimitsX(Prepare("g.csv", Chn), 0, 1);
    }

    [Fact]
    public async Task Prepare_LatinHypercube_AxesEndAtTheFactorRangesNotAtTheOuterPoints()
    {
        await Sweep("l.csv", "--design", "lhs", "--samples", "60", "--vary", Chn + "=0:1", "--vary", "states.CHN.perception.noise=0.2:1.2", "-r", "1", "-n", "200");
        AssertLimits(Prepare("l.csv", Chn, "states.CHN.perception.noise"), 0, 1, 0.2, 1.2);
        AssertLimitsX(Prepare("l.csv", "states.CHN.perception.noise"), 0.2, 1.2);
    }

    [Fact]
    public async Task Prepare_Heatmap_ColourBarIsLabelledWithTheMetric()
    {
        await Sweep("c.csv", "--vary", Chn + "=0:1:3", "--vary", Jpn + "=0:1:3", "-r", "1", "-n", "200");
        var plot = Prepare("c.csv", Chn, Jpn, "defenderMisperception");
        var bar = Assert.Single(plot.Plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        Assert.StartsWith("defenderMisperception rate", bar.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_LineAveragedOverAnotherFactor_BandIsTheTIntervalOfTheReplicationsAverages()
    {
        // 3 x 4 grid, 5 replications, plotted against China's credulity: Japan's 4 levels are averaged over. The band is
        // the Monte Carlo error of that average: a t interval over the replications of the per-replication averages over
        // Japan's levels (common random numbers pair the replications across points), not over all 20 rows of an x,
        // which would add the spread Japan's credulity makes.
        await Sweep("a.csv", "--vary", Chn + "=0:1:3", "--vary", Jpn + "=0:1:4", "-r", "5", "-n", "2000");
        var rows = DeterrenceSim.IO.SweepRowReader.Read(PathOf("a.csv"), out _).ToList();
        var plot = Prepare("a.csv", Chn);
        var line = plot.Line!;
        Assert.Equal([0, 0.5, 1], line.Select(p => p.X));
        double t4 = 2.7764451051977987; // t(0.975, 4), from tables
        foreach (var point in line)
        {
            double[] averages = [.. Enumerable.Range(0, 5).Select(r => rows.Where(w => w.Values[0] == point.X && w.Replication == r).Average(w => w.Estimate("war")!.Value))];
            double mean = averages.Average();
            double sd = Math.Sqrt(averages.Sum(a => (a - mean) * (a - mean)) / 4);
            Assert.Equal(mean, point.Mean, 12);
            Assert.Equal(Math.Max(0, mean - (t4 * sd / Math.Sqrt(5))), point.Lower, 9);
            Assert.Equal(mean + (t4 * sd / Math.Sqrt(5)), point.Upper, 9);
        }

        // The plot says which band is which: the spread over Japan's credulity is drawn apart and named.
        var legend = plot.Plot.GetPlottables<ScottPlot.Plottables.FillY>().Select(f => f.LegendText).ToList();
        Assert.Equal(2, legend.Count);
        Assert.Contains(legend, text => text.Contains("not Monte Carlo error", StringComparison.Ordinal) && text.Contains(Jpn, StringComparison.Ordinal));
        Assert.Contains(legend, text => text.StartsWith("95% t-interval over 5 replications", StringComparison.Ordinal));

        // With Japan's credulity fixed, one design point at each x: one band, the t interval of its 5 replications.
        var fixedPlot = Prepare("a.csv", Chn, null, "war", Jpn + "=0");
        Assert.Single(fixedPlot.Plot.GetPlottables<ScottPlot.Plottables.FillY>());
        foreach (var point in fixedPlot.Line!)
        {
            double[] rates = [.. rows.Where(w => w.Values[0] == point.X && w.Values[1] == 0).Select(w => w.Estimate("war")!.Value)];
            double mean = rates.Average();
            double half = t4 * Math.Sqrt(rates.Sum(a => (a - mean) * (a - mean)) / 4) / Math.Sqrt(5);
            Assert.Equal((1, 5), (point.Points, point.Replications));
            Assert.Equal(Math.Max(0, mean - half), point.Lower, 9);
            Assert.Equal(mean + half, point.Upper, 9);
        }
    }

    [Theory]
    [InlineData("lhs", 200)]
    [InlineData("lhs", 500)]
    [InlineData("sobol", 64)]
    public async Task Prepare_HeatmapOfAScatteredDesign_HasNoEmptyCell(string design, int samples)
    {
        await Sweep("s.csv", "--design", design, "--samples", samples.ToString(CultureInfo.InvariantCulture), "--vary", Chn + "=0:1", "--vary", Jpn + "=0:1", "--vary", "states.CHN.perception.noise=0.2:1.2", "-r", "1", "-n", "100");
        var plot = Prepare("s.csv", Chn, Jpn);
        Assert.True(plot.XAxis.IsBinned && plot.YAxis!.IsBinned);
        Assert.InRange(plot.XAxis.Count, 2, PlotAxis.MaxBins);
        Assert.DoesNotContain(plot.Cells!.Cast<double>(), double.IsNaN);
    }

    private static void AssertLimits(SweepPlot plot, double left, double right, double bottom, double top)
    {
        var limits = Render(plot);
        Assert.Equal((left, right, bottom, top), (limits.Left, limits.Right, limits.Bottom, limits.Top));
    }

    private static void AssertLimitsX(SweepPlot plot, double left, double right)
    {
        var limits = Render(plot);
        Assert.Equal((left, right), (limits.Left, limits.Right));
    }

    /// <summary>Renders the plot (as saving it does) and returns the axis limits it was drawn with.</summary>
    private static ScottPlot.AxisLimits Render(SweepPlot plot)
    {
        plot.Plot.RenderInMemory(SweepPlot.Width, SweepPlot.Height);
        return plot.Plot.Axes.GetLimits();
    }

    private SweepPlot Prepare(string file, string x, string? y = null, string z = "war", params string[] at)
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = PlotCommand.Prepare(PathOf(file), x, y, z, at, stderr, out var plot, out _);
        Assert.True(code == 0, stderr.ToString());
        return plot!;
    }

    private async Task Sweep(string output, params string[] args)
    {
        var (code, _, stderr) = await Cli(["sweep", .. args, "-o", PathOf(output)]);
        Assert.True(code == 0, stderr);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.Run(args);
}
