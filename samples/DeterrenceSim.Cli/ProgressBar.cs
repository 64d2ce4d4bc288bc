using DeterrenceSim.Engine;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>A Spectre.Console progress bar with ETA on standard error, cleared when the work ends.</summary>
internal static class ProgressBar
{
    /// <summary>Shows progress in rounds.</summary>
    public static T Show<T>(TextWriter stderr, string label, long total, Func<IProgress<MonteCarloProgress>, T> work) =>
        Show<T, MonteCarloProgress>(stderr, label, total, p => p.RoundsCompleted, work);

    /// <summary>Shows progress of some measure of the work.</summary>
    public static T Show<T, TProgress>(TextWriter stderr, string label, long total, Func<TProgress, long> completed, Func<IProgress<TProgress>, T> work)
    {
        T result = default!;
        CliApp.Console(stderr, interactive: true).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
                long shown = 0;

                // Workers report out of order: show the largest count seen.
                var progress = new SynchronousProgress<TProgress>(p =>
                {
                    long count = completed(p);
                    long value = Interlocked.Read(ref shown);
                    while (count > value && Interlocked.CompareExchange(ref shown, count, value) != value)
                    {
                        value = Interlocked.Read(ref shown);
                    }

                    task.Value = Interlocked.Read(ref shown);
                });
                result = work(progress);
                task.Value = Math.Max(1, total);
                task.StopTask();
            });
        return result;
    }

    /// <summary>Reports on the calling thread (not through a synchronization context), so the bar is current.</summary>
    private sealed class SynchronousProgress<TProgress>(Action<TProgress> report) : IProgress<TProgress>
    {
        public void Report(TProgress value) => report(value);
    }
}
