namespace DeterrenceSim.Outcomes;

/// <summary>How one crisis evolved over the periods of the runs; rates and means are over replications.</summary>
public sealed record CrisisDynamics
{
    /// <summary>Gets the crisis id.</summary>
    public required string Crisis { get; init; }

    /// <summary>Gets the war rate in each period (index 0 = period 1); denominator: replications.</summary>
    public required IReadOnlyList<Proportion> WarByPeriod { get; init; }

    /// <summary>Gets the deterrence rate in each period; denominator: replications.</summary>
    public required IReadOnlyList<Proportion> DeterredByPeriod { get; init; }

    /// <summary>Gets the concession rate in each period; denominator: replications.</summary>
    public required IReadOnlyList<Proportion> ConcessionByPeriod { get; init; }

    /// <summary>Gets the rate of each war cause over all periods; denominator: replications × periods.</summary>
    public required IReadOnlyDictionary<WarCause, Proportion> WarCauses { get; init; }

    /// <summary>Gets which mechanism of misperception caused this crisis's wars (<see cref="MechanismAttribution"/>),
    /// over replications × periods: each (replication, period) counts as one round, so the intervals treat the periods
    /// of a run as independent (they are not: learning and deepening link them), a lower bound of the uncertainty.</summary>
    public required MechanismAttribution Mechanisms { get; init; }

    /// <summary>Gets the share of replications with at least one war in this crisis.</summary>
    public required Proportion AnyWar { get; init; }

    /// <summary>Gets the period of the first war, among replications with a war (runs without one are censored at T and excluded).</summary>
    public required MeanEstimate PeriodOfFirstWar { get; init; }

    /// <summary>Gets the share of periods at war per replication, averaged over replications.</summary>
    public required MeanEstimate ShareOfPeriodsAtWar { get; init; }

    /// <summary>Gets the sum over periods of concessions x - q (stakes conceded to the challenger) per replication.</summary>
    public required MeanEstimate CumulativeConcession { get; init; }

    /// <summary>Gets, by reporter name in the order the reporters were given, the share of this crisis's periods (over
    /// periods × replications) each <see cref="Reporter"/> counted, with its 95% Wilson interval; empty without
    /// reporters.</summary>
    public IReadOnlyDictionary<string, Proportion> Reported { get; init; } = new Dictionary<string, Proportion>();
}
