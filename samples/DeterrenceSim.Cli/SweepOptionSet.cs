using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Cli;

/// <summary>The options that say what a sweep is (design, factors, crisis, rounds), shared by <c>sweep</c> and
/// <c>sensitivity</c>.</summary>
internal sealed class SweepOptionSet
{
    /// <summary>The trajectories of <c>sensitivity --method morris</c> when --samples is not given.</summary>
    public const int DefaultMorrisTrajectories = 20;

    /// <summary>The grid levels p of a Morris design when --levels is not given.</summary>
    public const int DefaultMorrisLevels = 4;

    public SweepOptionSet(bool sensitivity = false)
    {
        SobolOnly = sensitivity;
        if (sensitivity)
        {
            // Sensitivity indices need uniform ranges: offer only the syntax it accepts. --vary is required unless
            // --from reads a saved sweep (checked by the command).
            Vary.Description = "A varied parameter over a uniform range: PATH=lo:hi, e.g. states.CHN.perception.credulity=0:1 (repeatable).";
            Samples.Description = $"The base sample size N of --method sobol (>= 8; a power of two keeps the Sobol design balanced; default 1024), or the trajectories r of --method morris (>= 2; 10 to 50 is usual; default {DefaultMorrisTrajectories}).";
            Levels.Description = $"The grid levels p of --method morris: even, >= 2 (default {DefaultMorrisLevels}).";
        }
    }

    /// <summary>Gets a value indicating whether this is <c>sensitivity</c>'s set: uniform factors, the design kind from
    /// --method rather than --design.</summary>
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

    public Option<string> Design { get; } = new("--design", "-d") { Description = "The design: grid (full factorial), lhs (Latin hypercube), sobol (Saltelli, N(k+2) points), morris (R trajectories of k+1 points over --levels P), or a saved design FILE.json (such as a sidecar's \"design\", or ExperimentDesign.ToJson()) instead of --vary.", DefaultValueFactory = _ => "grid" };

    public Option<long?> Samples { get; } = new("--samples") { Description = "The base sample size N of an lhs or sobol design (a power of two suits sobol), or the trajectories R of a morris design." };

    public Option<int?> Levels { get; } = new("--levels") { Description = $"The grid levels P of a morris design: even, >= 2 (default {DefaultMorrisLevels})." };

    public Option<string?> Crisis { get; } = new("--crisis", "-c") { Description = "The crisis id (default: the scenario's first crisis)." };

    public Option<long> Rounds { get; } = new("--rounds", "-n") { Description = $"Monte Carlo rounds per replication (1 to {RoundOptions.MaxRounds}).", DefaultValueFactory = _ => 10_000 };

    public Option<int?> Periods { get; } = new("--periods") { Description = "Make each replication one run of T periods of the whole scenario (learning, votes, growth, overstretch) instead of --rounds single rounds; rates are then shares of the T periods." };

    public void AddTo(Command command)
    {
        command.Options.Add(Vary);
        if (!SobolOnly)
        {
            command.Options.Add(Design);
        }

        command.Options.Add(Samples);
        command.Options.Add(Levels);
        command.Options.Add(Crisis);
        command.Options.Add(Rounds);
        command.Options.Add(Periods);
    }

    /// <summary>Checks the options, loads the scenario and builds the sweep; on error writes one line and returns
    /// <see langword="null"/> with the exit code.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="common">The common options.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="partial">The options the command sets itself (replications, precision).</param>
    /// <param name="exitCode">The exit code when <see langword="null"/> is returned.</param>
    /// <param name="kind">The design kind, for <c>sensitivity</c> (from its --method); <see langword="null"/> to read --design.</param>
    public Sweep? Build(ParseResult parse, CommonOptions common, TextWriter stderr, SweepOptions partial, out int exitCode, DesignKind? kind = null)
    {
        exitCode = CliApp.InvalidInput;
        long rounds = parse.GetValue(Rounds);
        if (rounds < 1 || rounds > RoundOptions.MaxRounds)
        {
            exitCode = CliApp.Fail(stderr, $"--rounds: expected an integer from 1 to {RoundOptions.MaxRounds}, found {rounds}.", CliApp.InvalidInput);
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

        var design = BuildDesign(parse, common, stderr, kind, out exitCode);
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
    private ExperimentDesign? BuildDesign(ParseResult parse, CommonOptions common, TextWriter stderr, DesignKind? kindOverride, out int exitCode)
    {
        exitCode = CliApp.InvalidInput;
        string kindText = kindOverride is { } given ? ExperimentDesign.Name(given) : parse.GetValue(Design) ?? "grid";
        string[] vary = parse.GetValue(Vary) ?? [];
        long? samples = parse.GetValue(Samples);
        int? levels = parse.GetValue(Levels);
        if (kindText.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (vary.Length > 0 || samples is not null || levels is not null)
            {
                exitCode = CliApp.Fail(stderr, "--design: a saved design file holds its factors, samples and levels; give no --vary, --samples or --levels with it.", CliApp.InvalidInput);
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
            exitCode = CliApp.Fail(stderr, $"--design: expected grid, lhs, sobol, morris or a saved design FILE.json, found '{kindText}'.", CliApp.InvalidInput);
            return null;
        }

        if (levels is not null && kind != DesignKind.Morris)
        {
            exitCode = CliApp.Fail(stderr, SobolOnly
                ? "--levels: applies only with --method morris (the grid of its trajectories)."
                : $"--levels: applies only to a morris design (the grid of its trajectories), found --design {kindText}{(kind == DesignKind.Grid ? "; a grid's levels are the count in --vary PATH=lo:hi:count" : "")}.", CliApp.InvalidInput);
            return null;
        }

        if (vary.Length == 0)
        {
            exitCode = CliApp.Fail(stderr, $"--vary: expected at least one varied parameter, such as --vary states.CHN.perception.credulity=0:1{(SobolOnly ? "" : ":11")}.", CliApp.InvalidInput);
            return null;
        }

        if (SobolOnly && kind == DesignKind.Morris && parse.GetResult(Samples) is null or { Implicit: true })
        {
            samples = DefaultMorrisTrajectories;
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
                exitCode = CliApp.Fail(stderr, "--samples: a grid's points are the combinations of its levels; --samples applies to lhs, sobol and morris designs.", CliApp.InvalidInput);
                return null;
            }

            if (kind == DesignKind.Morris && samples is null)
            {
                exitCode = CliApp.Fail(stderr, "--samples: a morris design needs a number of trajectories, such as --samples 20.", CliApp.InvalidInput);
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
                DesignKind.Morris => ExperimentDesign.Morris(samples!.Value, levels ?? DefaultMorrisLevels, seed, [.. factors]),
                _ => ExperimentDesign.Sobol(samples!.Value, [.. factors]),
            };
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "levels")
        {
            exitCode = CliApp.Fail(stderr, $"--levels: {Lead(FirstSentence(e.Message))} Found {levels}.", CliApp.InvalidInput);
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
        message.Length > 1 && char.IsUpper(message[0]) && (char.IsLower(message[1]) || (message[0] == 'A' && message[1] == ' ')) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    /// <summary>An argument exception's message without its " (Parameter 'x')" suffix.</summary>
    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }
}
