using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/DeterrenceSim.Benchmarks -- --filter '*'</c>; with
/// <c>--baseline VERSION</c>, before and after in one run (<see cref="BeforeAfter"/>, tools/benchmark-before-after.sh).
/// Exits non-zero when the filter matches nothing or a benchmark fails (BenchmarkDotNet does not by itself).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by the arguments.</summary>
    /// <param name="args">BenchmarkDotNet arguments, such as <c>--filter</c> and <c>--job</c>, and <c>--baseline VERSION</c>.</param>
    /// <returns>0 when every selected benchmark ran, 1 otherwise.</returns>
    public static int Main(string[] args)
    {
        // --baseline VERSION: the same benchmarks against the baseline package and the source, in one run (BeforeAfter).
        var (config, rest) = BeforeAfter.Parse(args);
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config).ToArray();

        // --list only prints the benchmarks: nothing runs, so there is nothing to judge.
        if (rest.Contains("--list", StringComparer.Ordinal))
        {
            return 0;
        }

        if (summaries.Length == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            Console.Error.WriteLine("No benchmark matched the filter.");
            return 1;
        }

        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success) || s.Reports.Length < s.BenchmarksCases.Length);
        return failed ? 1 : 0;
    }
}
