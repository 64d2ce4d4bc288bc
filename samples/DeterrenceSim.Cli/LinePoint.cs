namespace DeterrenceSim.Cli;

/// <summary>One x of a line plot: the mean rate and its 95% band.</summary>
/// <param name="X">The x value: a grid level or a bin's centre.</param>
/// <param name="Mean">The mean rate.</param>
/// <param name="Lower">The band's lower bound.</param>
/// <param name="Upper">The band's upper bound.</param>
internal readonly record struct LinePoint(double X, double Mean, double Lower, double Upper);
