using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;

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
        var target = new Option<string?>("--target") { Description = "Replicate each point until a metric's 95% interval half-width, pooled over its replications, is at most a target: METRIC=HALFWIDTH, e.g. war=0.01 (with --max-replications). METRIC is an outcome, a war cause, butFor.FACTOR or shapley.rational (Wilson interval), or shapley.FACTOR (t interval of the per-round mean)." };
        var maxReplications = new Option<int?>("--max-replications") { Description = "The cap on replications per point with --target (default 100 x --replications, at most 1048576)." };
        var command = new Command("sweep", "Run a parameter sweep: R replications of N rounds of one crisis at each point of a grid, Latin hypercube or Sobol design, streamed to a resumable CSV or Parquet file. Every point sees the same random draws for the same replication (common random numbers).")
        {
            output, resume, shard, shards, replications, target, maxReplications,
        };
        o.AddTo(command);
        common.AddTo(command, format: false);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, common, o, output, resume, shard, shards, replications, target, maxReplications, null, stdout, stderr, cancellationToken)));
        return command;
    }

    /// <summary>The <c>contrast</c> command: a sweep whose points play a baseline and a policy on the same rounds and
    /// whose rows hold the paired differences.</summary>
    public static Command CreateContrast(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var o = new SweepOptionSet();
        var baseline = new Option<string>("--baseline") { Description = "The baseline: a variant of the scenario (see list --variant) or PATH=VALUE assignments separated by commas; empty for the scenario as it is.", DefaultValueFactory = _ => "" };
        var policy = new Option<string>("--policy") { Description = "The policy: a variant of the scenario, such as engagement-deepened, or PATH=VALUE assignments separated by commas (required).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The results file: .csv (required). Each row holds the baseline's columns as a sweep's, then for each measure M policy.M with its interval and count, M_difference with its 95% paired interval, M_policyOnly_count and M_baselineOnly_count. A sidecar OUTPUT.sweep.json records the design, the two policies, seed, version, scenario hashes and machine.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted contrast into the same output (finished points are kept), or check a finished one." };
        var shard = new Option<string?>("--shard") { Description = "Run the i-th of n disjoint slices of the points (i/n, 1 <= i <= n); merge the shards with deterrence-sim merge. Default: from SLURM_ARRAY_TASK_ID/_MIN/_COUNT or JOB_COMPLETION_INDEX (with --shards) when set." };
        var shards = new Option<int?>("--shards") { Description = "The number of shards of a Kubernetes Indexed Job (its completions), whose index comes from JOB_COMPLETION_INDEX." };
        var replications = new Option<int>("--replications", "-r") { Description = "Replications per design point (>= 1).", DefaultValueFactory = _ => 10 };
        var command = new Command("contrast", "Contrast a policy with a baseline over an uncertainty design: at every point both play the same rounds (common random numbers), and each row holds both policies' counts and rates and, for every outcome and war cause, the difference policy minus baseline with a 95% interval from the per-round pairs (Newcombe 1998), streamed to a resumable CSV file.")
        {
            baseline, policy, output, resume, shard, shards, replications,
        };
        o.AddTo(command);
        o.Periods.Hidden = true; // refused: a contrast pairs single rounds
        common.AddTo(command, format: false);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse, common, o, output, resume, shard, shards, replications, null, null, (baseline, policy), stdout, stderr, cancellationToken)));
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
        Option<string?>? targetOption,
        Option<int?>? maxReplicationsOption,
        (Option<string> Baseline, Option<string> Policy)? contrastOptions,
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
        string kind = contrastOptions is null ? "sweep" : "contrast";
        PolicySpec? baselineSpec = null, policySpec = null;
        if (contrastOptions is var (baselineOption, policyOption))
        {
            try
            {
                baselineSpec = PolicySpec.Parse(parse.GetValue(baselineOption) ?? "");
            }
            catch (FormatException e)
            {
                return CliApp.Fail(stderr, "--baseline: " + e.Message, CliApp.InvalidInput);
            }

            try
            {
                policySpec = PolicySpec.Parse(parse.GetValue(policyOption) ?? "");
            }
            catch (FormatException e)
            {
                return CliApp.Fail(stderr, "--policy: " + e.Message, CliApp.InvalidInput);
            }

            if (policySpec.Text.Length == 0)
            {
                return CliApp.Fail(stderr, "--policy: empty: expected a variant of the scenario (list --variant) or PATH=VALUE assignments separated by commas.", CliApp.InvalidInput);
            }

            if (policySpec.Text == baselineSpec.Text)
            {
                return CliApp.Fail(stderr, $"--policy: the same as the baseline ('{policySpec}'): a contrast needs two different policies.", CliApp.InvalidInput);
            }
        }

        if (targetOption is not null && parse.GetValue(targetOption) is { } targetText)
        {
            int cap = parse.GetValue(maxReplicationsOption!) ?? (int)Math.Min(SweepOptions.MaxReplications, 100L * replications);
            if (!TryParseTarget(targetText, cap, out precision, out string? why))
            {
                return CliApp.Fail(stderr, "--target: " + why, CliApp.InvalidInput);
            }

            if (cap < replications || cap > SweepOptions.MaxReplications)
            {
                return CliApp.Fail(stderr, $"--max-replications: expected an integer from --replications ({replications}) to {SweepOptions.MaxReplications}, found {cap}.", CliApp.InvalidInput);
            }
        }
        else if (maxReplicationsOption is not null && parse.GetValue(maxReplicationsOption) is not null)
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
            return CliApp.Fail(stderr, $"--output: expected a file name ending in .csv{(contrastOptions is null ? " or .parquet" : "")}, found '{output}'.", CliApp.InvalidInput);
        }

        if (contrastOptions is not null && extension != ".csv")
        {
            return CliApp.Fail(stderr, $"--output: a contrast is written as CSV: expected a file name ending in .csv, found '{output}'.", CliApp.InvalidInput);
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

        if (baselineSpec is not null && policySpec is not null)
        {
            if (MakeContrast(sweep, baselineSpec, policySpec, common.Source(parse), stderr, out exitCode) is not { } contrast)
            {
                return exitCode;
            }

            sweep = contrast;
        }

        foreach (string warning in sweep.Warnings)
        {
            stderr.WriteLine("deterrence-sim: warning: " + warning);
        }

        long points = shard is null ? sweep.Design.PointCount : shard.End(sweep.Design.PointCount) - shard.First(sweep.Design.PointCount);
        if (shard is not null && points == 0)
        {
            stderr.WriteLine($"deterrence-sim: warning: shard {shard} holds none of the design's {Plural(sweep.Design.PointCount, "point")} (more shards than points): its output has no rows; merge still needs it.");
        }

        stderr.WriteLine($"deterrence-sim: {kind} {(sweep.IsContrast ? $"of '{policySpec}' with '{baselineSpec}' over " : "")}{sweep.Design}{(shard is null ? "" : $", shard {shard} ({Plural(points, "point")})")}; crisis {sweep.Crisis}, {Plural(sweep.Options.Replications, "replication")} of {(sweep.Options.Periods is int t ? $"a {t}-period run" : Plural(sweep.Options.Rounds, "round"))}, seed {sweep.Options.Seed}.");
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
                Variants = common.Variants(parse),
                Baseline = baselineSpec?.Text,
                Policy = policySpec?.Text,
            };
            summary = CommonOptions.IsTerminal(stderr)
                ? SweepProgressBar.Show(stderr, kind, points, progress => SweepFile.Run(sweep, output, fileOptions, progress, Failed, cancellationToken))
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

    /// <summary>The contrast of the sweep's scenario under two specs, over its design and options; on error writes one
    /// line and returns <see langword="null"/> with the exit code.</summary>
    private static Sweep? MakeContrast(Sweep sweep, PolicySpec baseline, PolicySpec policy, string source, TextWriter stderr, out int exitCode)
    {
        exitCode = CliApp.InvalidInput;
        Model.Scenario baselineScenario, policyScenario;
        try
        {
            baselineScenario = baseline.Apply(sweep.Scenario, source);
        }
        catch (Scenarios.ScenarioException e)
        {
            exitCode = CliApp.Fail(stderr, "--baseline: " + e.Message, CliApp.InvalidInput);
            return null;
        }

        try
        {
            policyScenario = policy.Apply(sweep.Scenario, source);
        }
        catch (Scenarios.ScenarioException e)
        {
            exitCode = CliApp.Fail(stderr, "--policy: " + e.Message, CliApp.InvalidInput);
            return null;
        }

        if (Scenarios.ScenarioLoader.ToJson(baselineScenario) == Scenarios.ScenarioLoader.ToJson(policyScenario))
        {
            exitCode = CliApp.Fail(stderr, $"--policy: '{policy}' leaves the scenario as the baseline '{baseline}' makes it: every difference would be zero.", CliApp.InvalidInput);
            return null;
        }

        // What a spec sets: a value the design varies would be overwritten at every point (in both, so the contrast would
        // vanish there), and a field that acts only between periods cannot change a round.
        var varied = sweep.Design.Factors.SelectMany(f => Scenarios.ParameterPaths.Get(sweep.Scenario, f.Path).Select(t => (Concrete: t.Key, Factor: f.Path))).ToList();
        foreach (var (spec, option) in new[] { (baseline, "--baseline"), (policy, "--policy") })
        {
            foreach (string path in spec.Paths(sweep.Scenario))
            {
                var targets = Scenarios.ParameterPaths.Get(sweep.Scenario, path).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                if (varied.FirstOrDefault(v => targets.Contains(v.Concrete)) is { Concrete: not null } overlap)
                {
                    exitCode = CliApp.Fail(stderr, $"{option}: '{path}' sets '{overlap.Concrete}', which the design varies ('{overlap.Factor}'): every point would set it in both, and the contrast would vanish there; vary something the policy does not set.", CliApp.InvalidInput);
                    return null;
                }
            }
        }

        var paths = policy.Paths(sweep.Scenario).Concat(baseline.Paths(sweep.Scenario)).ToList();
        if (paths.Count > 0 && paths.All(Scenarios.ParameterCatalog.IsRunsOnly))
        {
            exitCode = CliApp.Fail(stderr, $"--policy: {string.Join(", ", paths.Select(p => "'" + p + "'"))} {(paths.Count == 1 ? "acts" : "act")} only in runs over periods (list --parameters marks such fields 'runs'): a contrast plays single rounds, so every difference would be 0.", CliApp.InvalidInput);
            return null;
        }

        Sweep contrast;
        try
        {
            contrast = Sweep.Contrast(baselineScenario, policyScenario, sweep.Design, sweep.Options, null, source);
        }
        catch (Scenarios.ScenarioException e)
        {
            exitCode = CliApp.Fail(stderr, "--policy: " + e.Message, CliApp.InvalidInput);
            return null;
        }
        catch (ArgumentException e) when (e.ParamName == nameof(SweepOptions) || e.ParamName == "options")
        {
            string why = FirstSentence(e.Message);
            exitCode = CliApp.Fail(stderr, "--periods: " + char.ToLowerInvariant(why[0]) + why[1..], CliApp.InvalidInput);
            return null;
        }
        catch (ArgumentException e)
        {
            exitCode = CliApp.Fail(stderr, "--policy: " + FirstSentence(e.Message), CliApp.InvalidInput);
            return null;
        }

        foreach (string path in paths.Where(Scenarios.ParameterCatalog.IsRunsOnly))
        {
            stderr.WriteLine($"deterrence-sim: warning: '{path}' acts only in runs over periods: in single rounds that part of the policy changes nothing.");
        }

        // A policy may leave this crisis untouched (a change to another crisis's states or ties): say so before the run.
        try
        {
            var probe = Sweep.Contrast(baselineScenario, policyScenario, sweep.Design, sweep.Options with { Rounds = ProbeRounds, Replications = 1, Threads = 1 }, null, source);
            if (probe.RunPoint(0) is [{ Contrast: { } c }] && c.PolicyOnly.All(n => n == 0) && c.BaselineOnly.All(n => n == 0))
            {
                stderr.WriteLine($"deterrence-sim: warning: at the design's first point, not one of {ProbeRounds:N0} rounds of crisis {contrast.Crisis} ends differently under the policy: check that it acts in this crisis.");
            }
        }
        catch (Exception e) when (e is ArgumentException or Scenarios.ScenarioException or InvalidOperationException)
        {
            // The probe only warns; the run itself reports any error.
        }

        return contrast;
    }

    /// <summary>The rounds a contrast plays at its first point, before the run, to see whether the policy acts at all.</summary>
    private const int ProbeRounds = 10_000;

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }

    /// <summary>The names of every metric, for messages.</summary>
    internal static string Names() => string.Join(", ", Measure.All.Concat(Measure.Mechanisms));

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
            why = $"expected a metric among {Names()}, found '{metric}'.";
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
