using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Before and after in one BenchmarkDotNet run: <c>--baseline VERSION</c> adds two jobs, <c>before</c> (the baseline,
/// built against the DeterrenceSim package VERSION: <c>/p:DeterrenceSimBaseline=VERSION</c>, see the project file) and
/// <c>after</c> (the source), so the summary's Ratio column is after / before. <c>--job NAME</c> (dry, short, medium,
/// long, default) picks the run length of both. tools/benchmark-before-after.sh packs the baseline and calls this.
/// </summary>
internal static class BeforeAfter
{
    /// <summary>Takes <c>--baseline VERSION</c> (and <c>--job NAME</c> with it) out of the arguments.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>A config with the two jobs, or <see langword="null"/> without <c>--baseline</c>; and the arguments left
    /// for BenchmarkDotNet.</returns>
    /// <exception cref="ArgumentException"><c>--baseline</c> or <c>--job</c> lacks its value, or the job is unknown.</exception>
    public static (IConfig? Config, string[] Arguments) Parse(string[] args)
    {
        var rest = args.ToList();
        string? version = Take(rest, "--baseline");
        if (version is null)
        {
            return (null, args);
        }

        string job = Take(rest, "--job") ?? Take(rest, "-j") ?? "default";
        var baseJob = job.ToLowerInvariant() switch
        {
            "dry" => Job.Dry,
            "short" => Job.ShortRun,
            "medium" => Job.MediumRun,
            "long" => Job.LongRun,
            "default" => Job.Default,
            _ => throw new ArgumentException($"--job {job}: with --baseline, one of dry, short, medium, long, default.", nameof(args)),
        };
        var config = DefaultConfig.Instance
            .AddJob(baseJob.WithArguments([new MsBuildArgument($"/p:DeterrenceSimBaseline={version}")]).WithId("before").AsBaseline())
            .AddJob(baseJob.WithId("after"));
        return (config, rest.ToArray());
    }

    private static string? Take(List<string> args, string name)
    {
        int i = args.FindIndex(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
        {
            return null;
        }

        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.", nameof(args));
        }

        string value = args[i + 1];
        args.RemoveRange(i, 2);
        return value;
    }
}
