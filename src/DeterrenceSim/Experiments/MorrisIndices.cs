namespace DeterrenceSim.Experiments;

/// <summary>Morris's screening measures of k factors, in factor order (<see cref="MorrisAnalysis"/>).</summary>
/// <param name="Mu">μ_i: the mean of factor i's r elementary effects, in output units per unit of the factor's
/// normalised range (the change of the output over the whole range [lo, hi], for a linear effect). Effects of opposite
/// sign cancel in it.</param>
/// <param name="MuStar">μ*_i: the mean of the absolute elementary effects (Campolongo, Cariboni &amp; Saltelli 2007), in
/// the same units: the screening measure of the factor's overall influence; 0 exactly when the output never changes
/// with the factor.</param>
/// <param name="Sigma">σ_i: the standard deviation (divisor r − 1) of the elementary effects, in the same units: 0 for a
/// factor whose effect is linear and free of interactions, large where it is nonlinear or interacts.</param>
/// <param name="Trajectories">The number of trajectories r, each giving one elementary effect of every factor.</param>
/// <param name="Levels">The number of grid levels p.</param>
/// <param name="Delta">The step Δ = p/(2(p − 1)), in units of the normalised range.</param>
public sealed record MorrisIndices(
    IReadOnlyList<SensitivityIndex> Mu,
    IReadOnlyList<SensitivityIndex> MuStar,
    IReadOnlyList<SensitivityIndex> Sigma,
    int Trajectories,
    int Levels,
    double Delta);
