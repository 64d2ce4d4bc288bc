namespace DeterrenceSim.Outcomes;

/// <summary>How one commitment's reliability, signal and the belief about it evolved; means over replications.</summary>
public sealed record CommitmentDynamics
{
    /// <summary>Gets the commitment's key, <c>Supporter&gt;Protege</c>.</summary>
    public required string Commitment { get; init; }

    /// <summary>Gets the believed reliability (posterior mean) at the start of each period (index 0 = period 1).</summary>
    public required IReadOnlyList<MeanEstimate> BeliefByPeriod { get; init; }

    /// <summary>Gets the believed reliability after the last period.</summary>
    public required MeanEstimate FinalBelief { get; init; }

    /// <summary>Gets the true in-scope reliability after the last period (it moves with deepening).</summary>
    public required MeanEstimate FinalReliability { get; init; }

    /// <summary>Gets the signal after the last period.</summary>
    public required MeanEstimate FinalSignal { get; init; }
}
