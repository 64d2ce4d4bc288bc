using System.Text.Json;
using DeterrenceSim.Cli;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Cli;

/// <summary>What the command line tells a user before results: parameters, warnings, refusals.</summary>
public sealed class DiscoverabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("discover-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ListParameters_Json_ListsEveryParameterOfTheCatalogWithItsFacts()
    {
        var (code, stdout, stderr) = await CliRunner.Run("list", "--parameters", "--format", "json");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var items = document.RootElement.EnumerateArray().ToList();
        var expected = ParameterCatalog.Describe(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName));
        Assert.Equal(expected.Select(p => p.Path), items.Select(i => i.GetProperty("path").GetString()));
        var credulity = items.Single(i => i.GetProperty("path").GetString() == "states.CHN.perception.credulity");
        Assert.Equal(ParameterPaths.Get(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "states.CHN.perception.credulity")[0].Value, credulity.GetProperty("value").GetRawText());
        Assert.Equal("[0, 1]", credulity.GetProperty("domain").GetString());
        Assert.Equal(0, credulity.GetProperty("default").GetDouble());
        Assert.Equal("rounds", credulity.GetProperty("acts").GetString());
        var learning = items.Single(i => i.GetProperty("path").GetString() == "learning");
        Assert.Equal("runs", learning.GetProperty("acts").GetString());
        Assert.True(learning.GetProperty("default").GetBoolean());
        var protocol = items.Single(i => i.GetProperty("path").GetString() == "crises.baltic.bargaining.protocol");
        Assert.Equal("NashSplit", protocol.GetProperty("default").GetString());
        Assert.True(items.Single(i => i.GetProperty("path").GetString() == "crises.baltic.statusQuo").GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task ListParameters_CsvAndTable_HoldTheSameRows()
    {
        var (code, csv, _) = await CliRunner.Run("list", "-p", "-f", "csv", "-s", "indo-pacific-2023");
        Assert.Equal(0, code);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("path,value,type,domain,default,acts", lines[0]);
        Assert.Contains("alliances.NATO.votePeriod,1,integer,an integer >= 1,1,runs", lines);
        Assert.Contains("crises.baltic.statusQuo,0.35,number,\"[0, 1]\",(required),rounds", lines);
        var (tableCode, table, _) = await CliRunner.Run("list", "-p");
        Assert.Equal(0, tableCode);
        Assert.Contains("states.CHN.perception.credulity", table, StringComparison.Ordinal);
        Assert.Equal(lines.Length - 1, ParameterCatalog.Describe(ScenarioLoader.LoadEmbedded("indo-pacific-2023")).Count);
    }

    [Fact]
    public async Task RepeatedSet_OfOnePath_IsAnErrorNamingBothValues()
    {
        var (code, stdout, stderr) = await CliRunner.Run("run", "-n", "100", "--set", "states.CHN.perception.credulity=0.1", "--set", "states.CHN.perception.credulity=0.9");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("'states.CHN.perception.credulity' is given 2 times (0.1, then 0.9)", stderr, StringComparison.Ordinal);

        // A wildcard and one item of it are two paths: the item overrides the wildcard.
        (code, _, stderr) = await CliRunner.Run("run", "-n", "100", "--set", "states.*.perception.noise=0", "--set", "states.CHN.perception.noise=0.5");
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public async Task Run_SetOfARunsOnlyField_Warns_AndSimulateOfOnePeriodToo()
    {
        var (code, _, stderr) = await CliRunner.Run("run", "-n", "100", "--set", "learning=false", "--set", "states.CHN.perception.noise=0.5");
        Assert.Equal(0, code);
        Assert.Contains("warning: 'learning' acts only in runs over periods", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("noise", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "1", "--set", "alliances.NATO.votePeriod=2");
        Assert.Equal(0, code);
        Assert.Contains("warning: 'alliances.NATO.votePeriod' acts only in runs over periods, so it cannot change a run of one period", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "2", "--set", "alliances.NATO.votePeriod=2");
        Assert.Equal(0, code);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_SetOfARunsOnlyField_WarnsInSingleRounds()
    {
        var (code, _, stderr) = await CliRunner.Run("sweep", "--set", "priorStrength=5", "--vary", "states.CHN.perception.credulity=0:1:2", "-r", "1", "-n", "100", "-o", Path.Combine(_folder, "s.csv"));
        Assert.Equal(0, code);
        Assert.Contains("warning: 'priorStrength' acts only in runs over periods", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_SetOfAVariedPath_IsRefused_SoRecordedOverridesReplay()
    {
        var (code, _, stderr) = await CliRunner.Run("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "--set", "states.CHN.perception.credulity=2", "-r", "1", "-n", "100", "-o", Path.Combine(_folder, "v.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--set: 'states.CHN.perception.credulity' is also varied", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "v.csv")));
    }

    [Fact]
    public async Task Commitment_WhoseScopeCoversNoCrisisRegion_DrawsAWarning()
    {
        // USA>JPN scoped to a misspelt region: it binds in no crisis.
        var root = System.Text.Json.Nodes.JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023")))!;
        var commitment = root["commitments"]!.AsArray().Single(c => (string?)c!["supporter"] == "USA" && (string?)c!["protege"] == "JPN")!;
        commitment["scope"] = new System.Text.Json.Nodes.JsonArray("East Asia");
        string file = Path.Combine(_folder, "typo.json");
        File.WriteAllText(file, root.ToJsonString());
        var (code, _, stderr) = await CliRunner.Run("run", "-s", file, "-n", "100");
        Assert.Equal(0, code);
        Assert.Contains("warning: " + file + ": $.commitments[", stderr, StringComparison.Ordinal);
        Assert.Contains("(USA>JPN): its scope holds only East Asia, which covers no crisis's region", stderr, StringComparison.Ordinal);

        // The embedded scenario draws none.
        (code, _, stderr) = await CliRunner.Run("run", "-n", "100");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }
}
