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
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var crisisOption = new Option<string?>("--crisis", "-c") { Description = "The crisis id (default: the scenario's first crisis)." };
        var roundsOption = new Option<long>("--rounds", "-n") { Description = $"Number of Monte Carlo rounds (1 to {RoundOptions.MaxRounds}).", DefaultValueFactory = _ => 1_000_000 };
        var replicationOption = new Option<int>("--replication") { Description = "The replication index (>= 0): its own random streams of the seed, as in a sweep's replication column.", DefaultValueFactory = _ => 0 };
        var command = new Command("run", "Play N rounds of one crisis and report outcome and war-cause rates with 95% Wilson intervals.")
        {
            crisisOption, roundsOption, replicationOption,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, common, crisisOption, roundsOption, replicationOption, stdout, stderr, cancellationToken)));
        return command;
    }

    private static int Execute(ParseResult parse, CommonOptions common, Option<string?> crisisOption, Option<long> roundsOption, Option<int> replicationOption, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        long rounds = parse.GetValue(roundsOption);
        if (rounds < 1 || rounds > RoundOptions.MaxRounds)
        {
            return CliApp.Fail(stderr, $"--rounds: expected an integer from 1 to {RoundOptions.MaxRounds}, found {rounds}.", CliApp.InvalidInput);
        }

        int replication = parse.GetValue(replicationOption);
        if (replication < 0)
        {
            return CliApp.Fail(stderr, $"--replication: expected an integer >= 0, found {replication}.", CliApp.InvalidInput);
        }

        var compiled = common.Load(parse, stderr, out int exitCode);
        if (compiled is null)
        {
            return exitCode;
        }

        common.WarnRunsOnly(parse, stderr, "it cannot change run's single rounds: use simulate to see its effect");
        string crisis = parse.GetValue(crisisOption) ?? compiled.CrisisIds[0];
        if (!compiled.CrisisIds.Contains(crisis, StringComparer.Ordinal))
        {
            return CliApp.Fail(stderr, $"--crisis: scenario '{compiled.Scenario.Name}' has no crisis '{crisis}'; its crises are: {string.Join(", ", compiled.CrisisIds)}.", CliApp.InvalidInput);
        }

        var options = new RoundOptions { Rounds = rounds, Seed = parse.GetValue(common.Seed), Replication = replication, Threads = parse.GetValue(common.Threads) };
        using var loggers = CommonOptions.Loggers(parse.GetValue(common.Verbose));
        var monteCarlo = new MonteCarlo(compiled, loggers.CreateLogger<MonteCarlo>());
        SimulationResult result;
        try
        {
            result = CommonOptions.IsTerminal(stderr) && options.Rounds >= 4 * MonteCarlo.ChunkSize
                ? ProgressBar.Show(stderr, crisis, options.Rounds, progress => monteCarlo.Run(crisis, options, progress, cancellationToken))
                : monteCarlo.Run(crisis, options, progress: null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return CliApp.Fail(stderr, "cancelled.", CliApp.Cancelled);
        }

        switch (parse.GetValue(common.Format))
        {
            case "json":
                stdout.Write(SimulationResultJson.ToJson(result, common.Provenance(parse, compiled)));
                break;
            case "csv":
                SimulationResultCsv.Write([result], stdout, common.Provenance(parse, compiled));
                break;
            default:
                ResultTable.Write(CliApp.Console(stdout), result, compiled.Scenario);
                break;
        }

        stdout.Flush();
        return 0;
    }
}
