using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>run</c> command: N rounds of one crisis, with rates and 95% intervals.</summary>
internal static class RunCommand
{
    /// <summary>The largest accepted --threads: more workers than this only add scheduling overhead.</summary>
    private const int MaxThreads = 1024;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenarioOption = new Option<string>("--scenario", "-s")
        {
            Description = "An embedded scenario name or a scenario JSON file.",
            DefaultValueFactory = _ => ScenarioLoader.DefaultScenarioName,
        };
        var crisisOption = new Option<string?>("--crisis", "-c") { Description = "The crisis id (default: the scenario's first crisis)." };
        var roundsOption = new Option<long>("--rounds", "-n") { Description = "Number of Monte Carlo rounds (>= 1).", DefaultValueFactory = _ => 1_000_000 };
        var seedOption = new Option<ulong>("--seed") { Description = "Master seed (0 to 18446744073709551615).", DefaultValueFactory = _ => 1 };
        var threadsOption = new Option<int>("--threads", "-t") { Description = "Worker threads (>= 1); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var setOption = new Option<string[]>("--set")
        {
            Description = "Override a parameter: path=value, e.g. states.CHN.perception.credulity=0.8 (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "csv");
        var verboseOption = new Option<bool>("--verbose", "-v") { Description = "Log to standard error." };
        var command = new Command("run", "Play N rounds of one crisis and report outcome and war-cause rates with 95% Wilson intervals.")
        {
            scenarioOption, crisisOption, roundsOption, seedOption, threadsOption, setOption, formatOption, verboseOption,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(
            stdout,
            stderr,
            parse.GetValue(scenarioOption)!,
            parse.GetValue(crisisOption),
            new MonteCarloOptions { Rounds = parse.GetValue(roundsOption), Seed = parse.GetValue(seedOption), Threads = parse.GetValue(threadsOption) },
            parse.GetValue(setOption) ?? [],
            parse.GetValue(formatOption)!,
            parse.GetValue(verboseOption),
            cancellationToken)));
        return command;
    }

    private static int Execute(TextWriter stdout, TextWriter stderr, string scenarioName, string? crisisId, MonteCarloOptions options, string[] assignments, string format, bool verbose, CancellationToken cancellationToken)
    {
        if (options.Rounds < 1 || options.Rounds > MonteCarloOptions.MaxRounds)
        {
            return CliApp.Fail(stderr, $"--rounds: expected an integer from 1 to {MonteCarloOptions.MaxRounds}, found {options.Rounds}.", CliApp.InvalidInput);
        }

        if (options.Threads < 1 || options.Threads > MaxThreads)
        {
            return CliApp.Fail(stderr, $"--threads: expected an integer from 1 to {MaxThreads}, found {options.Threads}.", CliApp.InvalidInput);
        }

        if (string.IsNullOrWhiteSpace(scenarioName))
        {
            return CliApp.Fail(stderr, "--scenario: expected an embedded scenario name or a file path, found an empty string.", CliApp.InvalidInput);
        }

        CompiledScenario compiled;
        string crisis;
        try
        {
            var scenario = ScenarioLoader.Load(scenarioName);
            scenario = ParameterPaths.SetAll(scenario, assignments.Select(ParameterPaths.ParseAssignment));
            compiled = CompiledScenario.Compile(scenario);
            crisis = crisisId ?? compiled.CrisisIds[0];
            if (!compiled.CrisisIds.Contains(crisis, StringComparer.Ordinal))
            {
                return CliApp.Fail(stderr, $"--crisis: scenario '{scenario.Name}' has no crisis '{crisis}'; its crises are: {string.Join(", ", compiled.CrisisIds)}.", CliApp.InvalidInput);
            }
        }
        catch (ScenarioException e)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }
        catch (FormatException e)
        {
            return CliApp.Fail(stderr, "--set: " + e.Message, CliApp.InvalidInput);
        }

        using var loggerFactory = LoggerFactory.Create(builder =>
        {
            if (verbose)
            {
                builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Information);
            }
        });
        var monteCarlo = new MonteCarlo(compiled, loggerFactory.CreateLogger<MonteCarlo>());
        SimulationResult result;
        try
        {
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            result = terminal && options.Rounds >= 4 * MonteCarlo.ChunkSize
                ? RunWithProgressBar(monteCarlo, crisis, options, stderr, cancellationToken)
                : monteCarlo.Run(crisis, options, progress: null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return CliApp.Fail(stderr, "cancelled.", CliApp.Cancelled);
        }

        switch (format)
        {
            case "json":
                stdout.Write(SimulationResultJson.ToJson(result));
                break;
            case "csv":
                SimulationResultCsv.Write([result], stdout);
                break;
            default:
                ResultTable.Write(CliApp.Console(stdout), result, compiled.Scenario);
                break;
        }

        stdout.Flush();
        return 0;
    }

    private static SimulationResult RunWithProgressBar(MonteCarlo monteCarlo, string crisis, MonteCarloOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        SimulationResult? result = null;
        CliApp.Console(stderr, interactive: true).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(crisis), maxValue: options.Rounds);
                long shown = 0;

                // Workers report out of order: show the largest count seen.
                var progress = new SynchronousProgress(p =>
                {
                    long value = Interlocked.Read(ref shown);
                    while (p.RoundsCompleted > value && Interlocked.CompareExchange(ref shown, p.RoundsCompleted, value) != value)
                    {
                        value = Interlocked.Read(ref shown);
                    }

                    task.Value = Interlocked.Read(ref shown);
                });
                result = monteCarlo.Run(crisis, options, progress, cancellationToken);
                task.Value = options.Rounds;
                task.StopTask();
            });
        return result!;
    }

    /// <summary>Reports on the calling thread (not through a synchronization context), so the bar is current.</summary>
    private sealed class SynchronousProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }
}
