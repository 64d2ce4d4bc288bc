using System.CommandLine;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>sensitivity</c> command: Sobol first- and total-order indices of one metric over uniform ranges of
/// parameters, from a Saltelli design, with bootstrap intervals.</summary>
internal static class SensitivityCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var o = new SweepOptionSet(sobolOnly: true);
        o.Samples.DefaultValueFactory = _ => 1024;
        var metric = new Option<string>("--metric", "-m") { Description = $"The metric: an outcome or a war cause ({string.Join(", ", Measure.All)}), a but-for share (butFor.FACTOR), a Shapley share (shapley.FACTOR, a mean in [-1, 1]) or shapley.rational; FACTOR is one of {string.Join(", ", MechanismFactors.All.Select(f => f.Name()))}.", DefaultValueFactory = _ => "war" };
        metric.AcceptOnlyFromAmong([.. Measure.All.Concat(Measure.Mechanisms).Select(m => m.Name)]);
        var replications = new Option<int>("--replications", "-r") { Description = "Replications averaged at each point (>= 1).", DefaultValueFactory = _ => 1 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the 95% intervals (1 to 100000).", DefaultValueFactory = _ => 1000 };
        var command = new Command("sensitivity", "Sobol first- and total-order sensitivity indices of one metric (Saltelli 2010, Jansen 1999) over uniform parameter ranges, with 95% bootstrap intervals. The design has N(k+2) points for N --samples and k --vary.")
        {
            metric, replications, resamples,
        };
        o.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            int r = parse.GetValue(replications);
            if (r < 1 || r > SweepOptions.MaxReplications)
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--replications: expected an integer from 1 to {SweepOptions.MaxReplications}, found {r}.", CliApp.InvalidInput));
            }

            int b = parse.GetValue(resamples);
            if (b < 1 || b > 100_000)
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--resamples: expected an integer from 1 to 100000, found {b}.", CliApp.InvalidInput));
            }

            var sweep = o.Build(parse, common, stderr, new SweepOptions { Replications = r }, out int exitCode);
            if (sweep is null)
            {
                return Task.FromResult(exitCode);
            }

            foreach (string warning in sweep.Warnings)
            {
                stderr.WriteLine("deterrence-sim: warning: " + warning);
            }

            if (sweep.Design.Samples is >= SensitivityAnalysis.MinSamples and < 64)
            {
                stderr.WriteLine($"deterrence-sim: warning: {sweep.Design.Samples} base samples are few: the indices and their intervals are unreliable below about 64.");
            }

            string m = parse.GetValue(metric)!;
            SensitivityResult result;
            try
            {
                result = CommonOptions.IsTerminal(stderr)
                    ? SweepProgressBar.Show(stderr, "sensitivity", sweep.Design.PointCount, p => SensitivityAnalysis.Run(sweep.Scenario, sweep.Design.Factors, sweep.Design.Samples, m, sweep.Options, b, p, cancellationToken, common.Source(parse)))
                    : SensitivityAnalysis.Run(sweep.Scenario, sweep.Design.Factors, sweep.Design.Samples, m, sweep.Options, b, null, cancellationToken, common.Source(parse));
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, "--samples: " + e.Message.Split(" (Parameter")[0], CliApp.InvalidInput));
            }
            catch (InvalidOperationException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, e.Message, CliApp.InvalidInput));
            }
            catch (ArgumentException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, e.Message, CliApp.InvalidInput));
            }
            catch (ScenarioException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, e.Message, CliApp.InvalidInput));
            }

            switch (parse.GetValue(common.Format))
            {
                case "json":
                    stdout.Write(SensitivityResultIO.ToJson(result, common.Provenance(parse, sweep.Scenario)));
                    break;
                case "csv":
                    stdout.Write(SensitivityResultIO.ToCsv(result, common.Provenance(parse, sweep.Scenario)));
                    break;
                default:
                    Table(CliApp.Console(stdout), result);
                    break;
            }

            stdout.Flush();
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Table(IAnsiConsole console, SensitivityResult result)
    {
        console.MarkupLine(Markup.Escape($"Sobol indices of {result.Metric} in {result.Crisis}: {result.Design.Samples} base samples, {result.Design.PointCount} points of {(result.Options.Periods is int runPeriods ? $"{runPeriods}-period runs" : SweepCommand.Plural(result.Options.Rounds, "round"))} x {SweepCommand.Plural(result.Options.Replications, "replication")}, seed {result.Options.Seed}"));
        var table = new Table().AddColumns("parameter", "range", "first order S1", "95% interval", "total order ST", "95% interval");
        for (int i = 0; i < result.Design.Factors.Count; i++)
        {
            var f = result.Design.Factors[i];
            var s = result.Indices.FirstOrder[i];
            var t = result.Indices.TotalOrder[i];
            table.AddRow(
                Markup.Escape(f.Path),
                FormattableString.Invariant($"[[{f.Lower:G4}, {f.Upper:G4}]]"),
                s.Estimate.ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
                FormattableString.Invariant($"[[{s.Lower:F4}, {s.Upper:F4}]]"),
                t.Estimate.ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
                FormattableString.Invariant($"[[{t.Lower:F4}, {t.Upper:F4}]]"));
        }

        console.Write(table);
        string quantity = Measure.TryParse(result.Metric, out var measure) && measure.IsMean ? "share" : "rate";
        console.MarkupLine($"S1: share of the variance of the {quantity} due to the parameter alone; ST: including its interactions. Intervals: bootstrap over base rows.");
    }
}
