using System.Diagnostics;
using System.Globalization;
using DeterrenceSim.Cli;
using DeterrenceSim.IO;

namespace DeterrenceSim.Tests.Cli;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SweepCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Sweep_GridOnEmbeddedScenario_WritesOneRowPerPointAndReplication()
    {
        var (code, stdout, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "--vary", "commitments.Partnership.signal=0.2:0.8:2", "-r", "2", "-n", "2000", "-o", PathOf("g.csv"));
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("wrote 6 points", stderr, StringComparison.Ordinal);
        var rows = SweepRowReader.Read(PathOf("g.csv"), out var paths).ToList();
        Assert.Equal(["states.CHN.perception.credulity", "commitments.Partnership.signal"], paths);
        Assert.Equal(12, rows.Count);
        Assert.Equal([0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1], rows.Select(r => r.Values[0]));
        Assert.True(File.Exists(PathOf("g.csv") + SweepFile.SidecarSuffix));
    }

    [Fact]
    public async Task Sweep_RowIsReproducedByRunWithItsSeedReplicationAndValues()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "-r", "3", "-n", "3000", "--seed", "77", "-o", PathOf("r.csv"))).Code);
        var row = SweepRowReader.Read(PathOf("r.csv"), out _).Single(r => r.Point == 1 && r.Replication == 2);
        var (code, stdout, _) = await Cli("run", "--seed", "77", "--replication", "2", "-n", "3000", "--set", "states.CHN.perception.credulity=0.5", "-f", "json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(row.Estimate("war"), json.RootElement.GetProperty("outcomes").GetProperty("war").GetProperty("estimate").GetDouble());
        Assert.Equal(row.Estimate("deterred"), json.RootElement.GetProperty("outcomes").GetProperty("deterred").GetProperty("estimate").GetDouble());
    }

    [Fact]
    public async Task Sweep_DesignFromASidecar_ReproducesTheSweep()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "states.JPN.perception.noise=0.2:1", "--design", "lhs", "--samples", "7", "--seed", "9", "-r", "2", "-n", "500", "-o", PathOf("a.csv"))).Code);
        var (code, _, stderr) = await Cli("sweep", "--design", PathOf("a.csv") + SweepFile.SidecarSuffix, "--seed", "9", "-r", "2", "-n", "500", "-o", PathOf("b.csv"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("a.csv")), File.ReadAllBytes(PathOf("b.csv")));
        (code, _, stderr) = await Cli("sweep", "--design", PathOf("a.csv") + SweepFile.SidecarSuffix, "--vary", "states.CHN.perception.credulity=0:1:2", "-o", PathOf("c.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("give no --vary", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await Cli("sweep", "--design", PathOf("a.csv"), "-o", PathOf("d.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("expected grid, lhs, sobol, morris or a saved design", stderr, StringComparison.Ordinal);
    }

    /// <summary>As simulate, plot, discover and calibrate: a mistyped folder is refused before any work, never created.</summary>
    [Theory]
    [InlineData("sweep")]
    [InlineData("contrast")]
    [InlineData("merge")]
    public async Task SweepContrastMerge_OutputInAFolderThatDoesNotExist_RefusedAndNotCreated(string command)
    {
        string output = Path.Combine(_folder, "missing", "deeper", "s.csv");
        string[] args = command switch
        {
            "sweep" => ["sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "-r", "1", "-n", "100", "-o", output],
            "contrast" => ["contrast", "--baseline", "states.JPN.perception.noise=0.5", "--policy", "states.JPN.perception.noise=0.2", "--vary", "states.CHN.perception.credulity=0:1:2", "-r", "1", "-n", "100", "-o", output],
            _ => ["merge", PathOf("nothing-0.csv"), "--output", output],
        };
        var (code, _, stderr) = await Cli(args);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains($"the folder {Path.GetDirectoryName(output)} does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
    }

    [Fact]
    public async Task Sweep_ShardsMergedByTheCli_EqualASingleRun()
    {
        string[] sweep = ["sweep", "--vary", "states.JPN.perception.credulity=0:1:4", "--design", "grid", "-r", "2", "-n", "1000", "--seed", "5"];
        Assert.Equal(0, (await Cli([.. sweep, "-o", PathOf("single.parquet")])).Code);
        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal(0, (await Cli([.. sweep, "--shard", $"{i}/3", "-o", PathOf($"s{i}.parquet")])).Code);
        }

        var (code, _, stderr) = await Cli("merge", PathOf("s2.parquet"), PathOf("s1.parquet"), PathOf("s3.parquet"), "-o", PathOf("merged.parquet"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("single.parquet")), File.ReadAllBytes(PathOf("merged.parquet")));
    }

    [Fact]
    public async Task Sweep_InvalidDesignPoint_ReportedOnStandardErrorAndInTheFileWithItsOwnExitCode()
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", "crises.east-china-sea.statusQuo=0.5:1.5:3", "-r", "1", "-n", "500", "-o", PathOf("bad.csv"));
        Assert.Equal(CliApp.PointsFailed, code);
        Assert.Contains("point 2 (crises.east-china-sea.statusQuo=1.5)", stderr, StringComparison.Ordinal);
        Assert.Contains("1 of 3 design points could not run", stderr, StringComparison.Ordinal);
        var failed = SweepRowReader.Read(PathOf("bad.csv"), out _).Single(r => r.Point == 2);
        Assert.Contains("[0, 1]", failed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("states.CHN.perception.credulity", "--vary: 'states.CHN.perception.credulity' is not a factor")]
    [InlineData("states.CHN.perception.credulity=0:1", "a grid factor needs a level count")]
    [InlineData("states.CHN.perception.credulity=1:0:3", "expected lo <= hi")]
    [InlineData("states.CHN.perception.credulity=0:1:x", "count to be an integer")]
    [InlineData("states.XYZ.perception.credulity=0:1:3", "'XYZ'")]
    [InlineData("states.CHN.perception.typo=0:1:3", "'typo'")]
    [InlineData("crises.east-china-sea.bargaining.protocol=0:1:2", "not a number")]
    public async Task Sweep_BadVary_ClearErrorAndNoOutput(string vary, string expected)
    {
        var (code, stdout, stderr) = await Cli("sweep", "--vary", vary, "-o", PathOf("x.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("--design", "lhs", "needs a base sample size")]
    [InlineData("--samples", "10", "applies to lhs, sobol and morris")]
    [InlineData("--shard", "4/3", "expected i/n")]
    [InlineData("--shard", "0/3", "expected i/n")]
    [InlineData("--target", "war", "METRIC=HALFWIDTH")]
    [InlineData("--target", "peace=0.01", "expected a metric among")]
    [InlineData("--target", "war=0", "half-width in (0, 0.5]")]
    [InlineData("--max-replications", "5", "only with --target")]
    [InlineData("--replications", "0", "--replications: expected")]
    [InlineData("--rounds", "0", "--rounds: expected")]
    [InlineData("--crisis", "nowhere", "has no crisis 'nowhere'")]
    public async Task Sweep_BadOption_ClearErrorAndNoOutput(string option, string value, string expected)
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", option, value, "-o", PathOf("x.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Sweep_Periods_RowsAreSharesOfTheRunsPeriods()
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "--periods", "8", "-r", "3", "-o", PathOf("runs.csv"));
        Assert.True(code == 0, stderr);
        Assert.Contains("3 replications of a 8-period run", stderr, StringComparison.Ordinal);
        var rows = SweepRowReader.Read(PathOf("runs.csv"), out _).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(1.0, r.Estimate("war")!.Value + r.Estimate("deterred")!.Value + r.Estimate("concession")!.Value, 12));
        Assert.All(rows, r => Assert.Equal(Math.Round(r.Estimate("war")!.Value * 8), r.Estimate("war")!.Value * 8, 9));
        Assert.Contains("\"periods\": 8", File.ReadAllText(PathOf("runs.csv") + SweepFile.SidecarSuffix), StringComparison.Ordinal);
        (code, _, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "--periods", "8", "--rounds", "100", "-o", PathOf("both.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("give --rounds or --periods, not both", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "--periods", "0", "-o", PathOf("zero.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--periods: expected an integer from 1", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shards", "3", "applies only in a Kubernetes Indexed Job")]
    [InlineData("--shards", "0", "expected an integer >= 1")]
    public async Task Sweep_ShardsWithoutKubernetes_ClearError(string option, string value, string expected)
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", option, value, "-o", PathOf("k.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Sweep_KubernetesIndex_NeedsShardsAndPicksTheShard()
    {
        string[] sweep = ["sweep", "--vary", "states.JPN.perception.credulity=0:1:4", "-r", "1", "-n", "300"];
        await WithEnvironment(new() { ["JOB_COMPLETION_INDEX"] = "0" }, async () =>
        {
            var (code, _, stderr) = await Cli([.. sweep, "-o", PathOf("k0.csv")]);
            Assert.Equal(CliApp.InvalidInput, code);
            Assert.Contains("--shards", stderr, StringComparison.Ordinal);
            (code, _, stderr) = await Cli([.. sweep, "--shards", "2", "-o", PathOf("k1.csv")]);
            Assert.True(code == 0, stderr);
            Assert.Contains("shard 1/2 (2 points)", stderr, StringComparison.Ordinal);
            (code, _, stderr) = await Cli([.. sweep, "--shards", "2", "--shard", "2/2", "-o", PathOf("k2.csv")]);
            Assert.Equal(CliApp.InvalidInput, code);
            Assert.Contains("not both", stderr, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Sweep_RunsOnlyParameterInRounds_WarnsOnStandardError()
    {
        var (code, _, stderr) = await Cli("sweep", "--vary", "priorStrength=1:10:2", "-r", "1", "-n", "100", "-o", PathOf("w.csv"));
        Assert.Equal(0, code);
        Assert.Contains("warning: 'priorStrength' acts only in runs over periods", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_PeriodsRowIsReproducedBySimulateWithItsFirstReplication()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "--periods", "6", "-r", "3", "--seed", "5", "-o", PathOf("p.csv"))).Code);
        var row = SweepRowReader.Read(PathOf("p.csv"), out _).Single(r => r.Point == 1 && r.Replication == 2);
        var (code, stdout, stderr) = await Cli("simulate", "--periods", "6", "--replications", "1", "--first-replication", "2", "--seed", "5", "--set", "states.CHN.perception.credulity=1", "-f", "json");
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var crisis = json.RootElement.GetProperty("crises").GetProperty("east-china-sea");
        long wars = crisis.GetProperty("warByPeriod").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64());
        Assert.Equal(row.Estimate("war")!.Value * 6, wars, 9);
        Assert.Equal(CliApp.InvalidInput, (await Cli("simulate", "--first-replication", "-1")).Code);
    }

    [Fact]
    public async Task Sweep_SlurmArrayVariables_PickTheShard()
    {
        string[] sweep = ["sweep", "--vary", "states.JPN.perception.credulity=0:1:4", "-r", "1", "-n", "500"];
        await WithEnvironment(new() { ["SLURM_ARRAY_TASK_ID"] = "7", ["SLURM_ARRAY_TASK_MIN"] = "6", ["SLURM_ARRAY_TASK_COUNT"] = "2" }, async () =>
        {
            var (code, _, stderr) = await Cli([.. sweep, "-o", PathOf("slurm.csv")]);
            Assert.True(code == 0, stderr);
            Assert.Contains("shard 2/2 (2 points)", stderr, StringComparison.Ordinal);
            Assert.Equal([2L, 3L], SweepRowReader.Read(PathOf("slurm.csv"), out _).Select(r => r.Point));
        });
    }

    [Fact]
    public async Task Merge_BadInput_ClearErrors()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.JPN.perception.credulity=0:1:2", "-r", "1", "-n", "100", "-o", PathOf("whole.csv"))).Code);
        var (code, _, stderr) = await Cli("merge", PathOf("whole.csv"), "-o", PathOf("m.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("not a shard", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await Cli("merge", PathOf("missing.csv"), "-o", PathOf("m.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("missing.csv", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.csv")));
    }

    [Fact]
    public async Task Plot_HeatmapAndLine_WritePngFiles()
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "--vary", "states.JPN.perception.credulity=0:1:3", "--vary", "commitments.Partnership.signal=0.2:0.8:2", "-r", "2", "-n", "500", "-o", PathOf("p.parquet"))).Code);
        var (code, _, stderr) = await Cli("plot", PathOf("p.parquet"), "--x", "states.CHN.perception.credulity", "--y", "states.JPN.perception.credulity", "--at", "commitments.Partnership.signal=0.8", "-o", PathOf("heat.png"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await Cli("plot", PathOf("p.parquet"), "--x", "states.CHN.perception.credulity", "--z", "defenderMisperception", "-o", PathOf("line.png"));
        Assert.True(code == 0, stderr);
        Assert.Contains("averaged over states.JPN.perception.credulity, commitments.Partnership.signal", stderr, StringComparison.Ordinal);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.Equal(png, File.ReadAllBytes(PathOf("heat.png")).Take(4));
        Assert.Equal(png, File.ReadAllBytes(PathOf("line.png")).Take(4));
        Assert.Equal(CliApp.InvalidInput, (await Cli("plot", PathOf("p.parquet"), "--x", "states.CHN.perception.credulity", "-o", PathOf("line.png"))).Code);
    }

    [Fact]
    public async Task Plot_AtOnAScatteredDesign_SelectsTheBinOrSaysTheValueIsOutside()
    {
        Assert.Equal(0, (await Cli("sweep", "--design", "lhs", "--samples", "200", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "states.JPN.perception.credulity=0:1", "-r", "1", "-n", "100", "-o", PathOf("l.csv"))).Code);
        var (code, _, stderr) = await Cli("plot", PathOf("l.csv"), "--x", "states.CHN.perception.credulity", "--at", "states.JPN.perception.credulity=0.5", "-o", PathOf("l.png"));
        Assert.True(code == 0, stderr);

        // 200 points in 14 bins (about the square root) of Japan's credulity: a Latin hypercube's 200 strata put 14 or 15
        // points in the bin of 0.5.
        var used = System.Text.RegularExpressions.Regex.Match(stderr, @"wrote .*l\.png \((\d+) rows\)");
        Assert.True(used.Success, stderr);
        Assert.InRange(int.Parse(used.Groups[1].Value, CultureInfo.InvariantCulture), 14, 15);
        (code, _, stderr) = await Cli("plot", PathOf("l.csv"), "--x", "states.CHN.perception.credulity", "--at", "states.JPN.perception.credulity=3", "-o", PathOf("m.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("is outside the values", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_AtOnASmallLatinHypercube_SelectsABinAndAGridMissNamesTheLevels()
    {
        Assert.Equal(0, (await Cli("sweep", "--design", "lhs", "--samples", "50", "--vary", "states.CHN.perception.credulity=0:1", "--vary", "states.JPN.perception.credulity=0:1", "-r", "1", "-n", "100", "-o", PathOf("s.csv"))).Code);
        var (code, _, stderr) = await Cli("plot", PathOf("s.csv"), "--x", "states.CHN.perception.credulity", "--at", "states.JPN.perception.credulity=0.5", "-o", PathOf("s.png"));
        Assert.True(code == 0, stderr);
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "--vary", "states.JPN.perception.credulity=0:1:3", "-r", "1", "-n", "100", "-o", PathOf("g.csv"))).Code);
        (code, _, stderr) = await Cli("plot", PathOf("g.csv"), "--x", "states.CHN.perception.credulity", "--at", "states.JPN.perception.credulity=0.3", "-o", PathOf("g.png"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("states.JPN.perception.credulity takes 0, 0.5, 1", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--x", "states.USA.capability", "varies states.CHN.perception.credulity")]
    [InlineData("--z", "peace", "expected a metric among")]
    [InlineData("--at", "states.CHN.perception.credulity=0.5", "--at: expected PATH=VALUE")]
    [InlineData("--at", "states.JPN.perception.credulity=0.3", "no rows match --at")]
    [InlineData("-o", "plot.gif", "ending in .png or .svg")]
    public async Task Plot_BadInput_ClearErrorAndNoFile(string option, string value, string expected)
    {
        Assert.Equal(0, (await Cli("sweep", "--vary", "states.CHN.perception.credulity=0:1:3", "--vary", "states.JPN.perception.credulity=0:1:2", "-r", "1", "-n", "200", "-o", PathOf("q.csv"))).Code);
        string[] args = ["plot", PathOf("q.csv"), "--x", "states.CHN.perception.credulity", "-o", PathOf("out.png")];
        int i = Array.IndexOf(args, option);
        args = i >= 0 ? [.. args[..(i + 1)], value, .. args[(i + 2)..]] : [.. args, option, value];
        var (code, _, stderr) = await Cli(args);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.png")));
        Assert.Equal(CliApp.InvalidInput, (await Cli("plot", PathOf("missing.csv"), "--x", "a", "-o", PathOf("m.png"))).Code);
    }

    [Fact]
    public async Task Process_KilledSweep_ResumesToTheSameFileAsAnUninterruptedRun()
    {
        // A real process, killed with SIGKILL (no chance to clean up) once some chunks are on disk.
        string[] sweep = ["sweep", "--vary", "states.CHN.perception.credulity=0:1:40", "-r", "4", "-n", "600000", "--threads", "2", "--seed", "4"];
        string output = PathOf("killed.csv");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deterrence-sim.dll"));
        foreach (string arg in (string[])[.. sweep, "-o", output])
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            var stopwatch = Stopwatch.StartNew();
            while (!process.HasExited && stopwatch.Elapsed < TimeSpan.FromSeconds(60)
                && (!Directory.Exists(output + SweepFile.PartialSuffix) || Directory.GetFiles(output + SweepFile.PartialSuffix, "points-*.csv").Length < 2))
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the sweep finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.False(File.Exists(output));
        var (code, _, stderr) = await Cli([.. sweep, "-o", output]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--resume", stderr, StringComparison.Ordinal);
        (code, _, stderr) = await Cli([.. sweep, "-o", output, "--resume"]);
        Assert.True(code == 0, stderr);
        var ran = System.Text.RegularExpressions.Regex.Match(stderr, @"wrote 40 points to .* \((\d+) run now\)");
        Assert.True(ran.Success, stderr);
        Assert.InRange(int.Parse(ran.Groups[1].Value, CultureInfo.InvariantCulture), 0, 39);
        Assert.Equal(0, (await Cli([.. sweep, "-o", PathOf("whole.csv")])).Code);
        Assert.Equal(File.ReadAllBytes(PathOf("whole.csv")), File.ReadAllBytes(output));
    }

    /// <summary>Runs a test body with environment variables set (this class's tests run one at a time), then unsets them.</summary>
    private static async Task WithEnvironment(Dictionary<string, string> variables, Func<Task> body)
    {
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            await body();
        }
        finally
        {
            foreach (string name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.Run(args);
}
