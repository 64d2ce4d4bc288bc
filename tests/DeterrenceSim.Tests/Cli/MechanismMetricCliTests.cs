using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Cli;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Cli;

/// <summary>The mechanism measures as metrics of the command line (issue 12): a sweep row equals <c>run</c> at its
/// point, <c>sensitivity --metric</c>, <c>plot --z</c> and <c>sweep --target</c> take them, and a file written before the
/// mechanism columns says so.</summary>
public sealed class MechanismMetricCliTests : IDisposable
{
    private const string Chn = "states.CHN.perception.credulity";
    private const string Jpn = "states.JPN.perception.credulity";

    private readonly string _folder = Directory.CreateTempSubdirectory("mechanism-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Sweep_RowIsReproducedByRun_ForEveryMechanismMeasure()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", Jpn + "=0:1:3", "-r", "2", "-n", "4000", "--seed", "77", "-o", PathOf("r.csv"))).Code);
        var row = SweepRowReader.Read(PathOf("r.csv"), out _).Single(r => r.Point == 2 && r.Replication == 1);
        var (code, stdout, _) = await Cli("run", "--seed", "77", "--replication", "1", "-n", "4000", "--set", Jpn + "=1", "-f", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var mechanisms = json.RootElement.GetProperty("mechanisms");
        long wars = json.RootElement.GetProperty("outcomes").GetProperty("war").GetProperty("count").GetInt64();
        Assert.Equal(wars, row[Measure.War].Count);
        Assert.True(wars > 0);
        foreach (var factor in MechanismFactors.All)
        {
            var butFor = mechanisms.GetProperty("butFor").GetProperty(factor.Name());
            var rate = row[Measure.ButFor(factor)];
            Assert.Equal(butFor.GetProperty("count").GetInt64(), rate.Count);
            Assert.Equal(butFor.GetProperty("estimate").GetDouble(), rate.Estimate);
            Assert.Equal(butFor.GetProperty("lower").GetDouble(), rate.Lower);
            Assert.Equal(butFor.GetProperty("upper").GetDouble(), rate.Upper);
            var shapley = mechanisms.GetProperty("shapley").GetProperty(factor.Name());
            var mean = row.Mean(Measure.Shapley(factor));
            Assert.Equal(shapley.GetProperty("mean").GetDouble(), mean.Mean);
            Assert.Equal(shapley.GetProperty("lower").GetDouble(), mean.Lower);
            Assert.Equal(shapley.GetProperty("upper").GetDouble(), mean.Upper);
        }

        var rational = mechanisms.GetProperty("rational");
        Assert.Equal(rational.GetProperty("count").GetInt64(), row[Measure.ShapleyRational].Count);
        Assert.Equal(rational.GetProperty("estimate").GetDouble(), row.Estimate("shapley.rational"));
    }

    [Theory]
    [InlineData("shapley.defender.ownCredulity")]
    [InlineData("butFor.defender.ownCredulity")]
    public async Task Sensitivity_TakesAMechanismMetric(string metric)
    {
        string[] args = ["sensitivity", "--vary", Jpn + "=0:1", "--vary", "states.CHN.perception.noise=0.2:1", "--samples", "8", "-n", "1500", "-t", "2", "--seed", "3", "-f", "json"];
        var (code, stdout, stderr) = await Cli([.. args, "--metric", metric]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(metric, json.RootElement.GetProperty("metric").GetString());
        (code, stdout, stderr) = await Cli([.. args, "--metric", "war"]);
        Assert.True(code == 0, stderr);
        using var war = JsonDocument.Parse(stdout);

        // Another metric, other indices: the metric is the one asked for.
        Assert.NotEqual(war.RootElement.GetProperty("factors").GetRawText(), json.RootElement.GetProperty("factors").GetRawText());
        (code, _, stderr) = await Cli([.. args, "--metric", "shapley.defender.nothing"]);
        Assert.NotEqual(0, code);
        Assert.Contains("shapley.defender.nothing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_AShapleyShare_IsTheMeanOfItsColumnOverReplications()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", Jpn + "=0:1:3", "-r", "3", "-n", "1500", "--seed", "5", "-o", PathOf("p.csv"))).Code);
        var (code, _, stderr) = await Cli("plot", PathOf("p.csv"), "--x", Jpn, "--z", "shapley.challenger.noise", "-o", PathOf("p.svg"));
        Assert.True(code == 0, stderr);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, PlotCommand.Prepare(PathOf("p.csv"), Jpn, null, "shapley.challenger.noise", [], writer, out var plot, out _));
        Assert.Contains("shapley.challenger.noise (contribution to the war rate)\nin east-china-sea", plot!.Title, StringComparison.Ordinal);

        // The file's own column, averaged over the replications of each point.
        var lines = File.ReadAllLines(PathOf("p.csv"));
        var header = lines[0].Split(',').ToList();
        var expected = lines.Skip(1).Select(l => l.Split(','))
            .GroupBy(c => double.Parse(c[header.IndexOf(Jpn)], CultureInfo.InvariantCulture))
            .Select(g => g.Average(c => double.Parse(c[header.IndexOf("shapley.challenger.noise")], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(3, plot.Line!.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], plot.Line[i].Mean, 15);
            Assert.InRange(plot.Line[i].Lower, -1, plot.Line[i].Mean);
        }

        Assert.Contains(expected, m => m != 0);
        Assert.Equal(0, PlotCommand.Prepare(PathOf("p.csv"), Jpn, null, "butFor.defender.ownCredulity", [], writer, out plot, out _));
        Assert.Contains("butFor.defender.ownCredulity rate", plot!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_AHeatmapOfAShapleyShare()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", Jpn + "=0:1:2", "--vary", Chn + "=0:1:2", "-r", "1", "-n", "800", "-o", PathOf("h.csv"))).Code);
        var (code, _, stderr) = await Cli("plot", PathOf("h.csv"), "--x", Jpn, "--y", Chn, "--z", "shapley.challenger.noise", "-o", PathOf("h.png"));
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(PathOf("h.png")));
    }

    [Fact]
    public async Task Plot_AMechanismMetricOfAFileOfFormatVersion2_SaysItWasWrittenBefore()
    {
        string file = PathOf("v2.csv");
        File.Copy(DeterrenceSim.Tests.IO.SweepFormatVersion2Tests.Fixture("sweep.csv"), file);
        File.Copy(DeterrenceSim.Tests.IO.SweepFormatVersion2Tests.Fixture("sweep.csv.sweep.json"), file + SweepFile.SidecarSuffix);
        var (code, _, stderr) = await Cli("plot", file, "--x", Jpn, "--z", "shapley.challenger.noise", "-o", PathOf("v2.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--z: " + file + " has no column 'shapley.challenger.noise': it was written before sweep results had the mechanism columns", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("v2.png")));
        (code, _, stderr) = await Cli("plot", file, "--x", Jpn, "--z", "war", "-o", PathOf("v2.png"));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public async Task SweepTarget_TakesMechanismMetrics_AndNamesThemWhenWrong()
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", Jpn + "=0:1:2", "-r", "2", "-n", "500", "--target", "shapley.challenger.noise=0.2", "-o", PathOf("t.csv"));
        Assert.True(code == 0, stderr);
        Assert.Contains("\"metric\": \"shapley.challenger.noise\"", File.ReadAllText(PathOf("t.csv") + SweepFile.SidecarSuffix), StringComparison.Ordinal);
        (code, _, stderr) = await Cli("sweep", "--vary", Jpn + "=0:1:2", "-r", "2", "-n", "500", "--target", "butFor.defender.ownCredulity=0.2", "-o", PathOf("b.csv"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await Cli("sweep", "--vary", Jpn + "=0:1:2", "--target", "shapley.nobody=0.01", "-o", PathOf("x.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--target: expected a metric among deterred, ", stderr, StringComparison.Ordinal);
        Assert.Contains("butFor.defender.ownCredulity, shapley.defender.ownCredulity, ", stderr, StringComparison.Ordinal);
        Assert.Contains("shapley.rational, found 'shapley.nobody'", stderr, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.Run(args);
}
