using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary>End-to-end tests of the <c>deterrence-sim</c> command line, in process and as a real process.</summary>
public class CliAppTests
{
    private static readonly string[] OutcomeKeys = ["deterred", "concession", "war"];
    private static readonly string[] CauseKeys = ["preventive", "challengerMisperception", "defenderMisperception", "mutualMisperception", "rational"];

    [Fact]
    public async Task Run_JsonOnEmbeddedScenario_SatisfiesTheOutputContract()
    {
        var (code, stdout, stderr) = await Cli("run", "--rounds", "40000", "--seed", "7", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal("indo-pacific-2023", root.GetProperty("scenario").GetString());
        Assert.Equal("east-china-sea", root.GetProperty("crisis").GetString());
        Assert.Equal(40000, root.GetProperty("rounds").GetInt64());
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.True(root.GetProperty("threads").GetInt32() >= 1);
        long outcomes = OutcomeKeys.Sum(k => AssertInterval(root.GetProperty("outcomes").GetProperty(k)));
        Assert.Equal(40000, outcomes);
        long wars = root.GetProperty("outcomes").GetProperty("war").GetProperty("count").GetInt64();
        Assert.Equal(wars, CauseKeys.Sum(k => AssertInterval(root.GetProperty("warCauses").GetProperty(k))));
        AssertInterval(root.GetProperty("preventiveFromMisperception"));
        AssertInterval(root.GetProperty("challengerVictoryGivenWar"));
        AssertInterval(root.GetProperty("alliancesTriggered").GetProperty("NATO"));
        AssertInterval(root.GetProperty("supportRates").GetProperty("USA"));
        foreach (var forbidden in new[] { "time", "date", "host", "version", "elapsed" })
        {
            Assert.DoesNotContain(forbidden, stdout, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Run_JsonWithOneAndTwoThreads_ByteIdenticalApartFromThreads()
    {
        var (_, one, _) = await Cli("run", "--rounds", "50000", "--threads", "1", "--format", "json", "--crisis", "baltic");
        var (_, two, _) = await Cli("run", "--rounds", "50000", "--threads", "2", "--format", "json", "--crisis", "baltic");
        Assert.Equal(one.Replace("\"threads\": 1", "\"threads\": 2", StringComparison.Ordinal), two);
    }

    [Fact]
    public async Task Run_GermanLocale_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var (code, csv, _) = await Cli("run", "--rounds", "20000", "--format", "csv");
            Assert.Equal(0, code);
            var lines = csv.TrimEnd('\n').Split('\n');
            Assert.Equal("scenario,crisis,rounds,seed,replication,group,name,count,trials,estimate,lower,upper,scenario_source,scenario_sha256,overrides,library,variants", lines[0]);
            var war = lines.Single(l => l.Contains(",outcomes,war,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(17, war.Length);
            double estimate = double.Parse(war[9], CultureInfo.InvariantCulture);
            Assert.InRange(estimate, 0, 1);
            Assert.Contains('.', war[10]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Run_Table_ShowsOutcomesAndCauses()
    {
        var (code, stdout, _) = await Cli("run", "--rounds", "20000", "--crisis", "korean-peninsula");
        Assert.Equal(0, code);
        Assert.Contains("korean-peninsula", stdout, StringComparison.Ordinal);
        Assert.Contains("Deterred", stdout, StringComparison.Ordinal);
        Assert.Contains("DefenderMisperception", stdout, StringComparison.Ordinal);
        Assert.Contains("95% interval", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SetOverride_ChangesTheResult()
    {
        var (_, baseline, _) = await Cli("run", "--rounds", "20000", "--format", "json");
        var (code, changed, _) = await Cli("run", "--rounds", "20000", "--format", "json", "--set", "states.JPN.perception.credulity=1", "--set", "states.CHN.perception.noise=2");
        Assert.Equal(0, code);
        Assert.NotEqual(baseline, changed);
    }

    [Fact]
    public async Task Run_MalformedScenarioFile_OneLineErrorWithFilePathAndNoOutput()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "name": "x", "states": [ { "id": "A", "name": "A", "capability": -1, "homeRegion": "R" } ], "crises": [] }""");
        try
        {
            var (code, stdout, stderr) = await Cli("run", "--scenario", path, "--format", "json");
            Assert.Equal(CliApp.InvalidInput, code);
            Assert.Equal("", stdout);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
            Assert.Contains("$.states[0].capability", stderr, StringComparison.Ordinal);
            Assert.Contains("-1", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("states.CHN.perception.credulity=2", "$.states[")]
    [InlineData("states.XYZ.perception.credulity=0.5", "XYZ")]
    [InlineData("states.CHN.perception.credulity=abc", "abc")]
    [InlineData("states.CHN.perception.credulity", "path=value")]
    [InlineData("crises.baltic.bargaining.protocol=Nash", "TakeItOrLeaveIt")]
    public async Task Run_BadSet_FailsNamingTheParameter(string assignment, string expectedText)
    {
        var (code, stdout, stderr) = await Cli("run", "--rounds", "1000", "--format", "json", "--set", assignment);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains(expectedText, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--crisis", "taiwan-strait")]
    [InlineData("--scenario", "no-such-scenario.json")]
    [InlineData("--rounds", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--format", "xml")]
    [InlineData("--rounds", "many")]
    public async Task Run_BadOption_ExitsNonZeroWithMessageOnStandardError(string option, string value)
    {
        var (code, stdout, stderr) = await Cli("run", option, value, "--format", "json");
        if (option == "--format")
        {
            (code, stdout, stderr) = await Cli("run", option, value);
        }

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("\"outcomes\"", stdout, StringComparison.Ordinal);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CliApp.UsageError, "run", "--rounds", "1.5")]
    [InlineData(CliApp.UsageError, "run", "--threads", "x")]
    [InlineData(CliApp.UsageError, "run", "--seed", "-1")]
    [InlineData(CliApp.UsageError, "run", "--no-such-option")]
    [InlineData(CliApp.UsageError, "run", "--format", "xml")]
    [InlineData(CliApp.InvalidInput, "run", "--rounds", "0")]
    [InlineData(CliApp.InvalidInput, "run", "--rounds", "10000000000000000")]
    [InlineData(CliApp.InvalidInput, "run", "--threads", "0")]
    [InlineData(CliApp.InvalidInput, "run", "--scenario", "")]
    [InlineData(CliApp.InvalidInput, "list", "--scenario", "no-such-file.json")]
    public async Task Run_UsageOrValueError_ExitCodeAndNothingOnStandardOutput(int expectedCode, params string[] args)
    {
        // Ask for JSON where the format is free to choose: standard output must still stay empty.
        string[] full = args[0] == "run" && !args.Contains("--format") ? [.. args, "--format", "json"] : args;
        var (code, stdout, stderr) = await Cli(full);
        Assert.Equal(expectedCode, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("deterrence-sim: error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScenarioPathStartingWithAt_IsAFileNotAResponseFile()
    {
        var (code, _, stderr) = await Cli("run", "--scenario", "@no-such-file.json");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("@no-such-file.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ScenarioFile_ShowsItsCrises()
    {
        string path = Path.Combine(Path.GetTempPath(), $"list-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, DeterrenceSim.Scenarios.ScenarioLoader.ToJson(TestScenarios.Bilateral(1, 1)));
        try
        {
            var (code, stdout, _) = await Cli("list", "--scenario", path);
            Assert.Equal(0, code);
            Assert.Contains("crisis", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("east-china-sea", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Simulate_JsonOnEmbeddedScenario_PerPeriodRatesForEveryCrisis()
    {
        var (code, stdout, stderr) = await Cli("simulate", "--periods", "5", "--replications", "40", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(5, root.GetProperty("periods").GetInt32());
        Assert.Equal(40, root.GetProperty("replications").GetInt32());
        foreach (var crisis in new[] { "east-china-sea", "korean-peninsula", "baltic" })
        {
            var c = root.GetProperty("crises").GetProperty(crisis);
            Assert.Equal(5, c.GetProperty("warByPeriod").GetArrayLength());
            for (int t = 0; t < 5; t++)
            {
                long sum = new[] { "warByPeriod", "deterredByPeriod", "concessionByPeriod" }.Sum(k => AssertInterval(c.GetProperty(k)[t]));
                Assert.Equal(40, sum);
            }
        }

        Assert.Equal(5, root.GetProperty("commitments").GetProperty("USA>JPN").GetProperty("beliefByPeriod").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_OutputRows_WrittenWholeAndIdenticalForAnyThreadCount()
    {
        string directory = Directory.CreateTempSubdirectory("simulate-").FullName;
        try
        {
            string one = Path.Combine(directory, "one.csv"), two = Path.Combine(directory, "two.csv");
            var (code1, _, _) = await Cli("simulate", "-p", "4", "-r", "25", "-t", "1", "-o", one, "-f", "json");
            var (code2, _, _) = await Cli("simulate", "-p", "4", "-r", "25", "-t", "2", "-o", two, "-f", "json");
            Assert.Equal(0, code1);
            Assert.Equal(0, code2);
            Assert.Equal(File.ReadAllText(one), File.ReadAllText(two));
            var lines = File.ReadAllLines(one);
            Assert.Equal(1 + (25 * 4 * 3), lines.Length);
            Assert.StartsWith("replication,period,crisis,outcome,cause,", lines[0], StringComparison.Ordinal);
            Assert.Contains("USA>JPN.belief", lines[0], StringComparison.Ordinal);
            Assert.Equal(["one.csv", "one.csv.simulate.json", "two.csv", "two.csv.simulate.json"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)); // no partial files left behind

            // An existing output is never replaced silently.
            var (code3, stdout3, stderr3) = await Cli("simulate", "-p", "4", "-r", "25", "-o", one, "-f", "json");
            Assert.Equal(CliApp.InvalidInput, code3);
            Assert.Equal("", stdout3);
            Assert.Contains("--force", stderr3, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Simulate_ParquetOutput_SameRowsAsCsvAndIdenticalForAnyThreadCount()
    {
        string directory = Directory.CreateTempSubdirectory("parquet-").FullName;
        try
        {
            string one = Path.Combine(directory, "one.parquet"), two = Path.Combine(directory, "two.parquet");
            Assert.Equal(0, (await Cli("simulate", "-p", "3", "-r", "20", "-t", "1", "-o", one, "-f", "json")).Code);
            Assert.Equal(0, (await Cli("simulate", "-p", "3", "-r", "20", "-t", "2", "-o", two, "-f", "json")).Code);
            Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));

            await using var reader = await Parquet.ParquetReader.CreateAsync(one);
            long rows = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }

            Assert.Equal(20 * 3 * 3, rows);
            var names = reader.Schema.GetDataFields().Select(f => f.Name).ToList();
            Assert.Equal(["replication", "period", "crisis", "outcome", "cause"], names.Take(5));
            Assert.Contains("USA>JPN.belief", names);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--periods", "0")]
    [InlineData("--replications", "0")]
    [InlineData("--output", "rows.txt")]
    [InlineData("--output", "rows.json")]
    [InlineData("--output", "/no/such/directory/rows.csv")]
    public async Task Simulate_BadOption_InvalidInputAndNothingOnStandardOutput(string option, string value)
    {
        var (code, stdout, stderr) = await Cli("simulate", option, value, "--format", "json");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("deterrence-sim: error: " + option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScenarioFileNotUtf8_OneLineErrorAtTheDocument()
    {
        string path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [.. "{ \"name\": \"caf"u8.ToArray(), 0xE9, .. "\" }"u8.ToArray()]);
        try
        {
            var (code, stdout, stderr) = await Cli("run", "--scenario", path, "--format", "json");
            Assert.Equal(CliApp.InvalidInput, code);
            Assert.Equal("", stdout);
            Assert.Contains("UTF-8", stderr, StringComparison.Ordinal);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task List_ShowsEmbeddedScenarioAndItsCrises()
    {
        var (code, stdout, _) = await Cli("list");
        Assert.Equal(0, code);
        foreach (var crisis in new[] { "indo-pacific-2023", "east-china-sea", "korean-peninsula", "baltic" })
        {
            Assert.Contains(crisis, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Process_RunJson_DocumentOnStandardOutputAndExitZero()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "deterrence-sim.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "run", "--rounds", "20000", "--format", "json", "--crisis", "baltic" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await stderrTask);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("baltic", document.RootElement.GetProperty("crisis").GetString());
    }

    private static long AssertInterval(JsonElement interval)
    {
        long count = interval.GetProperty("count").GetInt64();
        Assert.True(count >= 0);
        double lower = interval.GetProperty("lower").GetDouble();
        double upper = interval.GetProperty("upper").GetDouble();
        Assert.InRange(lower, 0, 1);
        Assert.InRange(upper, lower, 1);
        var estimate = interval.GetProperty("estimate");
        if (estimate.ValueKind == JsonValueKind.Number)
        {
            Assert.InRange(estimate.GetDouble(), lower, upper);
        }

        return count;
    }

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.Run(args);
}
