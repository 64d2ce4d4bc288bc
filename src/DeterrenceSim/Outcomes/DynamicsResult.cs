namespace DeterrenceSim.Outcomes;

/// <summary>
/// The result of R replications of runs of T periods (DESIGN.md section 4): per crisis and period the outcome rates
/// with 95% Wilson intervals, run-level outcomes (first war, share of periods at war, cumulative concessions) and the
/// evolution of beliefs, with t intervals over replications.
/// </summary>
public sealed record DynamicsResult
{
    /// <summary>Gets the scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the periods T of each run.</summary>
    public required int Periods { get; init; }

    /// <summary>Gets the number of replications R.</summary>
    public required int Replications { get; init; }

    /// <summary>Gets the master seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Gets the number of worker threads used; results do not depend on it.</summary>
    public required int Threads { get; init; }

    /// <summary>Gets the share of replications with at least one war in any crisis.</summary>
    public required Proportion AnyWar { get; init; }

    /// <summary>Gets the period of the first war in any crisis, among replications with a war.</summary>
    public required MeanEstimate PeriodOfFirstWar { get; init; }

    /// <summary>Gets each crisis's dynamics, in scenario order.</summary>
    public required IReadOnlyList<CrisisDynamics> Crises { get; init; }

    /// <summary>Gets each commitment's dynamics, in scenario order.</summary>
    public required IReadOnlyList<CommitmentDynamics> Commitments { get; init; }
}
