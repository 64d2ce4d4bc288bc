using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Calibration;
using DeterrenceSim.IO;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>calibrate</c> and <c>predict</c> commands (issue 14): ABC-SMC calibration of noise, cost and
/// dissatisfaction to a historical population, and its posterior predictive of another.</summary>
internal static class CalibrateCommand
{
    /// <summary>The most particles: each holds its statistics, and a million already takes hours.</summary>
    private const int MaxParticles = 1_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var (population, from, to) = PopulationOptions(1816, 1944);
        var output = new Option<string>("--output", "-o") { Description = "The posterior file to write (JSON): summaries, posterior predictive, generations and the weighted samples.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var plot = new Option<string?>("--plot") { Description = "Also write a corner plot of the posterior (PNG): each parameter's weighted marginal with its 95% interval, and the pairs." };
        var particles = new Option<int>("--particles", "-n") { Description = "Particles of the ABC-SMC population (>= 2).", DefaultValueFactory = _ => 1000 };
        var generations = new Option<int>("--generations") { Description = "The most generations, counting the prior's (>= 1).", DefaultValueFactory = _ => 10 };
        var statistics = new Option<string>("--statistics") { Description = $"The statistics matched, comma-separated, from: {string.Join(", ", PopulationStatistics.All)}.", DefaultValueFactory = _ => string.Join(",", PopulationStatistics.Default) };
        var seed = new Option<ulong>("--seed") { Description = "The seed: the same seed gives the same posterior on any thread count.", DefaultValueFactory = _ => 1 };
        var threads = CommonOptions.CreateThreads();
        var command = new Command("calibrate", "Calibrate the optimism noise, the cost of war and the challenger's dissatisfaction to the historical record by ABC-SMC (Toni et al. 2009): the militarized disputes of GML MID 2.2.1 placed as crises (docs/DESIGN.md section 10).")
        {
            population, from, to, output, force, plot, particles, generations, statistics, seed, threads,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = Population(parse, population, from, to, stderr, out int code);
            if (target is null)
            {
                return Task.FromResult(code);
            }

            string path = parse.GetValue(output)!;
            if (path.Length == 0 || Directory.Exists(path))
            {
                return Task.FromResult(CliApp.Fail(stderr, path.Length == 0 ? "--output: expected a file path, found an empty string." : $"--output: '{path}' is a directory: expected a file path.", CliApp.InvalidInput));
            }

            if (File.Exists(path) && !parse.GetValue(force))
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--output: {path} exists; pass --force to replace it.", CliApp.InvalidInput));
            }

            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null && Directory.Exists(plotPath))
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--plot: '{plotPath}' is a directory: expected a .png file path.", CliApp.InvalidInput));
            }

            if (plotPath is not null && (!plotPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || (File.Exists(plotPath) && !parse.GetValue(force))))
            {
                return Task.FromResult(CliApp.Fail(stderr, plotPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? $"--plot: {plotPath} exists; pass --force to replace it." : $"--plot: expected a .png file, found '{plotPath}'.", CliApp.InvalidInput));
            }

            // Before any work: the files' folders exist and their names (with the temporary suffix) fit the limits.
            foreach (var (option, file) in new[] { ("--output", path), ("--plot", plotPath) })
            {
                if (file is null)
                {
                    continue;
                }

                string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
                string? problem = OutputPaths.Problem(file, [file + ".tmp-" + int.MaxValue.ToString(CultureInfo.InvariantCulture) + ".png"])
                    ?? OutputPaths.MissingFolder(file);
                if (problem is not null)
                {
                    return Task.FromResult(CliApp.Fail(stderr, $"{option}: {problem}.".Replace("..", ".", StringComparison.Ordinal), CliApp.InvalidInput));
                }

                // A calibration takes minutes: that the folder takes a file is known before, not after (a read-only mount).
                string probe = file + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                try
                {
                    File.WriteAllText(probe, "");
                    File.Delete(probe);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Task.FromResult(CliApp.Fail(stderr, $"{option}: cannot write in the folder {folder}: {e.Message}", CliApp.InvalidInput));
                }
            }

            var names = parse.GetValue(statistics)!.Split(',', StringSplitOptions.TrimEntries);
            if (names.Any(n => n.Length == 0))
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--statistics: expected names separated by single commas, found an empty name in '{parse.GetValue(statistics)}'.", CliApp.InvalidInput));
            }
            var options = new PopulationCalibrationOptions
            {
                Statistics = names,
                Particles = parse.GetValue(particles),
                Generations = parse.GetValue(generations),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            if (options.Particles is < 2 or > MaxParticles || options.Generations is < 1 or > 100 || CommonOptions.ThreadsProblem(options.Threads) is not null)
            {
                return Task.FromResult(CliApp.Fail(stderr, options.Particles is < 2 or > MaxParticles ? $"--particles: expected an integer from 2 to {MaxParticles}, found {options.Particles}." : options.Generations is < 1 or > 100 ? $"--generations: expected an integer from 1 to 100, found {options.Generations}." : CommonOptions.ThreadsProblem(options.Threads)!, CliApp.InvalidInput));
            }

            PopulationPosterior posterior;
            try
            {
                var compiled = target.Compile();
                stderr.WriteLine($"deterrence-sim: calibrating noise, cost and dissatisfaction to {target.Name} {target.FromYear}-{target.ToYear}: {compiled.Count} crises placed of {target.Count}; {options.Particles} particles, at most {options.Generations} generations, seed {options.Seed}.");
                var progress = new Progress(stderr, options.Particles);
                posterior = PopulationCalibration.Calibrate(compiled, options, progress, cancellationToken);
            }
            catch (ArgumentException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, "--statistics: " + e.Message.Split(" (Parameter")[0], CliApp.InvalidInput));
            }
            catch (InvalidOperationException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, e.Message, CliApp.InvalidInput));
            }

            // Both files go to temporary names beside their targets and are moved only when both are written: never a
            // half-written posterior, nor a posterior without the plot asked for.
            string suffix = ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            string posteriorTemporary = path + suffix, plotTemporary = plotPath + suffix + ".png";
            string current = "--output";
            try
            {
                File.WriteAllText(posteriorTemporary, PosteriorJson.Write(posterior, options.Seed));
                if (plotPath is not null)
                {
                    current = "--plot";
                    PosteriorPlot.Save(posterior, plotTemporary);
                    File.Move(plotTemporary, plotPath, overwrite: true);
                    stderr.WriteLine($"deterrence-sim: wrote {plotPath}.");
                }

                current = "--output";
                File.Move(posteriorTemporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(posteriorTemporary);
                File.Delete(plotTemporary);
                return Task.FromResult(CliApp.Fail(stderr, $"{current}: could not write {(current == "--plot" ? plotPath : path)}: {e.Message.Replace(suffix, "", StringComparison.Ordinal)}", CliApp.OutputFailed));
            }

            Table(CliApp.Console(stdout), posterior, null);
            stderr.WriteLine($"deterrence-sim: wrote {path}.");
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command CreatePredict(TextWriter stdout, TextWriter stderr)
    {
        var (population, from, to) = PopulationOptions(1945, 2010);
        var posteriorFile = new Option<string>("--posterior") { Description = "A posterior file written by calibrate.", Required = true };
        var format = CommonOptions.CreateFormat();
        var seed = new Option<ulong>("--seed") { Description = "The seed of the predictive draws.", DefaultValueFactory = _ => 1 };
        var threads = CommonOptions.CreateThreads();
        var command = new Command("predict", "Predict a historical population's outcome shares and P(challenger wins | war) from a posterior: each weighted particle plays the population once; 95% posterior predictive intervals beside the record.")
        {
            population, from, to, posteriorFile, format, seed, threads,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = Population(parse, population, from, to, stderr, out int code);
            if (target is null)
            {
                return Task.FromResult(code);
            }

            if (CommonOptions.ThreadsProblem(parse.GetValue(threads)) is { } problem)
            {
                return Task.FromResult(CliApp.Fail(stderr, problem, CliApp.InvalidInput));
            }

            string file = parse.GetValue(posteriorFile)!;
            if (file.Length == 0)
            {
                return Task.FromResult(CliApp.Fail(stderr, "--posterior: expected a posterior file written by calibrate, found an empty string.", CliApp.InvalidInput));
            }

            PopulationPosterior posterior;
            try
            {
                posterior = PosteriorJson.Read(File.ReadAllText(file), file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(CliApp.Fail(stderr, $"--posterior: could not read {file}: {e.Message}", CliApp.InvalidInput));
            }
            catch (InvalidDataException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, "--posterior: " + e.Message, CliApp.InvalidInput));
            }

            HistoricalPopulation compiled;
            try
            {
                compiled = target.Compile(posterior.Rules);
            }
            catch (InvalidOperationException e)
            {
                return Task.FromResult(CliApp.Fail(stderr, e.Message, CliApp.InvalidInput));
            }

            var estimates = PopulationCalibration.Predict(posterior, compiled, parse.GetValue(seed), parse.GetValue(threads));
            switch (parse.GetValue(format))
            {
                case "json":
                    stdout.Write(PosteriorJson.WritePrediction(posterior, file, target, estimates, parse.GetValue(seed)));
                    break;
                case "csv":
                    stdout.Write(PosteriorJson.PredictionCsv(estimates));
                    break;
                default:
                    Table(CliApp.Console(stdout), posterior, (target, estimates));
                    break;
            }

            stdout.Flush();
            return Task.FromResult(0);
        });
        return command;
    }

    private static (Option<string> Population, Option<int> From, Option<int> To) PopulationOptions(int from, int to) =>
        (new Option<string>("--population") { Description = "The historical population: gml-mid (GML MID 2.2.1, 2,174 disputes, 1816-2010).", DefaultValueFactory = _ => "gml-mid" },
         new Option<int>("--from") { Description = "The first start year (inclusive).", DefaultValueFactory = _ => from },
         new Option<int>("--to") { Description = "The last start year (inclusive).", DefaultValueFactory = _ => to });

    private static MidPopulation? Population(ParseResult parse, Option<string> population, Option<int> from, Option<int> to, TextWriter stderr, out int code)
    {
        code = 0;
        string name = parse.GetValue(population)!;
        if (name != "gml-mid")
        {
            code = CliApp.Fail(stderr, $"--population: expected gml-mid, found '{name}'.", CliApp.InvalidInput);
            return null;
        }

        int first = parse.GetValue(from), last = parse.GetValue(to);
        if (last < first)
        {
            code = CliApp.Fail(stderr, $"--to: expected a year >= --from ({first}), found {last}.", CliApp.InvalidInput);
            return null;
        }

        var selected = MidPopulation.GmlMid.Between(first, last);
        if (selected.Placed.Count == 0)
        {
            code = CliApp.Fail(stderr, $"--from, --to: no dispute of gml-mid starts from {first} to {last} (the data cover 1816-2010).", CliApp.InvalidInput);
            return null;
        }

        return selected;
    }

    private static void Table(IAnsiConsole console, PopulationPosterior posterior, (MidPopulation Target, IReadOnlyList<StatisticEstimate> Estimates)? prediction)
    {
        var fitted = posterior.Population;
        console.MarkupLine(Markup.Escape($"posterior from {fitted.Name} {fitted.FromYear}-{fitted.ToYear} ({fitted.Placed.Count} crises placed of {fitted.Count}); matched: {string.Join(", ", posterior.Matched)}"));
        var parameters = new Table().AddColumns("parameter", "mean", "sd", "95% interval");
        foreach (var s in posterior.Summaries)
        {
            parameters.AddRow(s.Name, s.Mean.ToString("F3", CultureInfo.InvariantCulture), s.StandardDeviation.ToString("F3", CultureInfo.InvariantCulture), FormattableString.Invariant($"[[{s.Q025:F3}, {s.Q975:F3}]]"));
        }

        console.Write(parameters);
        var (title, estimates) = prediction is { } p
            ? ($"predicted {p.Target.Name} {p.Target.FromYear}-{p.Target.ToYear} ({p.Target.Placed.Count} crises placed of {p.Target.Count}): posterior predictive", p.Estimates)
            : ("the fitted population: posterior predictive", posterior.Predictive);
        console.MarkupLine(Markup.Escape(title));
        var table = new Table().AddColumns("statistic", "observed", "predicted", "95% interval", "");
        foreach (var e in estimates)
        {
            table.AddRow(e.Name, e.Observed.ToString("P1", CultureInfo.InvariantCulture), e.Predicted.ToString("P1", CultureInfo.InvariantCulture), FormattableString.Invariant($"[[{e.Lower:P1}, {e.Upper:P1}]]"), e.Covered ? "" : "outside");
        }

        console.Write(table);
    }

    /// <summary>One line per completed generation on standard error.</summary>
    private sealed class Progress(TextWriter stderr, int particles) : IProgress<AbcSmcProgress>
    {
        public void Report(AbcSmcProgress value)
        {
            if (value.Accepted >= particles)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deterrence-sim: generation {value.Generation}: epsilon {value.Epsilon:G4}, {value.Accepted} particles from {value.Proposed} proposals."));
            }
        }
    }
}
