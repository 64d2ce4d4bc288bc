namespace DeterrenceSim.Experiments;

/// <summary>First- and total-order Sobol' indices of k factors, in factor order.</summary>
/// <param name="FirstOrder">S_i for i = 1 to k: the share of the output variance due to factor i alone.</param>
/// <param name="TotalOrder">ST_i for i = 1 to k: the share due to factor i and all its interactions.</param>
/// <param name="BaseSamples">The number of base rows N.</param>
/// <param name="Variance">The output variance V used as the denominator (population variance of all f(A) and f(B)), in squared output units.</param>
public sealed record SobolIndices(IReadOnlyList<SensitivityIndex> FirstOrder, IReadOnlyList<SensitivityIndex> TotalOrder, int BaseSamples, double Variance);
