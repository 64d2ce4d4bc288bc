using System.Text.Json;
using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary><c>calibrate</c> and <c>predict</c> (issue 14): the contract's keys, determinism and bad input.</summary>
public sealed class CalibrateCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("calibrate-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task CalibrateThenPredict_WriteTheContractsKeys_AndTheSameSeedGivesTheSameFile()
    {
        string[] calibrate = ["calibrate", "--from", "1900", "--to", "1944", "--particles", "60", "--generations", "3", "--seed", "5"];
        var (code, _, stderr) = await CliRunner.Run([.. calibrate, "--threads", "1", "--output", PathOf("a.json"), "--plot", PathOf("a.png")]);
        Assert.True(code == 0, stderr);
        Assert.True(new FileInfo(PathOf("a.png")).Length > 10_000); // the corner plot
        (code, _, stderr) = await CliRunner.Run([.. calibrate, "--threads", "2", "--output", PathOf("b.json")]);
        Assert.True(code == 0, stderr);
        string a = File.ReadAllText(PathOf("a.json"));
        Assert.Equal(a, File.ReadAllText(PathOf("b.json"))); // any thread count

        using var posterior = JsonDocument.Parse(a);
        var root = posterior.RootElement;
        Assert.Equal("gml-mid", root.GetProperty("population").GetString());
        Assert.Equal(root.GetProperty("crises").GetInt32(), root.GetProperty("placed").GetInt32() + root.GetProperty("unplaced").GetInt32());
        foreach (string p in new[] { "noise", "cost", "dissatisfaction" })
        {
            var s = root.GetProperty("posterior").GetProperty(p);
            Assert.True(s.GetProperty("q025").GetDouble() <= s.GetProperty("mean").GetDouble() && s.GetProperty("mean").GetDouble() <= s.GetProperty("q975").GetDouble());
            Assert.True(s.GetProperty("sd").GetDouble() >= 0);
        }

        Assert.Equal(60, root.GetProperty("samples").GetArrayLength());
        var war = root.GetProperty("statistics").GetProperty("war");
        Assert.InRange(war.GetProperty("observed").GetDouble(), 0, 1);

        string stdout;
        (code, stdout, stderr) = await CliRunner.Run("predict", "--posterior", PathOf("a.json"), "--from", "1945", "--to", "1960", "-f", "json");
        Assert.True(code == 0, stderr);
        using var prediction = JsonDocument.Parse(stdout);
        var p1945 = prediction.RootElement;
        Assert.Equal(1945, p1945.GetProperty("from").GetInt32());
        foreach (string key in new[] { "observed", "predicted", "lower", "upper" })
        {
            Assert.InRange(p1945.GetProperty("statistics").GetProperty("challengerWinsGivenWar").GetProperty(key).GetDouble(), 0, 1);
        }

        (code, stdout, _) = await CliRunner.Run("predict", "--posterior", PathOf("a.json"), "--from", "1945", "--to", "1960", "-f", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("statistic,observed,predicted,lower,upper,covered\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calibrate|--statistics|war.from1945", "not defined in gml-mid 1816-1944")]
    [InlineData("calibrate|--statistics|war,nope", "unknown statistic 'nope'")]
    [InlineData("calibrate|--from|1950|--to|1940", "--to: expected a year >= --from (1950), found 1940")]
    [InlineData("calibrate|--population|cow", "--population: expected gml-mid, found 'cow'")]
    [InlineData("calibrate|--particles|1", "--particles: expected an integer from 2 to 1000000, found 1")]
    [InlineData("calibrate|--from|2050|--to|2060", "no dispute of gml-mid starts from 2050 to 2060")]
    [InlineData("calibrate|--plot|corner.svg", "--plot: expected a .png file, found 'corner.svg'")]
    [InlineData("calibrate|--statistics|war,challengerWinsGivenWar", "'challengerWinsGivenWar' can be predicted but not matched")]
    [InlineData("calibrate|--statistics|war,,concession", "--statistics: expected names separated by single commas")]
    [InlineData("calibrate|--particles|2000000000", "--particles: expected an integer from 2 to 1000000, found 2000000000")]
    [InlineData("calibrate|--plot|/nonexistent-folder/x.png", "--plot: the folder /nonexistent-folder does not exist")]
    public async Task Calibrate_BadInput_OneLineExitCode2AndNoFile(string args, string expected)
    {
        var (code, _, stderr) = await CliRunner.Run([.. args.Split('|'), "--output", PathOf("bad.json")]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("bad.json")));
    }

    [Theory]
    [InlineData("not json", "malformed JSON")]
    [InlineData("{\"population\": \"gml-mid\", \"from\": 1816}", "key 'to': expected a number, found nothing (missing)")]
    [InlineData("{\"population\": \"gml-mid\", \"from\": 1816, \"to\": 1944, \"rules\": {\"projectionHalfDistanceKm\": -1, \"reliability\": 0.7, \"challengerPower\": 0.5, \"decisiveness\": 1}}", "key 'rules.projectionHalfDistanceKm'")]
    public async Task Predict_ABadPosteriorFile_NamesTheFileAndKey(string text, string expected)
    {
        await PredictFails(text, expected);
    }

    [Theory]
    [InlineData("noise", "key 'samples[0].noise': expected a value in its prior's support [0, 4], found 7.5")]
    [InlineData("weights", "weights summing past the largest double")]
    [InlineData("matched", "key 'matched': expected statistics of")]
    [InlineData("summary", "key 'posterior.noise': expected q025 <= mean <= q975")]
    public async Task Predict_ATamperedPosteriorFile_IsRefused(string tamper, string expected)
    {
        var (code, _, stderr) = await CliRunner.Run("calibrate", "--from", "1900", "--to", "1944", "--particles", "20", "--generations", "1", "--output", PathOf("ok.json"));
        Assert.True(code == 0, stderr);
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PathOf("ok.json")))!;
        switch (tamper)
        {
            case "noise":
                root["samples"]![0]!["noise"] = 7.5;
                break;
            case "weights":
                root["samples"]![0]!["weight"] = 1e308;
                root["samples"]![1]!["weight"] = 1e308;
                break;
            case "matched":
                root["matched"]![0] = "bogus";
                break;
            default:
                root["posterior"]!["noise"]!["mean"] = 99.0;
                break;
        }

        await PredictFails(root.ToJsonString(), expected);
    }

    private async Task PredictFails(string text, string expected)
    {
        File.WriteAllText(PathOf("p.json"), text);
        var (code, stdout, stderr) = await CliRunner.Run("predict", "--posterior", PathOf("p.json"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains(PathOf("p.json"), stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
