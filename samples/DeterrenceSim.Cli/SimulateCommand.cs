using System.CommandLine;
using System.Globalization;
using System.Text;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;

namespace DeterrenceSim.Cli;

/// <summary>
/// The <c>simulate</c> command: R replications of runs of T periods of every crisis (learning, engagement votes,
/// growth, overstretch), a summary of how war risk and beliefs evolve, and optionally every per-period row in a file.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The suffix of the sidecar beside an --output file: OUTPUT.simulate.json.</summary>
    public const string SidecarSuffix = ".simulate.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var periodsOption = new Option<int?>("--periods", "-p") { Description = "Periods T of each run (default: the scenario's periods, 20 if unset)." };
        var replicationsOption = new Option<int>("--replications", "-r") { Description = "Replications R (>= 1).", DefaultValueFactory = _ => 1000 };
        var firstOption = new Option<int>("--first-replication") { Description = "The index of the first replication (>= 0): replications F to F+R-1 of the seed, so that one replication of a sweep over runs can be replayed alone.", DefaultValueFactory = _ => 0 };
        var outputOption = new Option<string?>("--output", "-o") { Description = "Write every per-period row to this .csv or .parquet file (written whole or not at all)." };
        var forceOption = new Option<bool>("--force") { Description = "Replace an existing --output file." };
        var command = new Command("simulate", "Play runs of T periods of every crisis, with learning, engagement votes, growth and overstretch, and show how war risk and beliefs evolve.")
        {
            periodsOption, replicationsOption, firstOption, outputOption, forceOption,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, common, periodsOption, replicationsOption, firstOption, outputOption, forceOption, stdout, stderr, cancellationToken)));
        return command;
    }

    private static int Execute(
        ParseResult parse,
        CommonOptions common,
        Option<int?> periodsOption,
        Option<int> replicationsOption,
        Option<int> firstOption,
        Option<string?> outputOption,
        Option<bool> forceOption,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        int? periods = parse.GetValue(periodsOption);
        if (periods is < 1 or > RunOptions.MaxPeriods)
        {
            return CliApp.Fail(stderr, $"--periods: expected an integer from 1 to {RunOptions.MaxPeriods}, found {periods}.", CliApp.InvalidInput);
        }

        int replications = parse.GetValue(replicationsOption);
        if (replications < 1)
        {
            return CliApp.Fail(stderr, $"--replications: expected an integer >= 1, found {replications}.", CliApp.InvalidInput);
        }

        int first = parse.GetValue(firstOption);
        if (first < 0 || first > int.MaxValue - replications)
        {
            return CliApp.Fail(stderr, $"--first-replication: expected an integer from 0 to {int.MaxValue - replications}, found {first}.", CliApp.InvalidInput);
        }

        string? output = parse.GetValue(outputOption);
        if (output is null && parse.GetValue(forceOption))
        {
            return CliApp.Fail(stderr, "--force: only meaningful with --output, which was not given.", CliApp.InvalidInput);
        }

        if (output is not null)
        {
            string? problem = OutputProblem(output, parse.GetValue(forceOption));
            if (problem is not null)
            {
                return CliApp.Fail(stderr, "--output: " + problem, CliApp.InvalidInput);
            }
        }

        var compiled = common.Load(parse, stderr, out int exitCode);
        if (compiled is null)
        {
            return exitCode;
        }

        var options = new RunOptions { Periods = periods, Replications = replications, FirstReplication = first, Seed = parse.GetValue(common.Seed), Threads = parse.GetValue(common.Threads) };
        var provenance = common.Provenance(parse, compiled);
        if ((periods ?? compiled.Scenario.Periods) == 1)
        {
            common.WarnRunsOnly(parse, stderr, "it cannot change a run of one period: give --periods 2 or more");
        }

        if (output is not null)
        {
            RemoveStalePartials(output, stderr);
            if (LargeOutputWarning(output, (long)replications * (periods ?? compiled.Scenario.Periods) * compiled.Scenario.Crises.Count, compiled.Scenario.Commitments.Count) is { } warning)
            {
                stderr.WriteLine(warning);
            }
        }

        using var loggers = CommonOptions.Loggers(parse.GetValue(common.Verbose));
        var monteCarlo = new MonteCarlo(compiled, loggers.CreateLogger<MonteCarlo>());
        DynamicsResult result;
        string? temporary = null;
        string? sidecarTemporary = null;
        var started = DateTimeOffset.UtcNow;
        long rowCount = 0;
        try
        {
            ScenarioValidator.CheckGrowth(compiled.Scenario, periods ?? compiled.Scenario.Periods, common.Source(parse));

            // Rows go to a temporary file beside the output, renamed only when the run has finished: a killed or
            // failed run never leaves a file that looks complete.
            Action<PeriodRow>? rows = null;
            IDisposable? rowFile = null;
            if (output is not null)
            {
                temporary = TemporaryName(output, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                if (output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                {
                    var file = new FileStream(temporary, FileMode.Create, FileAccess.Write);
                    var metadata = provenance.ToMetadata();
                    metadata["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);
                    metadata["periods"] = (periods ?? compiled.Scenario.Periods).ToString(CultureInfo.InvariantCulture);
                    metadata["replications"] = replications.ToString(CultureInfo.InvariantCulture);
                    metadata["firstReplication"] = first.ToString(CultureInfo.InvariantCulture);
                    var parquet = new PeriodRowParquet(file, compiled.Scenario, metadata);
                    rows = row =>
                    {
                        rowCount++;
                        parquet.Write(row);
                    };
                    rowFile = new Owned(parquet, file);
                }
                else
                {
                    var file = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    var csv = new PeriodRowCsv(file, compiled.Scenario);
                    rows = row =>
                    {
                        rowCount++;
                        csv.Write(row);
                    };
                    rowFile = file;
                }
            }

            using (rowFile)
            {
                result = CommonOptions.IsTerminal(stderr) && replications >= 50
                    ? ProgressBar.Show(stderr, "replications", replications, progress => monteCarlo.Simulate(options, rows, progress, cancellationToken))
                    : monteCarlo.Simulate(options, rows, progress: null, cancellationToken);
            }

            if (temporary is not null)
            {
                // Another run may have written the output meanwhile: it is replaced only with --force, as at the start.
                if (!parse.GetValue(forceOption) && (File.Exists(output) || File.Exists(output + SidecarSuffix)))
                {
                    return CliApp.Fail(stderr, $"--output: '{(File.Exists(output) ? output : output + SidecarSuffix)}' was written by another process while this run was going; nothing was replaced (pass --force to replace it).", CliApp.OutputFailed);
                }

                // The sidecar first, then the rows: a file under the output's name always has its sidecar beside it.
                sidecarTemporary = output + SidecarSuffix + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                File.WriteAllText(sidecarTemporary, Sidecar(provenance, options, result, compiled, rowCount, started), new UTF8Encoding(false));
                File.Move(sidecarTemporary, output + SidecarSuffix, overwrite: true);
                sidecarTemporary = null;
                File.Move(temporary, output!, overwrite: true);
                temporary = null;
            }
        }
        catch (OperationCanceledException)
        {
            return CliApp.Fail(stderr, "cancelled; no output file was written.", CliApp.Cancelled);
        }
        catch (DeterrenceSim.Scenarios.ScenarioException e)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliApp.Fail(stderr, $"--output: could not write '{output}': {e.Message}", CliApp.OutputFailed);
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }

            if (sidecarTemporary is not null)
            {
                File.Delete(sidecarTemporary);
            }
        }

        switch (parse.GetValue(common.Format))
        {
            case "json":
                stdout.Write(DynamicsResultJson.ToJson(result, provenance));
                break;
            case "csv":
                DynamicsResultCsv.Write(result, stdout, provenance);
                break;
            default:
                DynamicsTable.Write(CliApp.Console(stdout), result, compiled, output);
                break;
        }

        stdout.Flush();
        return 0;
    }

    /// <summary>Rows of --output past which the run says, before it starts, how large the file will be.</summary>
    internal const long LargeOutputRows = 1_000_000;

    /// <summary>
    /// The warning for an --output of many rows (<paramref name="rows"/> = replications × periods × crises), or
    /// <see langword="null"/> under <see cref="LargeOutputRows"/>. A row holds every commitment's reliability, signal
    /// and belief: about 25 bytes of CSV a commitment (the embedded scenario's 65 commitments, about 1.8 KB a row);
    /// Parquet takes about a ninth of that.
    /// </summary>
    internal static string? LargeOutputWarning(string output, long rows, int commitments)
    {
        if (rows < LargeOutputRows)
        {
            return null;
        }

        bool parquet = output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        double gigabytes = rows * (300 + (25.0 * commitments)) / (parquet ? 9 : 1) / 1e9;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"deterrence-sim: warning: --output will hold {rows:N0} rows (replications × periods × crises), about {gigabytes:0.#} GB as {(parquet ? "Parquet" : "CSV")}; the summary alone needs no --output.");
    }

    private static string? OutputProblem(string output, bool force)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return "expected a file path, found an empty string.";
        }

        if (!output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return $"expected a path ending in .csv or .parquet, found '{output}'.";
        }

        if (Directory.Exists(output))
        {
            return $"'{output}' is a directory.";
        }

        if (OutputPaths.MissingFolder(output) is { } missing)
        {
            return missing + ".";
        }

        if (File.Exists(output) && !force)
        {
            return $"'{output}' exists; pass --force to replace it.";
        }

        if (Directory.Exists(output + SidecarSuffix))
        {
            return $"'{output + SidecarSuffix}', where its sidecar goes, is a directory.";
        }

        if (File.Exists(output + SidecarSuffix) && !force)
        {
            return $"'{output + SidecarSuffix}' exists (left from an earlier run?); delete it or pass --force to replace it.";
        }

        string widest = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        return OutputPaths.Problem(output, [TemporaryName(output, widest), output + SidecarSuffix, output + SidecarSuffix + ".tmp-" + widest]);
    }

    /// <summary>The hidden file the rows are written to until the run has finished: .NAME.PID.partial beside the output.</summary>
    private static string TemporaryName(string output, string processId) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "." + Path.GetFileName(output) + "." + processId + ".partial");

    /// <summary>
    /// Removes the hidden partial files of earlier runs to the same output whose process is gone (killed with -9, or
    /// the machine went down), saying so; names, and leaves alone, those whose process still runs. A file named with
    /// this process's own id, or the id of a running program that is not a deterrence-sim, is an earlier process's whose
    /// id was reused: it is removed too.
    /// </summary>
    private static void RemoveStalePartials(string output, TextWriter stderr)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        string prefix = "." + Path.GetFileName(output) + ".";
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            string name = Path.GetFileName(file);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".partial", StringComparison.Ordinal) || name.Length <= prefix.Length + ".partial".Length)
            {
                continue;
            }

            string id = name[prefix.Length..^".partial".Length];
            if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && (pid == Environment.ProcessId || !IsRunning(pid)))
            {
                try
                {
                    File.Delete(file);
                    stderr.WriteLine($"deterrence-sim: removed {file}, the unfinished rows of an earlier run (process {pid}) that no longer runs.");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"deterrence-sim: warning: {file} holds the unfinished rows of an earlier run (process {pid}) that no longer runs, and could not be removed: {e.Message}");
                }
            }
            else
            {
                stderr.WriteLine($"deterrence-sim: warning: {file} holds the unfinished rows of another run to {output}{(pid > 0 ? $" (process {pid}, still running)" : "")}; it is left alone: delete it if no deterrence-sim is writing {output}.");
            }
        }
    }

    /// <summary>Whether a process of this id runs and can be a deterrence-sim (the apphost, or dotnet running the dll or
    /// the tests): a process id reused by another program leaves the file stale.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName is "deterrence-sim" or "dotnet" or "testhost";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The sidecar OUTPUT.simulate.json: what the rows were computed from (as a sweep's sidecar records it),
    /// how many there are, and when and where they were computed.</summary>
    private static string Sidecar(Provenance provenance, RunOptions options, DynamicsResult result, CompiledScenario compiled, long rows, DateTimeOffset started)
    {
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", "deterrence-sim simulate");
            w.WriteNumber("formatVersion", 1);
            w.WriteString("scenario", compiled.Scenario.Name);
            provenance.WriteTo(w);
            w.WriteNumber("seed", options.Seed);
            w.WriteNumber("periods", result.Periods);
            w.WriteNumber("replications", result.Replications);
            w.WriteNumber("firstReplication", options.FirstReplication);
            w.WriteNumber("rows", rows);
            w.WriteNumber("threads", result.Threads);
            w.WriteStartObject("machine");
            w.WriteString("host", Environment.MachineName);
            w.WriteString("os", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            w.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteEndObject();
            w.WriteString("started", started.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("finished", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    /// <summary>Disposes a writer, then the stream under it.</summary>
    private sealed class Owned(IDisposable writer, IDisposable stream) : IDisposable
    {
        public void Dispose()
        {
            writer.Dispose();
            stream.Dispose();
        }
    }
}
