namespace DeterrenceSim.Cli;

/// <summary>One x of a line plot: the mean rate, its 95% band of Monte Carlo error, and the spread of the design
/// points averaged at that x.</summary>
/// <param name="X">The x value: a grid level or a bin's centre.</param>
/// <param name="Mean">The mean rate (or Shapley share): the mean over the design points at this x of each point's mean over its
/// replications.</param>
/// <param name="Lower">The lower bound of the 95% interval of <paramref name="Mean"/>'s Monte Carlo error (at least 0; at least −1 for a Shapley share).</param>
/// <param name="Upper">The upper bound of that interval (at most 1).</param>
/// <param name="Replications">The replications the interval is computed over: the number every point at this x has.</param>
/// <param name="Points">The design points at this x (more than one where other parameters are averaged over, or in a
/// bin of a scattered design).</param>
/// <param name="SpreadLower">The smallest of the points' means: their spread, not Monte Carlo error.</param>
/// <param name="SpreadUpper">The largest of the points' means.</param>
internal readonly record struct LinePoint(double X, double Mean, double Lower, double Upper, int Replications, int Points, double SpreadLower, double SpreadUpper);
