namespace DeterrenceSim.Engine;

/// <summary>Everything one replication of a run recorded: a round record per (period, crisis) and the commitments'
/// state at the start of each period and at the end of the run. Reused across replications by one worker.</summary>
internal sealed class ReplicationTrace
{
    public ReplicationTrace(int periods, int crises, int commitments, int states)
    {
        Periods = periods;
        Crises = crises;
        Commitments = commitments;
        Records = new RoundRecord[periods * crises];
        Shapley = new int[periods * crises * MechanismGame.MaxPlayers];
        Reliability = new double[periods * commitments];
        Signal = new double[periods * commitments];
        Belief = new double[periods * commitments];
        FinalReliability = new double[commitments];
        FinalSignal = new double[commitments];
        FinalBelief = new double[commitments];
        FinalCapability = new double[states];
    }

    public int Replication { get; set; }

    public int Periods { get; }

    public int Crises { get; }

    public int Commitments { get; }

    /// <summary>Round records, index period × crises + crisis.</summary>
    public RoundRecord[] Records { get; }

    /// <summary>Each war record's Shapley values times <see cref="MechanismGame.Scale"/>, eight per record (the
    /// engine's <see cref="RoundEngine.Shapley"/>, copied); stale for a peace record.</summary>
    public int[] Shapley { get; }

    /// <summary>In-scope reliability at the start of each period, index period × commitments + commitment.</summary>
    public double[] Reliability { get; }

    public double[] Signal { get; }

    /// <summary>Posterior mean belief at the start of each period.</summary>
    public double[] Belief { get; }

    public double[] FinalReliability { get; }

    public double[] FinalSignal { get; }

    public double[] FinalBelief { get; }

    public double[] FinalCapability { get; }
}
