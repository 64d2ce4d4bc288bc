using DeterrenceSim.Engine;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>A Spectre.Console progress bar with ETA on standard error, cleared when the work ends.</summary>
internal static class ProgressBar
{
    public static T Show<T>(TextWriter stderr, string label, long total, Func<IProgress<MonteCarloProgress>, T> work)
    {
        T result = default!;
        CliApp.Console(stderr, interactive: true).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: total);
                long shown = 0;

                // Workers report out of order: show the largest count seen.
                var progress = new SynchronousProgress(p =>
                {
                    long value = Interlocked.Read(ref shown);
                    while (p.RoundsCompleted > value && Interlocked.CompareExchange(ref shown, p.RoundsCompleted, value) != value)
                    {
                        value = Interlocked.Read(ref shown);
                    }

                    task.Value = Interlocked.Read(ref shown);
                });
                result = work(progress);
                task.Value = total;
                task.StopTask();
            });
        return result;
    }

    /// <summary>Reports on the calling thread (not through a synchronization context), so the bar is current.</summary>
    private sealed class SynchronousProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }
}
