namespace DeterrenceSim.Experiments;

/// <summary>One sensitivity index with its bootstrap percentile interval: a Sobol index (<see cref="SobolIndices"/>) or
/// a Morris measure (<see cref="MorrisIndices"/>).</summary>
/// <param name="Estimate">The point estimate from all base rows (Sobol: a share of variance, nominally in [0, 1] but a
/// finite-sample estimate can fall outside) or all trajectories (Morris: in output units per unit of the factor's
/// normalised range).</param>
/// <param name="Lower">The lower bound of the bootstrap percentile interval.</param>
/// <param name="Upper">The upper bound of the bootstrap percentile interval.</param>
/// <param name="StandardError">The bootstrap standard error: the standard deviation (divisor B - 1) of the B resampled estimates.</param>
public sealed record SensitivityIndex(double Estimate, double Lower, double Upper, double StandardError);
