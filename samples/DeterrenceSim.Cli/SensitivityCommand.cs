using System.CommandLine;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>sensitivity</c> command: Sobol first- and total-order indices (<c>--method sobol</c>, from a Saltelli
/// design) or Morris's screening measures mu, mu-star and sigma (<c>--method morris</c>, from r trajectories) of one
/// metric over uniform ranges of parameters, with bootstrap intervals; run here, or read from a saved sweep
/// (<c>--from FILE</c>).</summary>
internal static class SensitivityCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var o = new SweepOptionSet(sensitivity: true);
        o.Samples.DefaultValueFactory = _ => 1024;
        var metric = new Option<string>("--metric", "-m") { Description = $"The metric: an outcome or a war cause ({string.Join(", ", Measure.All)}), a but-for share (butFor.FACTOR), a Shapley share (shapley.FACTOR, a mean in [-1, 1]) or shapley.rational; FACTOR is one of {string.Join(", ", MechanismFactors.All.Select(f => f.Name()))}; with --from a contrast's file also policy.M or M_difference (the policy's effect) for an outcome or war cause M.", DefaultValueFactory = _ => "war" };
        metric.AcceptOnlyFromAmong([.. Measure.All.Concat(Measure.Mechanisms).Select(m => m.Name), .. Measure.All.SelectMany(m => new[] { "policy." + m.Name, m.Name + "_difference" })]);
        var replications = new Option<int>("--replications", "-r") { Description = "Replications averaged at each point (>= 1).", DefaultValueFactory = _ => 1 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the 95% intervals (1 to 100000).", DefaultValueFactory = _ => 1000 };
        var method = new Option<string>("--method") { Description = "The analysis: sobol (first- and total-order indices; N(k+2) points for N --samples and k --vary) or morris (elementary-effects screening, mu, mu-star and sigma; R(k+1) points for R --samples trajectories over --levels P).", DefaultValueFactory = _ => "sobol" };
        method.AcceptOnlyFromAmong("sobol", "morris");
        var from = new Option<string?>("--from") { Description = "Analyse a saved sweep instead of running one: a results file (.csv or .parquet) whose sidecar FILE.sweep.json holds a sobol or morris design (sweep --design sobol|morris). The file holds the design and the sweep's settings: give no --vary, --samples, --levels, --crisis, --rounds, --periods, --replications, --seed, --scenario, --set or --variant with it." };
        var command = new Command("sensitivity", "Sobol first- and total-order sensitivity indices (Saltelli 2010, Jansen 1999) or Morris elementary-effects screening (Morris 1991; mu-star of Campolongo et al. 2007) of one metric over uniform parameter ranges, with 95% bootstrap intervals. The design has N(k+2) points (sobol) or R(k+1) (morris) for N or R --samples and k --vary.")
        {
            metric, replications, resamples, method, from,
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

            bool morris = parse.GetValue(method) == "morris";
            string m = parse.GetValue(metric)!;
            if (parse.GetValue(from) is { } file)
            {
                return Task.FromResult(FromFile(parse, file, morris, m, b, o, common, replications, stdout, stderr));
            }

            if (SweepRow.IsContrastMetric(m))
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--metric: '{m}' is a contrast's: analyse a contrast's file with --from FILE (deterrence-sim contrast --design {(morris ? "morris" : "sobol")} ... makes one).", CliApp.InvalidInput));
            }

            if (parse.GetValue(o.Vary) is not { Length: > 0 })
            {
                return Task.FromResult(CliApp.Fail(stderr, "--vary: expected at least one varied parameter, such as --vary states.CHN.perception.credulity=0:1 (or --from FILE to analyse a saved sweep).", CliApp.InvalidInput));
            }

            if (morris && parse.GetValue(o.Samples) is < SensitivityAnalysis.MinTrajectories and var few)
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--samples: Morris screening needs at least {SensitivityAnalysis.MinTrajectories} trajectories (10 to 50 is usual), found {few}.", CliApp.InvalidInput));
            }

            var sweep = o.Build(parse, common, stderr, new SweepOptions { Replications = r }, out int exitCode, morris ? DesignKind.Morris : DesignKind.Sobol);
            if (sweep is null)
            {
                return Task.FromResult(exitCode);
            }

            foreach (string warning in sweep.Warnings)
            {
                stderr.WriteLine("deterrence-sim: warning: " + warning);
            }

            if (morris)
            {
                return Task.FromResult(RunMorris(parse, sweep, m, b, common, stdout, stderr, cancellationToken));
            }

            if (sweep.Design.Samples is >= SensitivityAnalysis.MinSamples and < 64)
            {
                stderr.WriteLine($"deterrence-sim: warning: {sweep.Design.Samples} base samples are few: the indices and their intervals are unreliable below about 64.");
            }

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

            Write(parse.GetValue(common.Format), stdout, result, common.Provenance(parse, sweep.Scenario));
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Write(string? format, TextWriter stdout, SensitivityResult result, Provenance provenance) =>
        Write(format, stdout, () => SensitivityResultIO.ToJson(result, provenance), () => SensitivityResultIO.ToCsv(result, provenance), console => Table(console, result));

    private static void Write(string? format, TextWriter stdout, MorrisResult result, Provenance provenance) =>
        Write(format, stdout, () => SensitivityResultIO.ToJson(result, provenance), () => SensitivityResultIO.ToCsv(result, provenance), console => Table(console, result));

    /// <summary>Writes a result in the format asked for: JSON, CSV, or a table.</summary>
    private static void Write(string? format, TextWriter stdout, Func<string> json, Func<string> csv, Action<IAnsiConsole> table)
    {
        switch (format)
        {
            case "json":
                stdout.Write(json());
                break;
            case "csv":
                stdout.Write(csv());
                break;
            default:
                table(CliApp.Console(stdout));
                break;
        }

        stdout.Flush();
    }

    private static int RunMorris(ParseResult parse, Sweep sweep, string metric, int resamples, CommonOptions common, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (resamples < 2)
        {
            return CliApp.Fail(stderr, $"--resamples: the bootstrap of --method morris needs at least 2 resamples, found {resamples}.", CliApp.InvalidInput);
        }

        if (sweep.Design.Samples is >= SensitivityAnalysis.MinTrajectories and < 10)
        {
            stderr.WriteLine($"deterrence-sim: warning: {sweep.Design.Samples} trajectories are few: mu-star and sigma and their intervals are rough below about 10.");
        }

        var d = sweep.Design;
        MorrisResult result;
        try
        {
            result = CommonOptions.IsTerminal(stderr)
                ? SweepProgressBar.Show(stderr, "sensitivity", d.PointCount, p => SensitivityAnalysis.RunMorris(sweep.Scenario, d.Factors, d.Samples, d.Levels, metric, sweep.Options, resamples, p, cancellationToken, common.Source(parse)))
                : SensitivityAnalysis.RunMorris(sweep.Scenario, d.Factors, d.Samples, d.Levels, metric, sweep.Options, resamples, null, cancellationToken, common.Source(parse));
        }
        catch (ArgumentOutOfRangeException e)
        {
            string option = e.ParamName == "levels" ? "--levels" : "--samples";
            return CliApp.Fail(stderr, option + ": " + e.Message.Split(" (Parameter")[0], CliApp.InvalidInput);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ScenarioException)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }

        Write(parse.GetValue(common.Format), stdout, result, common.Provenance(parse, sweep.Scenario));
        return 0;
    }

    /// <summary>sensitivity --from FILE: the analysis of a saved sweep, printed as the running command prints it.</summary>
    private static int FromFile(ParseResult parse, string file, bool morris, string metric, int resamples, SweepOptionSet o, CommonOptions common, Option<int> replications, TextWriter stdout, TextWriter stderr)
    {
        // The file holds the design and the sweep's settings: an option that would set them again is refused.
        var given = new List<string>();
        foreach (var option in new Option[] { o.Vary, o.Samples, o.Levels, o.Crisis, o.Rounds, o.Periods, replications, common.Seed, common.Scenario, common.Set, common.Variant })
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                given.Add(option.Name);
            }
        }

        if (given.Count > 0)
        {
            return CliApp.Fail(stderr, $"--from: {file} holds the design and the sweep's settings (its sidecar {file}{SweepFile.SidecarSuffix}); give no {string.Join(", ", given)} with it.", CliApp.InvalidInput);
        }

        if (file.EndsWith(SweepFile.SidecarSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return CliApp.Fail(stderr, $"--from: expected the results file (.csv or .parquet), found its sidecar '{file}': give '{file[..^SweepFile.SidecarSuffix.Length]}'.", CliApp.InvalidInput);
        }

        if (resamples < 2)
        {
            return CliApp.Fail(stderr, $"--resamples: the bootstrap needs at least 2 resamples, found {resamples}.", CliApp.InvalidInput);
        }

        try
        {
            var provenance = SweepFileSensitivity.Provenance(file);
            string format = parse.GetValue(common.Format) ?? "table";
            if (!SweepRow.IsContrastMetric(metric) && SweepDescription.Read(file, out _) is { IsContrast: true })
            {
                stderr.WriteLine($"deterrence-sim: note: {file} is a contrast: --metric {metric} is the baseline's; --metric {metric}_difference (or policy.{metric}) analyses the policy's effect.");
            }

            // The analysis first: a warning about the sample size belongs to a result, not before an error.
            var result = morris ? null : SweepFileSensitivity.Sobol(file, metric, resamples);
            var screening = morris ? SweepFileSensitivity.Morris(file, metric, resamples) : null;
            if (result is { Design.Samples: >= SensitivityAnalysis.MinSamples and < 64 })
            {
                stderr.WriteLine($"deterrence-sim: warning: {result.Design.Samples} base samples are few: the indices and their intervals are unreliable below about 64.");
            }

            if (screening is not null)
            {
                Write(format, stdout, screening, provenance);
            }
            else
            {
                Write(format, stdout, result!, provenance);
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            return CliApp.Fail(stderr, "--from: " + e.Message, CliApp.InvalidInput);
        }
    }

    private static void Table(IAnsiConsole console, MorrisResult result)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var d = result.Design;
        console.MarkupLine(Markup.Escape(string.Create(c, $"Morris elementary effects of {result.Metric} in {result.Crisis}: {d.Samples} trajectories over {d.Levels} levels (step {d.Delta:G4} of each range), {d.PointCount} points of {(result.Options.Periods is int runPeriods ? $"{runPeriods}-period runs" : SweepCommand.Plural(result.Options.Rounds, "round"))} x {SweepCommand.Plural(result.Options.Replications, "replication")}, seed {result.Options.Seed}")));
        var table = new Table().AddColumns("parameter", "range", "mu", "95% interval", "mu-star", "95% interval", "sigma", "95% interval");
        for (int i = 0; i < d.Factors.Count; i++)
        {
            var f = d.Factors[i];
            var cells = new List<string> { Markup.Escape(f.Path), FormattableString.Invariant($"[[{f.Lower:G4}, {f.Upper:G4}]]") };
            foreach (var index in new[] { result.Indices.Mu[i], result.Indices.MuStar[i], result.Indices.Sigma[i] })
            {
                cells.Add(index.Estimate.ToString("F4", c));
                cells.Add(FormattableString.Invariant($"[[{index.Lower:F4}, {index.Upper:F4}]]"));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        string quantity = SweepRow.IsContrastMetric(result.Metric) && result.Metric.EndsWith("_difference", StringComparison.Ordinal) ? "difference" : Measure.TryParse(result.Metric, out var measure) && measure.IsMean ? "share" : "rate";
        console.MarkupLine($"Elementary effect: the change of the {quantity} over a step of the parameter, divided by the step as a fraction of its range (so a linear effect gives the change from lo to hi). mu: their mean; mu-star: the mean of their absolute values (ranks influence); sigma: their standard deviation (nonlinearity or interactions). Intervals: bootstrap over trajectories.");
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
        string quantity = SweepRow.IsContrastMetric(result.Metric) && result.Metric.EndsWith("_difference", StringComparison.Ordinal) ? "difference" : Measure.TryParse(result.Metric, out var measure) && measure.IsMean ? "share" : "rate";
        console.MarkupLine($"S1: share of the variance of the {quantity} due to the parameter alone; ST: including its interactions. Intervals: bootstrap over base rows.");
    }
}
