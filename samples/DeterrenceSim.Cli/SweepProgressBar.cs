using DeterrenceSim.Experiments;

namespace DeterrenceSim.Cli;

/// <summary>The progress bar of a sweep, in design points.</summary>
internal static class SweepProgressBar
{
    public static T Show<T>(TextWriter stderr, string label, long points, Func<IProgress<SweepProgress>, T> work) =>
        ProgressBar.Show<T, SweepProgress>(stderr, label, points, p => p.PointsCompleted, work);
}
