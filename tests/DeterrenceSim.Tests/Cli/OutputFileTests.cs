using System.Text.Json;
using DeterrenceSim.Cli;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Scenarios;
using Parquet;

namespace DeterrenceSim.Tests.Cli;

/// <summary>Output files of the command line: names checked up front, stale partial files, provenance.</summary>
public sealed class OutputFileTests : IDisposable
{
    private static readonly string EmbeddedSha256 = Provenance.Of(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "embedded:indo-pacific-2023").ScenarioSha256;

    private readonly string _folder = Directory.CreateTempSubdirectory("output-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>A name that fits the file system's limit itself (250 bytes) but whose derived names do not.</summary>
    private string LongName(string extension) => PathOf(new string('n', 250 - extension.Length) + extension);

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public async Task Sweep_OutputWhoseDerivedNamesAreTooLong_ExitsTwoBeforeAnyPointRuns(string extension)
    {
        string output = LongName(extension);
        var (code, _, stderr) = await CliRunner.Run("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "-r", "1", "-n", "100", "-o", output);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("255 bytes", stderr, StringComparison.Ordinal);
        Assert.Contains(".sweep.json.tmp-", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sweep grid", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void SweepFile_OutputWhoseDerivedNamesAreTooLong_ThrowsBeforeWritingAnything()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid([Factor.Parse("states.CHN.perception.credulity=0:1:2")]);
        var sweep = new Sweep(scenario, design, new SweepOptions { Rounds = 10, Replications = 1 });
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Run(sweep, LongName(".csv")));
        Assert.Contains("shorten it by at least", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Merge_OutputWhoseDerivedNamesAreTooLong_ExitsTwo()
    {
        var (code, _, stderr) = await CliRunner.Run("merge", PathOf("a.csv"), "-o", LongName(".csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("255 bytes", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public async Task Simulate_OutputWhoseDerivedNamesAreTooLong_ExitsTwoBeforeRunning(string extension)
    {
        var (code, stdout, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "2", "-o", LongName(extension));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("deterrence-sim: error: --output: ", stderr, StringComparison.Ordinal);
        Assert.Contains("255 bytes", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Plot_OutputWhoseTemporaryNameIsTooLong_ExitsTwoBeforeReading()
    {
        var (code, _, stderr) = await CliRunner.Run("plot", PathOf("missing.csv"), "--x", "states.CHN.perception.credulity", "-o", LongName(".svg"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("255 bytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_StraySidecar_IsRefusedWithoutForce()
    {
        string output = PathOf("rows.csv");
        File.WriteAllText(output + ".simulate.json", "{}");
        var (code, _, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "2", "-o", output);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("rows.csv.simulate.json' exists", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        (code, _, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "2", "-o", output, "--force");
        Assert.True(code == 0, stderr);
        Assert.Contains("\"seed\"", File.ReadAllText(output + ".simulate.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void OutputPaths_NameOfExactlyTheLimit_Fits_AndOneByteMoreDoesNot()
    {
        Assert.Null(OutputPaths.Problem(PathOf(new string('a', 251) + ".csv"), []));
        Assert.Contains("shorten it by at least 1 byte.", OutputPaths.Problem(PathOf(new string('a', 252) + ".csv"), []), StringComparison.Ordinal);

        // Bytes, not characters: 'é' is two bytes in UTF-8.
        Assert.Null(OutputPaths.Problem(PathOf(new string('é', 125) + ".csv"), []));
        Assert.NotNull(OutputPaths.Problem(PathOf(new string('é', 126) + ".csv"), []));
        Assert.Contains("4095 bytes", OutputPaths.Problem(PathOf(string.Join('/', Enumerable.Repeat(new string('d', 200), 21)) + "/x.csv"), []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_StalePartialOfAKilledRun_IsRemoved_AndOneOfALiveProcessIsNamed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string output = PathOf("rows.csv");

        // A process id above Linux's largest (4194304) runs nowhere: its file is stale; so is one whose id a program
        // other than deterrence-sim now has (a copy of sleep named 'sleeper'). A running 'dotnet' may be a run.
        string sleeper = PathOf("sleeper"), dotnet = PathOf("dotnet");
        File.Copy("/bin/sleep", sleeper);
        File.Copy("/bin/sleep", dotnet);
        using var other = System.Diagnostics.Process.Start(sleeper, "30");
        using var run = System.Diagnostics.Process.Start(dotnet, "30");
        try
        {
            string stale = PathOf(".rows.csv.2147483646.partial");
            string reused = PathOf($".rows.csv.{other.Id}.partial");
            string live = PathOf($".rows.csv.{run.Id}.partial");
            foreach (string file in new[] { stale, reused, live })
            {
                File.WriteAllText(file, "replication,period\n1,");
            }

            var (code, _, stderr) = await CliRunner.Run("simulate", "-r", "2", "-p", "2", "-o", output);
            Assert.True(code == 0, stderr);
            Assert.False(File.Exists(stale));
            Assert.Contains($"removed {stale}", stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(reused));
            Assert.True(File.Exists(live));
            Assert.Contains($"warning: {live} holds the unfinished rows of another run", stderr, StringComparison.Ordinal);
            Assert.True(File.Exists(output));
        }
        finally
        {
            other.Kill();
            run.Kill();
            other.WaitForExit();
            run.WaitForExit();
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Run_Document_NamesSeedOverridesScenarioHashAndVersion(string format)
    {
        var (code, stdout, stderr) = await CliRunner.Run("run", "-n", "1000", "--seed", "42", "--set", "states.CHN.perception.credulity=0.25", "-f", format);
        Assert.True(code == 0, stderr);
        string sha = Changed("states.CHN.perception.credulity=0.25");
        AssertProvenance(stdout, format, sha, ["states.CHN.perception.credulity=0.25"]);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Simulate_Document_NamesSeedOverridesScenarioHashAndVersion(string format)
    {
        var (code, stdout, stderr) = await CliRunner.Run("simulate", "-r", "3", "-p", "2", "--seed", "42", "-f", format);
        Assert.True(code == 0, stderr);
        AssertProvenance(stdout, format, EmbeddedSha256, []);
    }

    [Theory]
    [InlineData("rows.csv")]
    [InlineData("rows.parquet")]
    public async Task Simulate_OutputFile_HasASidecar_AndParquetMetadata_NamingSeedOverridesAndHash(string name)
    {
        string output = PathOf(name);
        var (code, _, stderr) = await CliRunner.Run("simulate", "-r", "3", "-p", "2", "--seed", "42", "--set", "states.CHN.perception.credulity=0.25", "-o", output);
        Assert.True(code == 0, stderr);
        string sha = Changed("states.CHN.perception.credulity=0.25");
        using (var sidecar = JsonDocument.Parse(File.ReadAllText(output + ".simulate.json")))
        {
            var root = sidecar.RootElement;
            Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
            Assert.Equal(sha, root.GetProperty("scenarioSha256").GetString());
            Assert.Equal("embedded:indo-pacific-2023", root.GetProperty("scenarioSource").GetString());
            Assert.Equal(["states.CHN.perception.credulity=0.25"], root.GetProperty("overrides").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(SweepFile.LibraryVersion, root.GetProperty("library").GetString());
            Assert.Equal(3 * 2 * 3, root.GetProperty("rows").GetInt64()); // replications x periods x crises
        }

        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(output);
            await using var reader = await ParquetReader.CreateAsync(stream);
            var metadata = reader.CustomMetadata;
            Assert.Equal("42", metadata["seed"]);
            Assert.Equal(sha, metadata["scenarioSha256"]);
            Assert.Equal("embedded:indo-pacific-2023", metadata["scenarioSource"]);
            Assert.Equal("[\"states.CHN.perception.credulity=0.25\"]", metadata["overrides"]);
            Assert.Equal(SweepFile.LibraryVersion, metadata["library"]);
        }
    }

    [Fact]
    public async Task Sensitivity_Csv_NamesItsSeedMetricAndCrisis()
    {
        var (code, stdout, stderr) = await CliRunner.Run("sensitivity", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "states.JPN.perception.credulity=0:1", "--samples", "8", "-n", "200", "--seed", "31", "-f", "csv");
        Assert.True(code == 0, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int seed = Array.IndexOf(lines[0].Split(','), "seed");
        Assert.True(seed >= 0, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal("31", l.Split(',')[seed]));
        int sha = Array.IndexOf(lines[0].Split(','), "scenario_sha256");
        Assert.All(lines.Skip(1), l => Assert.Equal(EmbeddedSha256, l.Split(',')[sha]));
        int metric = Array.IndexOf(lines[0].Split(','), "metric"), crisis = Array.IndexOf(lines[0].Split(','), "crisis");
        Assert.All(lines.Skip(1), l => Assert.Equal("war", l.Split(',')[metric]));
        Assert.All(lines.Skip(1), l => Assert.Equal("east-china-sea", l.Split(',')[crisis]));
        (code, stdout, stderr) = await CliRunner.Run("sensitivity", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "states.JPN.perception.credulity=0:1", "--samples", "8", "-n", "200", "--seed", "31", "-f", "json");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(EmbeddedSha256, document.RootElement.GetProperty("scenarioSha256").GetString());
        Assert.Equal(SweepFile.LibraryVersion, document.RootElement.GetProperty("library").GetString());
    }

    [Fact]
    public async Task Sweep_BaseInvalidOnlyInAFieldEveryPointSets_Runs_AndEachRowMatchesARunAtThatPoint()
    {
        // The case: a scenario without a defenderCostUpperBound (valid under NashSplit) and --set of the
        // take-it-or-leave-it protocol, which needs one; the sweep varies it.
        const string Upper = "crises.baltic.bargaining.defenderCostUpperBound";
        var root = System.Text.Json.Nodes.JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023")))!;
        Assert.True(root["crises"]![2]!["bargaining"]!.AsObject().Remove("defenderCostUpperBound"));
        string file = PathOf("no-upper.json");
        File.WriteAllText(file, root.ToJsonString());
        string[] set = ["-s", file, "--set", "crises.baltic.bargaining.protocol=TakeItOrLeaveIt"];

        // Invalid as given, so run refuses it...
        var (code, _, stderr) = await CliRunner.Run(["run", "-n", "10", "--crisis", "baltic", .. set]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("defenderCostUpperBound", stderr, StringComparison.Ordinal);

        // ...but a sweep whose every point sets the field runs, and each point is the scenario with its value set.
        (code, _, stderr) = await CliRunner.Run(["sweep", "--crisis", "baltic", .. set, "--vary", Upper + "=0.1:0.5:3", "-r", "1", "-n", "2000", "--seed", "3", "-o", PathOf("t.csv")]);
        Assert.True(code == 0, stderr);
        var rows = SweepRowReader.Read(PathOf("t.csv"), out _).ToList();
        Assert.Equal([0.1, 0.3, 0.5], rows.Select(r => r.Values[0]));
        var (runCode, json, runError) = await CliRunner.Run("run", "-s", file, "--crisis", "baltic", "-n", "2000", "--seed", "3", "--set", "crises.baltic.bargaining.protocol=TakeItOrLeaveIt", "--set", Upper + "=0.3", "-f", "json");
        Assert.True(runCode == 0, runError);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(rows[1].Estimate("war"), document.RootElement.GetProperty("outcomes").GetProperty("war").GetProperty("estimate").GetDouble());

        // A field no point sets is still an error, naming it.
        (code, _, stderr) = await CliRunner.Run(["sweep", "--crisis", "baltic", .. set, "--vary", "states.CHN.perception.credulity=0:1:2", "-r", "1", "-n", "100", "-o", PathOf("u.csv")]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("$.crises[2].bargaining.defenderCostUpperBound", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ScenarioFileMissingAFieldEveryPointSets_Runs()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023")))!;
        var bargaining = root["crises"]![2]!["bargaining"]!.AsObject();
        bargaining["protocol"] = "TakeItOrLeaveIt";
        Assert.True(bargaining.Remove("defenderCostUpperBound"));
        string file = PathOf("tioli.json");
        File.WriteAllText(file, root.ToJsonString());
        var (code, _, stderr) = await CliRunner.Run("run", "-s", file, "-n", "10", "--crisis", "baltic");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("defenderCostUpperBound", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await CliRunner.Run("sweep", "-s", file, "--crisis", "baltic", "--vary", "crises.baltic.bargaining.defenderCostUpperBound=0.2:0.4:2", "-r", "1", "-n", "100", "-o", PathOf("f.csv"));
        Assert.True(code == 0, stderr);
        Assert.Equal(2, SweepRowReader.Read(PathOf("f.csv"), out _).Count());
    }

    /// <summary>The hash of the embedded scenario with one override applied, computed independently of the CLI.</summary>
    private static string Changed(string assignment)
    {
        var scenario = ParameterPaths.SetAll(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), [ParameterPaths.ParseAssignment(assignment)], "test");
        string sha = Provenance.Of(scenario, "x").ScenarioSha256;
        Assert.NotEqual(EmbeddedSha256, sha);
        Assert.Matches("^[0-9a-f]{64}$", sha);
        return sha;
    }

    private static void AssertProvenance(string stdout, string format, string sha, string[] overrides)
    {
        if (format == "json")
        {
            using var document = JsonDocument.Parse(stdout);
            var root = document.RootElement;
            Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
            Assert.Equal(sha, root.GetProperty("scenarioSha256").GetString());
            Assert.Equal("embedded:indo-pacific-2023", root.GetProperty("scenarioSource").GetString());
            Assert.Equal(overrides, root.GetProperty("overrides").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(SweepFile.LibraryVersion, root.GetProperty("library").GetString());
            return;
        }

        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] header = lines[0].Split(',');
        int Column(string name)
        {
            int i = Array.IndexOf(header, name);
            Assert.True(i >= 0, $"no column {name} in {lines[0]}");
            return i;
        }

        int seed = Column("seed"), hash = Column("scenario_sha256"), source = Column("scenario_source"), set = Column("overrides"), library = Column("library");
        Assert.True(lines.Length > 2);
        foreach (string line in lines.Skip(1))
        {
            // The fields tested hold no comma, so a plain split reads them.
            string[] fields = line.Split(',');
            Assert.Equal(header.Length, fields.Length);
            Assert.Equal("42", fields[seed]);
            Assert.Equal(sha, fields[hash]);
            Assert.Equal("embedded:indo-pacific-2023", fields[source]);
            Assert.Equal(string.Join(';', overrides), fields[set]);
            Assert.Equal(SweepFile.LibraryVersion, fields[library]);
        }
    }
}
