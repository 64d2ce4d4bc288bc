namespace DeterrenceSim.Experiments;

/// <summary>The kinds of experimental design.</summary>
public enum DesignKind
{
    /// <summary>Full factorial grid: every combination of every factor's levels, the first factor varying slowest.</summary>
    Grid,

    /// <summary>Latin hypercube of N points (McKay, Beckman and Conover 1979): each factor's range is cut into N equal
    /// strata and each stratum holds exactly one point, at a uniform position within it.</summary>
    LatinHypercube,

    /// <summary>Saltelli's design for Sobol indices (Saltelli et al. 2010) from a Sobol sequence with Joe and Kuo (2008)
    /// direction numbers: N base rows of k+2 points each, N(k+2) points in all (see <see cref="SaltelliSampling"/>), the
    /// rows taken from the sequence's points 2^m to 2^m + N - 1 for the power of two 2^m &gt;= N.</summary>
    Sobol,

    /// <summary>Morris's elementary-effects screening design (Morris 1991): r trajectories of k+1 points on a grid of p
    /// levels, each trajectory moving every factor once by the step Δ = p/(2(p−1)) of its normalised range, r(k+1)
    /// points in all (see <see cref="ExperimentDesign.Morris"/>).</summary>
    Morris,
}
