using System.Text.Json;
using System.Text.Json.Nodes;
using DeterrenceSim.Cli;
using DeterrenceSim.IO;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Cli;

/// <summary>--variant NAME (issue 13): applied before --set, recorded in the provenance and the sweep's identity.</summary>
public sealed class VariantCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("variant-cli-").FullName;

    public VariantCliTests()
    {
        // The embedded scenario with two test variants (not the scenario's own: their values are only for the tests).
        var root = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)))!.AsObject();
        root["variants"] = JsonNode.Parse("""
            [
              { "name": "credulous-china", "description": "China believes visible signals.",
                "overrides": [ { "path": "states.CHN.perception.credulity", "value": 0.9, "rationale": "A test value.", "sources": ["none: a test"] } ] },
              { "name": "thin-partnerships", "description": "Partnerships signal little.",
                "overrides": [
                  { "path": "commitments.Partnership.signal", "value": 0.2, "rationale": "A test value.", "sources": ["none"] },
                  { "path": "states.CHN.perception.noise", "value": 0.4, "rationale": "A test value.", "sources": ["none"] }
                ] }
            ]
            """);
        File.WriteAllText(Scenario, root.ToJsonString());
    }

    private string Scenario => PathOf("with-variants.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Run_WithVariant_EqualsTheSameOverridesBySet_AndRecordsTheVariant()
    {
        var (code, stdout, stderr) = await CliRunner.Run("run", "-s", Scenario, "--variant", "credulous-china", "-n", "2000", "-t", "1", "-f", "json");
        Assert.True(code == 0, stderr);
        var (setCode, setOut, _) = await CliRunner.Run("run", "-s", Scenario, "--set", "states.CHN.perception.credulity=0.9", "-n", "2000", "-t", "1", "-f", "json");
        Assert.Equal(0, setCode);
        using var variant = JsonDocument.Parse(stdout);
        using var set = JsonDocument.Parse(setOut);
        Assert.Equal(set.RootElement.GetProperty("outcomes").GetRawText(), variant.RootElement.GetProperty("outcomes").GetRawText());
        Assert.Equal(["credulous-china"], variant.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        Assert.False(set.RootElement.TryGetProperty("variants", out _));
        Assert.Equal(set.RootElement.GetProperty("scenarioSha256").GetString(), variant.RootElement.GetProperty("scenarioSha256").GetString());
    }

    [Fact]
    public async Task Run_VariantThenSet_TheSetAdjustsTheVariant()
    {
        var (code, stdout, stderr) = await CliRunner.Run("run", "-s", Scenario, "--variant", "credulous-china", "--set", "states.CHN.perception.credulity=0.3", "-n", "2000", "-t", "1", "-f", "csv");
        Assert.True(code == 0, stderr);
        var (_, plain, _) = await CliRunner.Run("run", "-s", Scenario, "--set", "states.CHN.perception.credulity=0.3", "-n", "2000", "-t", "1", "-f", "csv");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",library,variants", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",credulous-china", lines[1], StringComparison.Ordinal);
        Assert.Equal(plain.Split('\n')[1][..plain.Split('\n')[1].LastIndexOf(',')], lines[1][..lines[1].LastIndexOf(',')]);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("sensitivity")]
    public async Task AFileWithABadVariant_IsRefusedBySweepAndSensitivityToo_NamingTheFile(string command)
    {
        // Without --variant: loading the file checks its variants, as run and simulate do (a fresh review found sweep
        // and sensitivity skipped it, and named "<code>" instead of the file for a variant without sources).
        var root = JsonNode.Parse(File.ReadAllText(Scenario))!;
        root["variants"]![0]!["overrides"]![0]!["path"] = "states.CHN.perception.reach";
        root["variants"]![0]!["overrides"]![0]!["value"] = 1.5;
        string bad = PathOf("bad-variant.json");
        File.WriteAllText(bad, root.ToJsonString());
        string output = PathOf(command + ".csv");
        string[] args = command == "sweep"
            ? ["sweep", "-s", bad, "--vary", "states.CHN.perception.cohesion=0:1:2", "-r", "1", "-n", "100", "-o", output]
            : ["sensitivity", "-s", bad, "--vary", "states.CHN.perception.cohesion=0:1", "--vary", "states.JPN.perception.noise=0:1", "--samples", "4", "-n", "100"];

        var (code, stdout, stderr) = await CliRunner.Run(args);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains(bad, stderr, StringComparison.Ordinal);
        Assert.Contains("$.variants[0].overrides[0].value", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task BadVariants_FailWithOneLineAndExitCode2()
    {
        var (code, stdout, stderr) = await CliRunner.Run("run", "-s", Scenario, "--variant", "nope", "-n", "100");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("credulous-china, thin-partnerships", stderr, StringComparison.Ordinal);
        Assert.StartsWith("deterrence-sim: error: --variant: ", stderr, StringComparison.Ordinal); // the option's fault, not the file's
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);

        (code, stdout, stderr) = await CliRunner.Run("simulate", "--variant", "nope", "-r", "2");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("engagement-deepened, shifrinson-preventive, shifrinson-overconfidence", stderr, StringComparison.Ordinal);

        var root = JsonNode.Parse(File.ReadAllText(Scenario))!;
        root["variants"]![1]!["overrides"]![0]!["path"] = "commitments.Nothing.signal";
        File.WriteAllText(PathOf("bad.json"), root.ToJsonString());
        (code, stdout, stderr) = await CliRunner.Run("run", "-s", PathOf("bad.json"), "-n", "100");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("$.variants[1].overrides[0].path", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.json", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // The same path twice in a variant is refused, as --set refuses it; a number written as a JSON string too.
        root = JsonNode.Parse(File.ReadAllText(Scenario))!;
        var overrides = root["variants"]![1]!["overrides"]!.AsArray();
        overrides.Add(overrides[0]!.DeepClone());
        File.WriteAllText(PathOf("twice.json"), root.ToJsonString());
        (code, stdout, stderr) = await CliRunner.Run("run", "-s", PathOf("twice.json"), "-n", "100");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains($"$.variants[1].overrides[{overrides.Count - 1}].path", stderr, StringComparison.Ordinal);
        root = JsonNode.Parse(File.ReadAllText(Scenario))!;
        root["variants"]![1]!["overrides"]![0]!["value"] = "0.9";
        File.WriteAllText(PathOf("string.json"), root.ToJsonString());
        (code, stdout, stderr) = await CliRunner.Run("run", "-s", PathOf("string.json"), "-n", "100");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("$.variants[1].overrides[0].value", stderr, StringComparison.Ordinal);

        (code, _, stderr) = await CliRunner.Run("sweep", "-s", Scenario, "--variant", "nope", "--vary", "states.JPN.perception.credulity=0:1:2", "-n", "100", "-o", PathOf("none.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.False(File.Exists(PathOf("none.csv")));
        Assert.Contains("'nope'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RecordsTheVariantInItsSidecar_AndResumeRefusesAnotherVariant()
    {
        string output = PathOf("s.csv");
        string[] sweep = ["sweep", "-s", Scenario, "--vary", "states.JPN.perception.credulity=0:1:2", "-r", "1", "-n", "500", "-t", "1"];
        var (code, _, stderr) = await CliRunner.Run([.. sweep, "--variant", "thin-partnerships", "-o", output]);
        Assert.True(code == 0, stderr);
        using (var sidecar = JsonDocument.Parse(File.ReadAllText(output + SweepFile.SidecarSuffix)))
        {
            Assert.Equal(["thin-partnerships"], sidecar.RootElement.GetProperty("identity").GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        }

        (code, _, stderr) = await CliRunner.Run([.. sweep, "--variant", "thin-partnerships", "-o", output, "--resume"]);
        Assert.True(code == 0, stderr);

        (code, _, stderr) = await CliRunner.Run([.. sweep, "--variant", "credulous-china", "-o", output, "--resume"]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("records a different variants", stderr, StringComparison.Ordinal);

        (code, _, stderr) = await CliRunner.Run([.. sweep, "-o", output, "--resume"]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("records a different variants", stderr, StringComparison.Ordinal);

        // A sweep without a variant writes no variants key (sidecars keep their bytes).
        (code, _, stderr) = await CliRunner.Run([.. sweep, "-o", PathOf("plain.csv")]);
        Assert.True(code == 0, stderr);
        using var plain = JsonDocument.Parse(File.ReadAllText(PathOf("plain.csv") + SweepFile.SidecarSuffix));
        Assert.False(plain.RootElement.GetProperty("identity").TryGetProperty("variants", out _));
    }

    [Fact]
    public async Task Merge_RefusesShardsOfDifferentVariants()
    {
        string[] sweep = ["sweep", "-s", Scenario, "--vary", "states.JPN.perception.credulity=0:1:4", "-r", "1", "-n", "300", "-t", "1"];
        Assert.Equal(0, (await CliRunner.Run([.. sweep, "--variant", "thin-partnerships", "--shard", "1/2", "-o", PathOf("a1.csv")])).Code);
        Assert.Equal(0, (await CliRunner.Run([.. sweep, "--variant", "credulous-china", "--shard", "2/2", "-o", PathOf("a2.csv")])).Code);
        var (code, _, stderr) = await CliRunner.Run("merge", PathOf("a1.csv"), PathOf("a2.csv"), "-o", PathOf("merged.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("different variants", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("merged.csv")));
    }

    [Fact]
    public async Task SimulateAndSensitivity_RecordTheVariant()
    {
        var (code, stdout, stderr) = await CliRunner.Run("simulate", "-s", Scenario, "--variant", "credulous-china", "-r", "2", "-p", "2", "-t", "1", "-f", "json", "-o", PathOf("rows.csv"));
        Assert.True(code == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal("credulous-china", json.RootElement.GetProperty("variants")[0].GetString());
        }

        using (var sidecar = JsonDocument.Parse(File.ReadAllText(PathOf("rows.csv") + ".simulate.json")))
        {
            Assert.Equal("credulous-china", sidecar.RootElement.GetProperty("variants")[0].GetString());
        }

        (code, stdout, stderr) = await CliRunner.Run("sensitivity", "-s", Scenario, "--variant", "thin-partnerships", "--vary", "states.JPN.perception.credulity=0:1", "--vary", "states.CHN.perception.credulity=0:1", "--samples", "8", "-n", "5000", "-t", "1", "-f", "json");
        Assert.True(code == 0, stderr);
        using var sensitivity = JsonDocument.Parse(stdout);
        Assert.Equal("thin-partnerships", sensitivity.RootElement.GetProperty("variants")[0].GetString());
    }

    [Fact]
    public async Task List_ShowsTheVariants_AndOneVariantsOverrides()
    {
        var (code, stdout, stderr) = await CliRunner.Run("list", "-s", Scenario);
        Assert.True(code == 0, stderr);
        Assert.Contains("thin-partnerships", stdout, StringComparison.Ordinal);
        Assert.Contains("Partnerships signal little.", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = await CliRunner.Run("list", "-s", Scenario, "--variant", "thin-partnerships", "-f", "json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var overrides = json.RootElement.GetProperty("overrides");
        Assert.Equal(2, overrides.GetArrayLength());
        Assert.Equal("commitments.Partnership.signal", overrides[0].GetProperty("path").GetString());
        Assert.Equal("0.2", overrides[0].GetProperty("value").GetString());
        Assert.Equal("A test value.", overrides[0].GetProperty("rationale").GetString());

        (code, stdout, stderr) = await CliRunner.Run("list", "-s", Scenario, "--variant", "credulous-china", "--parameters", "-f", "csv");
        Assert.True(code == 0, stderr);
        Assert.Contains("states.CHN.perception.credulity,0.9,", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = await CliRunner.Run("list", "-s", Scenario, "--variant", "nope");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("'nope'", stderr, StringComparison.Ordinal);
    }
}
