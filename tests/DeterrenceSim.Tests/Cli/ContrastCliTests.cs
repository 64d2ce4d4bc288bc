using DeterrenceSim.Cli;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Cli;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ContrastCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("contrast-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Contrast_OfAVariant_WritesBothPoliciesAndThePairedDifferences()
    {
        var (code, stdout, stderr) = await CliRunner.Run("contrast", "--policy", "engagement-deepened", "--vary", "states.CHN.perception.credulity=0:1:3", "-r", "2", "-n", "3000", "-o", PathOf("c.csv"));
        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Contains("contrast of 'engagement-deepened'", stderr, StringComparison.Ordinal);
        string[] header = File.ReadLines(PathOf("c.csv")).First().Split(',');
        foreach (string column in new[] { "war", "policy.war", "policy.war_lower", "policy.war_upper", "policy.war_count", "war_difference", "war_difference_lower", "war_difference_upper", "war_policyOnly_count", "war_baselineOnly_count", "deterred_difference", "preventive_difference" })
        {
            Assert.Contains(column, header);
        }

        var rows = SweepRowReader.Read(PathOf("c.csv"), out var paths).ToList();
        Assert.Equal(["states.CHN.perception.credulity"], paths);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.Difference(Measure.War).Estimate!.Value, r.Difference(Measure.War).Lower, r.Difference(Measure.War).Upper));
        Assert.Contains("\"contrast\"", File.ReadAllText(PathOf("c.csv") + SweepFile.SidecarSuffix), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contrast_ShardsMerged_EqualASingleRun_AndAFinishedRunResumesAsChecked()
    {
        string[] common = ["contrast", "--baseline", "crises.east-china-sea.defenderCost=0.1", "--policy", "crises.east-china-sea.defenderCost=0.12,commitments.Partnership.signal=0.7", "--vary", "states.CHN.perception.noise=0.2:0.6:3", "-r", "1", "-n", "2000"];
        Assert.Equal(0, (await CliRunner.Run([.. common, "-o", PathOf("whole.csv")])).Code);
        Assert.Equal(0, (await CliRunner.Run([.. common, "--shard", "1/2", "-o", PathOf("s1.csv")])).Code);
        Assert.Equal(0, (await CliRunner.Run([.. common, "--shard", "2/2", "-o", PathOf("s2.csv")])).Code);
        var (code, _, stderr) = await CliRunner.Run("merge", PathOf("s1.csv"), PathOf("s2.csv"), "-o", PathOf("merged.csv"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("whole.csv")), File.ReadAllBytes(PathOf("merged.csv")));
        (code, _, stderr) = await CliRunner.Run([.. common, "--resume", "-o", PathOf("whole.csv")]);
        Assert.True(code == 0, stderr);
        Assert.Contains("already complete", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--policy", "engagement-deepened,x", "--policy: expected a variant name")]
    [InlineData("--policy", "no-such-variant", "--policy:")]
    [InlineData("--policy", "states.USA.nope=1", "--policy:")]
    [InlineData("--policy", "states.CHN.perception.credulity=0.9", "vanish")]
    [InlineData("--policy", "", "--policy: empty")]
    [InlineData("--policy", "states.JPN.perception.credulity=0.6,states.JPN.perception.credulity=0.7", "is given 2 times")]
    [InlineData("--policy", "learning=false", "acts only in runs over periods")]
    [InlineData("--policy", "crises.east-china-sea.defenderCost=0,15", "a decimal comma?")]
    [InlineData("--policy", "states.*.perception.credulity=0.5", "which the design varies")]
    [InlineData("--baseline", "states.CHN.perception.credulity=0.4", "which the design varies")]
    public async Task Contrast_WithABadPolicy_SaysWhatIsWrong_AndWritesNothing(string option, string value, string message)
    {
        string[] policy = option == "--baseline" ? ["--policy", "engagement-deepened"] : [];
        var (code, _, stderr) = await CliRunner.Run(["contrast", option, value, .. policy, "--vary", "states.CHN.perception.credulity=0:1:3", "-n", "100", "-o", PathOf("bad.csv")]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("-o", "c.parquet", "--output: a contrast is written as CSV")]
    [InlineData("--periods", "5", "--periods:")]
    public async Task Contrast_WithAnUnsupportedOption_IsRefusedUpFront(string option, string value, string message)
    {
        string[] args = option == "-o"
            ? ["contrast", "--policy", "engagement-deepened", "--vary", "states.CHN.perception.credulity=0:1:3", "-o", PathOf(value)]
            : ["contrast", "--policy", "engagement-deepened", "--vary", "states.CHN.perception.credulity=0:1:3", option, value, "-o", PathOf("c.csv")];
        var (code, _, stderr) = await CliRunner.Run(args);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Plot_OfAContrast_DrawsTheMeanPairedDifference_AndRefusesItForASweep()
    {
        const string X = "states.CHN.perception.credulity", Y = "states.CHN.perception.noise";
        Assert.Equal(0, (await CliRunner.Run("contrast", "--policy", "engagement-deepened", "--vary", X + "=0:1:3", "--vary", Y + "=0.2:1:2", "-r", "2", "-n", "3000", "-o", PathOf("c.csv"))).Code);
        var rows = SweepRowReader.Read(PathOf("c.csv"), out _).ToList();
        using var writer = new StringWriter();
        Assert.Equal(0, PlotCommand.Prepare(PathOf("c.csv"), X, Y, "war_difference", [], writer, out var heatmap, out _));
        for (int point = 0; point < 6; point++)
        {
            double expected = rows.Where(r => r.Point == point).Average(r => r.Difference(Measure.War).Estimate!.Value);
            Assert.Equal(expected, heatmap!.Cells![point % 2, point / 2], 15);
        }

        Assert.Equal(0, PlotCommand.Prepare(PathOf("c.csv"), X, null, "policy.war", ["states.CHN.perception.noise=0.2"], writer, out var line, out _));
        Assert.Equal(rows.Where(r => r.Point == 0).Average(r => r.Policy(Measure.War).Estimate!.Value), line!.Line![0].Mean, 15);

        Assert.Equal(0, (await CliRunner.Run("sweep", "--vary", X + "=0:1:3", "-r", "1", "-n", "500", "-o", PathOf("s.csv"))).Code);
        Assert.Equal(CliApp.InvalidInput, PlotCommand.Prepare(PathOf("s.csv"), X, null, "war_difference", [], writer, out _, out _));
        Assert.Contains("not a contrast's", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitivityFrom_AContrast_GivesTheIndicesOfThePolicysEffect_AndASweepHasNone()
    {
        string[] design = ["--design", "sobol", "--samples", "16", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "crises.east-china-sea.challengerCost=0.02:0.3", "-r", "1", "-n", "2000"];
        Assert.Equal(0, (await CliRunner.Run(["contrast", "--policy", "engagement-deepened", .. design, "-o", PathOf("c.csv")])).Code);
        var (code, stdout, stderr) = await CliRunner.Run("sensitivity", "--from", PathOf("c.csv"), "--metric", "war_difference", "--format", "json");
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal("war_difference", json.RootElement.GetProperty("metric").GetString());

        // The outputs it analysed are the points' paired differences.
        var rows = SweepRowReader.Read(PathOf("c.csv"), out _).ToList();
        var outputs = rows.Select(r => r.Difference(Measure.War).Estimate!.Value).ToArray();
        var expected = DeterrenceSim.Experiments.SobolAnalysis.Analyze(outputs, 2, 1000, 0.95, 1);
        Assert.Equal(expected.TotalOrder[0].Estimate, json.RootElement.GetProperty("factors")[0].GetProperty("totalOrder").GetProperty("estimate").GetDouble(), 12);

        Assert.Equal(0, (await CliRunner.Run(["sweep", .. design, "-o", PathOf("s.csv")])).Code);
        (code, _, stderr) = await CliRunner.Run("sensitivity", "--from", PathOf("s.csv"), "--metric", "war_difference");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("a sweep's results, with no column 'war_difference'", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.Run("sensitivity", "--metric", "war_difference", "--vary", "states.CHN.perception.credulity=0:1");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--metric: 'war_difference' is a contrast's", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contrast_OfAPolicyThatDoesNotActInTheCrisis_Warns_AndMergeRefusesParquetUpFront()
    {
        var (code, _, stderr) = await CliRunner.Run("contrast", "--policy", "engagement-deepened", "--crisis", "baltic", "--vary", "states.RUS.perception.noise=0.2:1:2", "-r", "1", "-n", "500", "--shard", "1/1", "-o", PathOf("b.csv"));
        Assert.True(code == 0, stderr);
        Assert.Contains("not one of 10,000 rounds of crisis baltic ends differently", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.Run("merge", PathOf("b.csv"), "-o", PathOf("m.parquet"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("m.parquet: the shards are a contrast's", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp-", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.parquet")));
    }

    [Fact]
    public async Task SensitivityFrom_AFileWhoseValuesAreNotItsSidecarsDesign_IsRefused_NotAnalysed()
    {
        string[] vary = ["--design", "sobol", "--samples", "8", "-r", "1", "-n", "500"];
        Assert.Equal(0, (await CliRunner.Run(["contrast", "--policy", "engagement-deepened", .. vary, "--vary", "states.JPN.perception.credulity=0:1", "-o", PathOf("a.csv")])).Code);
        Assert.Equal(0, (await CliRunner.Run(["contrast", "--policy", "engagement-deepened", .. vary, "--vary", "states.JPN.perception.credulity=0:0.5", "-o", PathOf("b.csv")])).Code);
        File.Copy(PathOf("b.csv") + SweepFile.SidecarSuffix, PathOf("a.csv") + SweepFile.SidecarSuffix, overwrite: true);
        var (code, stdout, stderr) = await CliRunner.Run("sensitivity", "--from", PathOf("a.csv"), "--metric", "war_difference");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("the parameter values are not the design's values at that point", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);

        (code, _, stderr) = await CliRunner.Run("sensitivity", "--from", PathOf("b.csv") + SweepFile.SidecarSuffix);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("found its sidecar", stderr, StringComparison.Ordinal);
    }
}
