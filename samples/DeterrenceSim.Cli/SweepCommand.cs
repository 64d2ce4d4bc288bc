using DeterrenceSim.Outcomes;
using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>The <c>sweep</c> command: a design over parameter paths, R replications of N rounds at each point, streamed to
/// a CSV or Parquet file that can be resumed and sharded.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var o = new SweepOptionSet();
        var output = new Option<string>("--output", "-o") { Description = "The results file: .csv or .parquet (required). A sidecar OUTPUT.sweep.json records the design, seed, version, scenario hash and machine.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted sweep into the same output (finished points are kept), or check a finished one." };
        var shard = new Option<string?>("--shard") { Description = "Run the i-th of n disjoint slices of the points (i/n, 1 <= i <= n). Default: from SLURM_ARRAY_TASK_ID/_MIN/_COUNT or JOB_COMPLETION_INDEX (with --shards) when set." };
        var shards = new Option<int?>("--shards") { Description = "The number of shards of a Kubernetes Indexed Job (its completions), whose index comes from JOB_COMPLETION_INDEX." };
        var replications = new Option<int>("--replications", "-r") { Description = "Replications per design point (>= 1; the minimum with --target).", DefaultValueFactory = _ => 10 };
        var target = new Option<string?>("--target") { Description = "Replicate each point until a metric's 95% interval half-width is at most a target: METRIC=HALFWIDTH, e.g. war=0.01 (with --max-replications)." };
        var maxReplications = new Option<int?>("--max-replications") { Description = "The cap on replications per point with --target (default 100 x --replications, at most 1048576)." };
        var command = new Command("sweep", "Run a parameter sweep: R replications of N rounds of one crisis at each point of a grid, Latin hypercube or Sobol design, streamed to a resumable CSV or Parquet file. Every point sees the same random draws for the same replication (common random numbers).")
        {
            output, resume, shard, shards, replications, target, maxReplications,
        };
        o.AddTo(command);
        common.AddTo(command, format: false);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, common, o, output, resume, shard, shards, replications, target, maxReplications, stdout, stderr, cancellationToken)));
        return command;
    }

    private static int Execute(
        ParseResult parse,
        CommonOptions common,
        SweepOptionSet o,
        Option<string> outputOption,
        Option<bool> resumeOption,
        Option<string?> shardOption,
        Option<int?> shardsOption,
        Option<int> replicationsOption,
        Option<string?> targetOption,
        Option<int?> maxReplicationsOption,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        int replications = parse.GetValue(replicationsOption);
        if (replications < 1 || replications > SweepOptions.MaxReplications)
        {
            return CliApp.Fail(stderr, $"--replications: expected an integer from 1 to {SweepOptions.MaxReplications}, found {replications}.", CliApp.InvalidInput);
        }

        PrecisionTarget? precision = null;
        if (parse.GetValue(targetOption) is { } targetText)
        {
            int cap = parse.GetValue(maxReplicationsOption) ?? (int)Math.Min(SweepOptions.MaxReplications, 100L * replications);
            if (!TryParseTarget(targetText, cap, out precision, out string? why))
            {
                return CliApp.Fail(stderr, "--target: " + why, CliApp.InvalidInput);
            }

            if (cap < replications || cap > SweepOptions.MaxReplications)
            {
                return CliApp.Fail(stderr, $"--max-replications: expected an integer from --replications ({replications}) to {SweepOptions.MaxReplications}, found {cap}.", CliApp.InvalidInput);
            }
        }
        else if (parse.GetValue(maxReplicationsOption) is not null)
        {
            return CliApp.Fail(stderr, "--max-replications: applies only with --target METRIC=HALFWIDTH.", CliApp.InvalidInput);
        }

        SweepShard? shard;
        int? shardCount = parse.GetValue(shardsOption);
        bool slurm = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"));
        bool kubernetes = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("JOB_COMPLETION_INDEX"));
        if (shardCount is not null && (parse.GetValue(shardOption) is not null || slurm || !kubernetes || shardCount < 1))
        {
            string why = shardCount < 1 ? $"expected an integer >= 1, found {shardCount}"
                : parse.GetValue(shardOption) is not null ? "give --shard i/n or --shards n, not both"
                : slurm ? "SLURM_ARRAY_TASK_ID is set: a Slurm job array gives its own count (SLURM_ARRAY_TASK_COUNT)"
                : "applies only in a Kubernetes Indexed Job, where JOB_COMPLETION_INDEX gives the index; elsewhere use --shard i/n";
            return CliApp.Fail(stderr, "--shards: " + why + ".", CliApp.InvalidInput);
        }

        try
        {
            shard = parse.GetValue(shardOption) is { } shardText ? SweepShard.Parse(shardText) : SweepShard.FromEnvironment(kubernetesCount: shardCount);
        }
        catch (FormatException e)
        {
            return CliApp.Fail(stderr, "--shard: " + e.Message, CliApp.InvalidInput);
        }

        string output = parse.GetValue(outputOption) ?? "";
        string extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is not ".csv" and not ".parquet")
        {
            return CliApp.Fail(stderr, $"--output: expected a file name ending in .csv or .parquet, found '{output}'.", CliApp.InvalidInput);
        }

        try
        {
            SweepFile.CheckOutput(output);
        }
        catch (SweepFileException e)
        {
            return CliApp.Fail(stderr, "--output: " + e.Message, CliApp.InvalidInput);
        }

        var sweep = o.Build(parse, common, stderr, new SweepOptions { Replications = replications, Precision = precision }, out int exitCode);
        if (sweep is null)
        {
            return exitCode;
        }

        foreach (string warning in sweep.Warnings)
        {
            stderr.WriteLine("deterrence-sim: warning: " + warning);
        }

        long points = shard is null ? sweep.Design.PointCount : shard.End(sweep.Design.PointCount) - shard.First(sweep.Design.PointCount);
        stderr.WriteLine($"deterrence-sim: sweep {sweep.Design}{(shard is null ? "" : $", shard {shard} ({Plural(points, "point")})")}; crisis {sweep.Crisis}, {Plural(sweep.Options.Replications, "replication")} of {(sweep.Options.Periods is int t ? $"a {t}-period run" : Plural(sweep.Options.Rounds, "round"))}, seed {sweep.Options.Seed}.");
        var failures = new List<string>();
        void Failed(SweepRow row) => failures.Add($"point {row.Point} ({string.Join(", ", sweep.Design.Factors.Select((f, i) => f.Path + "=" + row.Values[i].ToString("R", CultureInfo.InvariantCulture)))}): {row.Error}");
        SweepSummary summary;
        try
        {
            var fileOptions = new SweepFileOptions
            {
                Resume = parse.GetValue(resumeOption),
                Shard = shard,
                ScenarioSource = common.Source(parse),
                Overrides = parse.GetValue(common.Set) ?? [],
            };
            summary = CommonOptions.IsTerminal(stderr)
                ? SweepProgressBar.Show(stderr, "sweep", points, progress => SweepFile.Run(sweep, output, fileOptions, progress, Failed, cancellationToken))
                : SweepFile.Run(sweep, output, fileOptions, null, Failed, cancellationToken);
        }
        catch (SweepFileException e)
        {
            return CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }
        catch (OperationCanceledException)
        {
            return CliApp.Fail(stderr, $"cancelled; finished points are kept in {output}{SweepFile.PartialSuffix}: rerun with --resume to continue.", CliApp.Cancelled);
        }

        // The first few failures in full; the rest are in the output's error column.
        const int Shown = 10;
        foreach (string failure in failures.Take(Shown))
        {
            stderr.WriteLine("deterrence-sim: warning: " + CliApp.OneLine(failure.Length > 600 ? failure[..600] + "..." : failure));
        }

        if (failures.Count > Shown)
        {
            stderr.WriteLine($"deterrence-sim: warning: ... and {failures.Count - Shown} more points that could not run (see the error column of {output}).");
        }

        if (summary.PointsAtCap > 0)
        {
            stderr.WriteLine($"deterrence-sim: warning: {Plural(summary.PointsAtCap, "point")} reached --max-replications ({sweep.Options.ReplicationCap}) before the --target ({sweep.Options.Precision!.Metric} ± {sweep.Options.Precision.HalfWidth.ToString("R", CultureInfo.InvariantCulture)}); their rows are the cap's replications.");
        }

        stderr.WriteLine(summary.AlreadyComplete
            ? $"deterrence-sim: {output} is already complete ({Plural(summary.Points, "point")}, checked); nothing to do."
            : $"deterrence-sim: wrote {Plural(summary.Points, "point")} to {output} ({summary.PointsRun} run now); sidecar {output}{SweepFile.SidecarSuffix}.");
        stdout.Flush();
        if (summary.FailedPoints > 0)
        {
            return CliApp.Fail(stderr, $"{summary.FailedPoints} of {Plural(summary.Points, "design point")} could not run; their rows in {output} hold the reason in the error column.", CliApp.PointsFailed);
        }

        return 0;
    }

    /// <summary>"1 point", "2 points".</summary>
    internal static string Plural(long count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    private static bool TryParseTarget(string text, int cap, out PrecisionTarget? target, out string? why)
    {
        target = null;
        why = null;
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double halfWidth))
        {
            why = $"expected METRIC=HALFWIDTH such as war=0.01, found '{text}'.";
            return false;
        }

        string metric = text[..eq].Trim();
        if (!Measure.TryParse(metric, out _))
        {
            why = $"expected a metric among {string.Join(", ", Measure.All)}, found '{metric}'.";
            return false;
        }

        if (!(halfWidth > 0 && halfWidth <= 0.5))
        {
            why = $"expected a half-width in (0, 0.5], found {text[(eq + 1)..]}.";
            return false;
        }

        target = new PrecisionTarget(metric, halfWidth, cap);
        return true;
    }
}

/// <summary>The options that say what a sweep is (design, factors, crisis, rounds), shared by <c>sweep</c> and
/// <c>sensitivity</c>.</summary>
internal sealed class SweepOptionSet
{
    public SweepOptionSet(bool sobolOnly = false)
    {
        SobolOnly = sobolOnly;
        Vary.Required = sobolOnly;
        if (sobolOnly)
        {
            // Sensitivity indices need uniform ranges: offer only the syntax it accepts.
            Vary.Description = "A varied parameter over a uniform range: PATH=lo:hi, e.g. states.CHN.perception.credulity=0:1 (repeatable).";
            Samples.Description = "The base sample size N (>= 8; a power of two keeps the Sobol design balanced).";
        }
    }

    public bool SobolOnly { get; }

    /// <summary>The saved design file given to --design, if any (for error messages).</summary>
    private string? DesignFile { get; set; }

    /// <summary>The option or file to blame for a design problem.</summary>
    private string DesignLabel => DesignFile is null ? "--vary" : "--design " + DesignFile;

    public Option<string[]> Vary { get; } = new("--vary")
    {
        Description = "A varied parameter: PATH=lo:hi:count (grid) or PATH=lo:hi (lhs, sobol; uniform), e.g. states.CHN.perception.credulity=0:1:11 (repeatable).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Design { get; } = new("--design", "-d") { Description = "The design: grid (full factorial), lhs (Latin hypercube), sobol (Saltelli, N(k+2) points), or a saved design FILE.json (such as a sidecar's \"design\", or ExperimentDesign.ToJson()) instead of --vary.", DefaultValueFactory = _ => "grid" };

    public Option<long?> Samples { get; } = new("--samples") { Description = "The base sample size N of an lhs or sobol design (a power of two suits sobol)." };

    public Option<string?> Crisis { get; } = new("--crisis", "-c") { Description = "The crisis id (default: the scenario's first crisis)." };

    public Option<long> Rounds { get; } = new("--rounds", "-n") { Description = $"Monte Carlo rounds per replication (1 to {MonteCarloOptions.MaxRounds}).", DefaultValueFactory = _ => 10_000 };

    public Option<int?> Periods { get; } = new("--periods") { Description = "Make each replication one run of T periods of the whole scenario (learning, votes, growth, overstretch) instead of --rounds single rounds; rates are then shares of the T periods." };

    public void AddTo(Command command)
    {
        command.Options.Add(Vary);
        if (!SobolOnly)
        {
            command.Options.Add(Design);
        }

        command.Options.Add(Samples);
        command.Options.Add(Crisis);
        command.Options.Add(Rounds);
        command.Options.Add(Periods);
    }

    /// <summary>Checks the options, loads the scenario and builds the sweep; on error writes one line and returns
    /// <see langword="null"/> with the exit code.</summary>
    public Sweep? Build(ParseResult parse, CommonOptions common, TextWriter stderr, SweepOptions partial, out int exitCode)
    {
        exitCode = CliApp.InvalidInput;
        long rounds = parse.GetValue(Rounds);
        if (rounds < 1 || rounds > MonteCarloOptions.MaxRounds)
        {
            exitCode = CliApp.Fail(stderr, $"--rounds: expected an integer from 1 to {MonteCarloOptions.MaxRounds}, found {rounds}.", CliApp.InvalidInput);
            return null;
        }

        int? periods = parse.GetValue(Periods);
        if (periods is < 1 or > RunOptions.MaxPeriods)
        {
            exitCode = CliApp.Fail(stderr, $"--periods: expected an integer from 1 to {RunOptions.MaxPeriods}, found {periods}.", CliApp.InvalidInput);
            return null;
        }

        if (periods is not null && parse.GetResult(Rounds) is { Implicit: false })
        {
            exitCode = CliApp.Fail(stderr, "--rounds: a replication is one run of --periods periods; give --rounds or --periods, not both.", CliApp.InvalidInput);
            return null;
        }

        var design = BuildDesign(parse, common, stderr, out exitCode);
        if (design is null)
        {
            return null;
        }

        var varied = design.Factors.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (string assignment in parse.GetValue(common.Set) ?? [])
        {
            int eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && varied.Contains(assignment[..eq].Trim()))
            {
                exitCode = CliApp.Fail(stderr, $"--set: '{assignment[..eq].Trim()}' is also varied ({DesignLabel}): every point sets it, so the --set would be ignored, and the overrides recorded with the results could not replay a row; drop it.", CliApp.InvalidInput);
                return null;
            }
        }

        var first = design.GetPoint(0);
        var pointValues = design.Factors.Select((f, i) => new KeyValuePair<string, string>(f.Path, first[i].ToString("R", CultureInfo.InvariantCulture))).ToList();
        var compiled = common.Load(parse, stderr, out exitCode, pointValues);
        if (compiled is null)
        {
            return null;
        }

        if (periods is null)
        {
            common.WarnRunsOnly(parse, stderr, "it cannot change single rounds: give --periods to see its effect");
        }

        string? crisis = parse.GetValue(Crisis);
        if (crisis is not null && !compiled.CrisisIds.Contains(crisis, StringComparer.Ordinal))
        {
            exitCode = CliApp.Fail(stderr, $"--crisis: scenario '{compiled.Scenario.Name}' has no crisis '{crisis}'; its crises are: {string.Join(", ", compiled.CrisisIds)}.", CliApp.InvalidInput);
            return null;
        }

        try
        {
            return new Sweep(
                compiled.Scenario,
                design,
                partial with { Crisis = crisis, Rounds = rounds, Periods = periods, Seed = parse.GetValue(common.Seed), Threads = parse.GetValue(common.Threads) },
                null,
                common.Source(parse));
        }
        catch (ScenarioException e)
        {
            exitCode = CliApp.Fail(stderr, DesignLabel + ": " + e.Message, CliApp.InvalidInput);
        }
        catch (ArgumentException e)
        {
            exitCode = CliApp.Fail(stderr, DesignLabel + ": " + Lead(FirstSentence(e.Message)), CliApp.InvalidInput);
        }

        return null;
    }

    /// <summary>The design from --vary, --design and --samples, or from a saved design file.</summary>
    private ExperimentDesign? BuildDesign(ParseResult parse, CommonOptions common, TextWriter stderr, out int exitCode)
    {
        exitCode = CliApp.InvalidInput;
        string kindText = SobolOnly ? "sobol" : parse.GetValue(Design) ?? "grid";
        string[] vary = parse.GetValue(Vary) ?? [];
        long? samples = parse.GetValue(Samples);
        if (kindText.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (vary.Length > 0 || samples is not null)
            {
                exitCode = CliApp.Fail(stderr, "--design: a saved design file holds its factors and samples; give no --vary or --samples with it.", CliApp.InvalidInput);
                return null;
            }

            try
            {
                DesignFile = kindText;
                return ExperimentDesign.FromJson(File.ReadAllText(kindText));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
            {
                exitCode = CliApp.Fail(stderr, $"--design: {kindText}: {Lead(FirstSentence(e.Message))}", CliApp.InvalidInput);
                return null;
            }
        }

        DesignKind kind;
        try
        {
            kind = ExperimentDesign.ParseKind(kindText);
        }
        catch (FormatException)
        {
            exitCode = CliApp.Fail(stderr, $"--design: expected grid, lhs, sobol or a saved design FILE.json, found '{kindText}'.", CliApp.InvalidInput);
            return null;
        }

        if (vary.Length == 0)
        {
            exitCode = CliApp.Fail(stderr, "--vary: expected at least one varied parameter, such as --vary states.CHN.perception.credulity=0:1:11.", CliApp.InvalidInput);
            return null;
        }

        var factors = new List<Factor>();
        foreach (string text in vary)
        {
            try
            {
                factors.Add(Factor.Parse(text));
            }
            catch (FormatException e)
            {
                exitCode = CliApp.Fail(stderr, "--vary: " + e.Message, CliApp.InvalidInput);
                return null;
            }
        }

        ulong seed = parse.GetValue(common.Seed);
        try
        {
            if (kind == DesignKind.Grid && samples is not null)
            {
                exitCode = CliApp.Fail(stderr, "--samples: a grid's points are the combinations of its levels; --samples applies to lhs and sobol designs.", CliApp.InvalidInput);
                return null;
            }

            if (kind != DesignKind.Grid && samples is null)
            {
                exitCode = CliApp.Fail(stderr, $"--samples: a{(kind == DesignKind.Sobol ? "" : "n")} {ExperimentDesign.Name(kind)} design needs a base sample size, such as --samples 256.", CliApp.InvalidInput);
                return null;
            }

            return kind switch
            {
                DesignKind.Grid => ExperimentDesign.Grid([.. factors]),
                DesignKind.LatinHypercube => ExperimentDesign.LatinHypercube(samples!.Value, seed, [.. factors]),
                _ => ExperimentDesign.Sobol(samples!.Value, [.. factors]),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            exitCode = CliApp.Fail(stderr, "--samples: " + Lead(FirstSentence(e.Message)), CliApp.InvalidInput);
        }
        catch (ArgumentException e)
        {
            exitCode = CliApp.Fail(stderr, "--vary: " + Lead(FirstSentence(e.Message)), CliApp.InvalidInput);
        }

        return null;
    }

    /// <summary>A message's first letter in lower case when it starts an ordinary word ("A grid factor" after "--vary: ").</summary>
    private static string Lead(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    /// <summary>An argument exception's message without its " (Parameter 'x')" suffix.</summary>
    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }
}
