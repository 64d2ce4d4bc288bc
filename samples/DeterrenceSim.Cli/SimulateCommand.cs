using System.CommandLine;
using System.Text;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using Microsoft.Extensions.Logging;

namespace DeterrenceSim.Cli;

/// <summary>
/// The <c>simulate</c> command: R replications of runs of T periods of every crisis (learning, engagement votes,
/// growth, overstretch), a summary of how war risk and beliefs evolve, and optionally every per-period row in a file.
/// </summary>
internal static class SimulateCommand
{
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
        using var loggers = CommonOptions.Loggers(parse.GetValue(common.Verbose));
        var monteCarlo = new MonteCarlo(compiled, loggers.CreateLogger<MonteCarlo>());
        DynamicsResult result;
        string? temporary = null;
        try
        {
            // Rows go to a temporary file beside the output, renamed only when the run has finished: a killed or
            // failed run never leaves a file that looks complete.
            Action<PeriodRow>? rows = null;
            IDisposable? rowFile = null;
            if (output is not null)
            {
                temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "." + Path.GetFileName(output) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
                if (output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                {
                    var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                    var parquet = new PeriodRowParquet(file, compiled.Scenario);
                    rows = parquet.Write;
                    rowFile = new Owned(parquet, file);
                }
                else
                {
                    var file = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    rows = new PeriodRowCsv(file, compiled.Scenario).Write;
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
        }

        switch (parse.GetValue(common.Format))
        {
            case "json":
                stdout.Write(DynamicsResultJson.ToJson(result));
                break;
            case "csv":
                DynamicsResultCsv.Write(result, stdout);
                break;
            default:
                DynamicsTable.Write(CliApp.Console(stdout), result, compiled, output);
                break;
        }

        stdout.Flush();
        return 0;
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

        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is null || !Directory.Exists(directory))
        {
            return $"the directory of '{output}' does not exist.";
        }

        return File.Exists(output) && !force ? $"'{output}' exists; pass --force to replace it." : null;
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
