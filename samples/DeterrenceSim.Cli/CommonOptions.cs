using System.CommandLine;
using DeterrenceSim.Compilation;
using DeterrenceSim.IO;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;

namespace DeterrenceSim.Cli;

/// <summary>The options <c>run</c> and <c>simulate</c> share, and the loading of the scenario they name.</summary>
internal sealed class CommonOptions
{
    /// <summary>The largest accepted --threads: more workers than this only add scheduling overhead.</summary>
    public const int MaxThreads = 1024;

    public Option<string> Scenario { get; } = new("--scenario", "-s")
    {
        Description = "An embedded scenario name or a scenario JSON file.",
        DefaultValueFactory = _ => ScenarioLoader.DefaultScenarioName,
    };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Master seed (0 to 18446744073709551615).", DefaultValueFactory = _ => 1 };

    public Option<int> Threads { get; } = CreateThreads();

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override a parameter: path=value, e.g. states.CHN.perception.credulity=0.8 (repeatable).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Variant { get; } = new("--variant")
    {
        Description = "Apply a named variant of the scenario (its 'variants'; list --scenario FILE shows them) before any --set.",
    };

    public Option<string> Format { get; } = CreateFormat();

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log to standard error." };

    public void AddTo(Command command, bool format = true)
    {
        command.Options.Add(Scenario);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(Set);
        command.Options.Add(Variant);
        if (format)
        {
            command.Options.Add(Format);
        }

        command.Options.Add(Verbose);
    }

    /// <summary>Checks --threads and --scenario, loads the scenario, applies --variant then --set and compiles it; on error writes
    /// one line to standard error and returns <see langword="null"/> with the exit code.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="exitCode">The exit code when <see langword="null"/> is returned.</param>
    /// <param name="pointValues">For a sweep: the values its first design point sets. A scenario that is invalid only
    /// in fields that every point sets (a take-it-or-leave-it protocol whose defenderCostUpperBound is a factor) is
    /// then accepted, validated with these values applied, as it will run; every point overwrites them.</param>
    public CompiledScenario? Load(ParseResult parse, TextWriter stderr, out int exitCode, IReadOnlyList<KeyValuePair<string, string>>? pointValues = null)
    {
        exitCode = 0;
        if (ThreadsProblem(parse.GetValue(Threads)) is { } problem)
        {
            exitCode = CliApp.Fail(stderr, problem, CliApp.InvalidInput);
            return null;
        }

        string name = parse.GetValue(Scenario) ?? "";
        if (string.IsNullOrWhiteSpace(name))
        {
            exitCode = EmptyScenario(stderr);
            return null;
        }

        try
        {
            string source = Source(parse);
            var assignments = (parse.GetValue(Set) ?? []).Select(ParameterPaths.ParseAssignment).ToList();
            if (assignments.GroupBy(a => a.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                exitCode = CliApp.Fail(stderr, $"--set: '{repeated.Key}' is given {repeated.Count()} times ({string.Join(", then ", repeated.Select(a => a.Value))}): give each path once.", CliApp.InvalidInput);
                return null;
            }

            string? variant = parse.GetValue(Variant);
            if (variant is not null && string.IsNullOrWhiteSpace(variant))
            {
                exitCode = CliApp.Fail(stderr, "--variant: expected the name of a variant of the scenario, found an empty string.", CliApp.InvalidInput);
                return null;
            }

            CompiledScenario compiled;
            try
            {
                compiled = CompiledScenario.Compile(ParameterPaths.SetAll(WithVariant(ScenarioLoader.Load(name), variant, source), assignments, source));
            }
            catch (ScenarioException) when (pointValues is { Count: > 0 } && Loads(name, variant, source, assignments.Concat(pointValues).ToList()) is { } atPoint)
            {
                compiled = CompiledScenario.Compile(atPoint);
            }

            foreach (string warning in ScenarioValidator.Warnings(compiled.Scenario, source))
            {
                stderr.WriteLine("deterrence-sim: warning: " + warning);
            }

            return compiled;
        }
        catch (ScenarioException e)
        {
            exitCode = CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }
        catch (VariantNameException e)
        {
            exitCode = CliApp.Fail(stderr, e.Message, CliApp.InvalidInput);
        }
        catch (FormatException e)
        {
            exitCode = CliApp.Fail(stderr, "--set: " + e.Message, CliApp.InvalidInput);
        }

        return null;
    }

    /// <summary>The scenario with the assignments applied before it is validated, or <see langword="null"/> if it is
    /// invalid even so (the caller then reports the error of the scenario as given).</summary>
    private static Model.Scenario? Loads(string name, string? variant, string source, IReadOnlyList<KeyValuePair<string, string>> assignments)
    {
        try
        {
            if (variant is null)
            {
                return ScenarioLoader.Load(name, assignments);
            }

            // The variant applied to the scenario as given (its own values must be valid), then the point's values.
            return ParameterPaths.SetAll(ScenarioVariants.Apply(ScenarioLoader.Load(name), variant, source), assignments, source);
        }
        catch (ScenarioException)
        {
            return null;
        }
    }

    /// <summary>The scenario with the named variant applied, or as it is for none.</summary>
    private static Model.Scenario WithVariant(Model.Scenario scenario, string? variant, string source)
    {
        if (variant is null)
        {
            return scenario;
        }

        // An unknown name is the option's fault, not the file's.
        var names = (scenario.Variants ?? []).Select(v => v?.Name).ToList();
        if (!names.Contains(variant, StringComparer.Ordinal))
        {
            throw new VariantNameException(names.Count == 0
                ? $"--variant: {source} has no variants, found '{variant}'."
                : $"--variant: expected a variant of {source} ({string.Join(", ", names)}), found '{variant}'.");
        }

        return ScenarioVariants.Apply(scenario, variant, source);
    }

    /// <summary>An unknown <c>--variant</c> name, reported as the option's error.</summary>
    private sealed class VariantNameException(string message) : Exception(message);

    /// <summary>The names of the variants applied (--variant): none or one.</summary>
    public string[] Variants(ParseResult parse) => parse.GetValue(Variant) is { } name ? [name] : [];

    /// <summary>Warns, on standard error, about each --set of a field that acts only between the periods of a run.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="why">Why it cannot act here, completing "'PATH' acts only in runs over periods, so ...".</param>
    public void WarnRunsOnly(ParseResult parse, TextWriter stderr, string why)
    {
        foreach (var (path, _) in (parse.GetValue(Set) ?? []).Select(ParameterPaths.ParseAssignment))
        {
            if (ParameterCatalog.IsRunsOnly(path))
            {
                stderr.WriteLine($"deterrence-sim: warning: '{path}' acts only in runs over periods, so {why}.");
            }
        }
    }

    /// <summary>Where a result comes from: the scenario's source and hash as run, the --set overrides and the library
    /// version.</summary>
    public Provenance Provenance(ParseResult parse, CompiledScenario compiled) => Provenance(parse, compiled.Scenario);

    /// <summary>Where a result comes from, for a scenario as run: its source and hash, the --variant and the --set
    /// overrides, and the library version.</summary>
    public Provenance Provenance(ParseResult parse, Model.Scenario scenario) =>
        IO.Provenance.Of(scenario, Source(parse), parse.GetValue(Set) ?? []) with { Variants = Variants(parse) };

    /// <summary>The scenario's name in error messages: <c>embedded:NAME</c> or the file path.</summary>
    public string Source(ParseResult parse)
    {
        string name = parse.GetValue(Scenario) ?? "";
        return ScenarioLoader.EmbeddedNames.Contains(name, StringComparer.Ordinal) ? "embedded:" + name : name;
    }

    /// <summary>Reports an empty --scenario value; returns the exit code.</summary>
    public static int EmptyScenario(TextWriter stderr) =>
        CliApp.Fail(stderr, "--scenario: expected an embedded scenario name or a file path, found an empty string.", CliApp.InvalidInput);

    /// <summary>A logger factory writing to standard error with --verbose, and to nothing otherwise.</summary>
    public static ILoggerFactory Loggers(bool verbose) => LoggerFactory.Create(builder =>
    {
        if (verbose)
        {
            builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Information);
        }
    });

    /// <summary>
    /// Whether a progress bar may be drawn (on standard error): the writer is this process's standard error and both
    /// standard output and standard error are terminals; quiet otherwise, so redirected output and logs stay clean.
    /// </summary>
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    /// <summary>The --threads option of every command that simulates: 1 to <see cref="MaxThreads"/>, the processor
    /// count by default; results never depend on it.</summary>
    internal static Option<int> CreateThreads() => new("--threads", "-t")
    {
        Description = "Worker threads (1 to 1024); results do not depend on it.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>Why a --threads value is refused, or <see langword="null"/> if it lies in 1 to <see cref="MaxThreads"/>.</summary>
    internal static string? ThreadsProblem(int threads) =>
        threads is < 1 or > MaxThreads ? $"--threads: expected an integer from 1 to {MaxThreads}, found {threads}." : null;

    /// <summary>The --format option: table (the default), json or csv.</summary>
    internal static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        return format;
    }
}
