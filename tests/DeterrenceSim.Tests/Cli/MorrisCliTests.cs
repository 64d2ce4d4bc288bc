using DeterrenceSim.Cli;
using DeterrenceSim.IO;

namespace DeterrenceSim.Tests.Cli;

/// <summary><c>sweep --design morris</c>, <c>sensitivity --method morris</c> and <c>sensitivity --from FILE</c> (issue 15,
/// items 3 and 4): the analysis of a saved sweep prints exactly what the running command prints.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class MorrisCliTests : IDisposable
{
    private const string Credulity = "states.CHN.perception.credulity=0:1";
    private const string Noise = "states.CHN.perception.noise=0.2:1";
    private readonly string _folder = Directory.CreateTempSubdirectory("morris-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData("table", "m.csv")]
    [InlineData("json", "m.parquet")]
    [InlineData("csv", "m.csv")]
    public async Task SensitivityFrom_MorrisSweep_PrintsExactlyWhatTheRunningCommandPrints(string format, string file)
    {
        string[] design = ["--vary", Credulity, "--vary", Noise, "--samples", "6", "--levels", "6", "-n", "800", "-r", "2", "-t", "2", "--seed", "21"];
        var running = await CliRunner.Run(["sensitivity", "--method", "morris", .. design, "--resamples", "300", "-f", format]);
        Assert.True(running.Code == 0, running.Stderr);
        var sweep = await CliRunner.Run(["sweep", "--design", "morris", .. design, "-o", PathOf(file)]);
        Assert.True(sweep.Code == 0, sweep.Stderr);
        Assert.Contains("morris, 6 trajectories over 6 levels, 18 points (seed 21)", sweep.Stderr, StringComparison.Ordinal);
        var saved = await CliRunner.Run("sensitivity", "--method", "morris", "--from", PathOf(file), "--resamples", "300", "-f", format);
        Assert.True(saved.Code == 0, saved.Stderr);
        Assert.Equal(running.Stdout, saved.Stdout);
        Assert.Contains("mu-star", saved.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitivityFrom_SobolSweep_PrintsExactlyWhatTheRunningCommandPrints()
    {
        string[] design = ["--vary", Credulity, "--vary", Noise, "--samples", "8", "-n", "500", "-r", "1", "-t", "2", "--seed", "5"];
        var running = await CliRunner.Run(["sensitivity", .. design, "-f", "json", "--metric", "deterred"]);
        Assert.True(running.Code == 0, running.Stderr);
        Assert.Equal(0, (await CliRunner.Run(["sweep", "--design", "sobol", .. design, "-o", PathOf("s.parquet")])).Code);
        var saved = await CliRunner.Run("sensitivity", "--from", PathOf("s.parquet"), "-f", "json", "--metric", "deterred");
        Assert.True(saved.Code == 0, saved.Stderr);
        Assert.Equal(running.Stdout, saved.Stdout);

        // The file holds a Sobol design: Morris from it is refused, naming what it holds and what makes a Morris one.
        var wrong = await CliRunner.Run("sensitivity", "--from", PathOf("s.parquet"), "--method", "morris");
        Assert.Equal(CliApp.InvalidInput, wrong.Code);
        Assert.Contains("holds a sobol design", wrong.Stderr, StringComparison.Ordinal);
        Assert.Contains("sweep --design morris", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitivityFrom_GridSweepOrDesignOptions_ClearErrors()
    {
        Assert.Equal(0, (await CliRunner.Run("sweep", "--vary", "states.CHN.perception.credulity=0:1:2", "-n", "200", "-r", "1", "-o", PathOf("g.csv"))).Code);
        var grid = await CliRunner.Run("sensitivity", "--from", PathOf("g.csv"));
        Assert.Equal(CliApp.InvalidInput, grid.Code);
        Assert.Contains("holds a grid design", grid.Stderr, StringComparison.Ordinal);
        Assert.Contains("sweep --design sobol", grid.Stderr, StringComparison.Ordinal);

        var options = await CliRunner.Run("sensitivity", "--from", PathOf("g.csv"), "--vary", Credulity, "--samples", "8", "--seed", "3");
        Assert.Equal(CliApp.InvalidInput, options.Code);
        Assert.Contains("give no --vary, --samples, --seed with it", options.Stderr, StringComparison.Ordinal);

        var missing = await CliRunner.Run("sensitivity", "--from", PathOf("none.csv"));
        Assert.Equal(CliApp.InvalidInput, missing.Code);
        Assert.Contains("no such file", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal("", missing.Stdout);
    }

    [Fact]
    public async Task SensitivityFrom_FileWithFailedPoints_ClearError()
    {
        var sweep = await CliRunner.Run("sweep", "--design", "morris", "--vary", "crises.east-china-sea.statusQuo=0.5:1.5", "--samples", "3", "-r", "1", "-n", "200", "-o", PathOf("bad.csv"));
        Assert.Equal(CliApp.PointsFailed, sweep.Code);
        var (code, stdout, stderr) = await CliRunner.Run("sensitivity", "--method", "morris", "--from", PathOf("bad.csv"));
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("cannot run", stderr, StringComparison.Ordinal);
        Assert.Contains("crises.east-china-sea.statusQuo=", stderr, StringComparison.Ordinal);
        Assert.Contains("Morris elementary effects need every point", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sweep", "--design", "lhs", "--samples", "4", "--levels", "4" }, "--levels: applies only to a morris design")]
    [InlineData(new[] { "sweep", "--design", "morris", "--samples", "4", "--levels", "5" }, "--levels: a Morris design needs an even number of levels")]
    [InlineData(new[] { "sweep", "--design", "morris", "--samples", "4", "--levels", "0" }, "even number of levels p from 2")]
    [InlineData(new[] { "sweep", "--design", "morris" }, "--samples: a morris design needs a number of trajectories")]
    [InlineData(new[] { "sensitivity", "--levels", "4" }, "--levels: applies only with --method morris")]
    [InlineData(new[] { "sensitivity", "--method", "morris", "--samples", "1" }, "--samples: Morris screening needs at least 2 trajectories")]
    public async Task MorrisOptions_BadValues_ClearErrors(string[] args, string expected)
    {
        string[] output = args[0] == "sweep" ? ["-o", PathOf("x.csv")] : [];
        var (code, stdout, stderr) = await CliRunner.Run([.. args, "--vary", Credulity, "-n", "100", .. output]);
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(PathOf("x.csv")));
    }

    [Fact]
    public async Task SweepMorris_DesignFromItsSidecar_ReproducesTheSweep()
    {
        Assert.Equal(0, (await CliRunner.Run("sweep", "--design", "morris", "--vary", Credulity, "--vary", Noise, "--samples", "4", "--levels", "8", "--seed", "9", "-r", "1", "-n", "300", "-o", PathOf("a.csv"))).Code);
        var (code, _, stderr) = await CliRunner.Run("sweep", "--design", PathOf("a.csv") + SweepFile.SidecarSuffix, "--seed", "9", "-r", "1", "-n", "300", "-o", PathOf("b.csv"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("a.csv")), File.ReadAllBytes(PathOf("b.csv")));
        var rows = SweepRowReader.Read(PathOf("a.csv"), out _).ToList();
        Assert.Equal(12, rows.Count);

        // Eight levels of [0, 1]: every value is k/7.
        Assert.All(rows, r => Assert.Equal(Math.Round(r.Values[0] * 7), r.Values[0] * 7, 9));
    }
}
