using System.Diagnostics;

namespace DeterrenceSim.Tests.Cli;

/// <summary>
/// The command line as a real child process whose standard output and error are what a shell gives it: a file that
/// already holds bytes, a file shared by both streams, a full disk.
/// </summary>
public class ProcessOutputTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "deterrence-sim.dll");

    [Fact]
    public async Task RedirectedStandardOutput_WritesAfterWhatTheFileHolds()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string file = Path.GetTempFileName();
        try
        {
            // A loop of runs into one file, after a header written by the shell: every byte must survive.
            var (code, _, _) = await Shell($"{{ echo header; for s in 0.1 0.9; do {Cli} run --rounds 2000 --set commitments.Partnership.signal=$s --format csv; done; }} > '{file}'");
            Assert.Equal(0, code);
            string[] lines = File.ReadAllLines(file);
            Assert.Equal("header", lines[0]);
            var single = await Shell($"{Cli} run --rounds 2000 --format csv");
            int perRun = single.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(perRun > 2, single.Stdout);
            Assert.Equal(1 + (2 * perRun), lines.Length);
            Assert.Equal(2, lines.Count(l => l == lines[1]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task StandardOutputAndErrorSharingOneFile_KeepEveryLine()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string file = Path.GetTempFileName();
        try
        {
            // `> log 2>&1`: the log lines on standard error and the document on standard output share one offset.
            var (code, _, _) = await Shell($"{{ echo before >&2; {Cli} run --rounds 2000 --verbose --format csv; echo after; }} > '{file}' 2>&1");
            Assert.Equal(0, code);
            string text = File.ReadAllText(file);
            Assert.StartsWith("before\n", text, StringComparison.Ordinal);
            Assert.EndsWith("after\n", text, StringComparison.Ordinal);
            Assert.Contains("info:", text, StringComparison.Ordinal);
            Assert.Contains("scenario,crisis", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RedirectedStandardError_WritesAfterWhatTheFileHolds()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string file = Path.GetTempFileName();
        try
        {
            var (code, _, _) = await Shell($"{{ echo first >&2; {Cli} run --rounds 0; echo last >&2; }} 2> '{file}'");
            Assert.Equal(0, code);
            string[] lines = File.ReadAllLines(file);
            Assert.Equal(3, lines.Length);
            Assert.Equal("first", lines[0]);
            Assert.StartsWith("deterrence-sim: error: --rounds: expected an integer from 1 to ", lines[1], StringComparison.Ordinal);
            Assert.Equal("last", lines[2]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("run --rounds 1000")]
    [InlineData("run --rounds 1000 --format csv")]
    [InlineData("simulate --replications 2 --periods 2 --format json")]
    [InlineData("list --help")]
    public async Task FullDisk_ExitsThree(string arguments)
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var (code, _, stderr) = await Shell($"{Cli} {arguments} > /dev/full; echo \"exit $?\" >&2");
        Assert.Equal(0, code);
        Assert.EndsWith("exit 3\n", stderr, StringComparison.Ordinal);
        Assert.Contains("No space left on device", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedOrFullStandardError_NeitherAbortsNorChangesTheExitCode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A lost warning leaves the document and exit 0; a lost error message leaves its exit code.
        var (code, stdout, _) = await Shell($"{Cli} run --rounds 1000 --set learning=false --format csv 2>&-; echo \"exit $?\"");
        Assert.Equal(0, code);
        Assert.EndsWith("exit 0\n", stdout, StringComparison.Ordinal);
        Assert.Contains("scenario,crisis", stdout, StringComparison.Ordinal);
        (_, stdout, _) = await Shell($"{Cli} run --rounds 0 2>&-; echo \"exit $?\"");
        Assert.Equal("exit 2\n", stdout);
        (_, stdout, _) = await Shell($"{Cli} run --rounds 1000 --set learning=false --format csv 2>/dev/full; echo \"exit $?\"");
        Assert.EndsWith("exit 0\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_OutputWrittenByAnotherProcessMeanwhile_IsNotReplaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Directory.CreateTempSubdirectory("simulate-race-").FullName;
        try
        {
            // Once the run has started (its hidden partial file exists), another process writes the output.
            string output = Path.Combine(folder, "z.csv");
            string script = $"{Cli} simulate -p 50 -r 3000 -t 1 -o '{output}' & "
                + $"while ! ls -a '{folder}' | grep -q partial; do sleep 0.05; done; echo mine > '{output}'; wait $!; echo \"exit $?\"";
            var (_, stdout, stderr) = await Shell(script);
            Assert.EndsWith("exit 3\n", stdout, StringComparison.Ordinal);
            Assert.Contains("was written by another process while this run was going", stderr, StringComparison.Ordinal);
            Assert.Equal("mine\n", File.ReadAllText(output));
            Assert.Equal(["z.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Cli => $"dotnet '{Dll}'";

    /// <summary>Runs a POSIX shell script; returns its exit code and what reached its own standard output and error.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> Shell(string script)
    {
        Assert.True(File.Exists(Dll), Dll);
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output, await errorTask);
    }
}
