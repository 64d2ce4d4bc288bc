using DeterrenceSim.Model;

namespace DeterrenceSim.Compilation;

/// <summary>
/// One crisis in struct-of-arrays form. Participants are indexed 0..N-1: first the challenger's supporters
/// (<see cref="ChallengerSupporterCount"/>), then the defender's (<see cref="DefenderSupporterCount"/>), then the
/// members of alliances that an escalation strike can trigger and that support neither side.
/// </summary>
internal sealed class CompiledCrisis
{
    public CompiledCrisis(Scenario scenario, Crisis crisis, Dictionary<string, int> stateIndex)
    {
        Id = crisis.Id;
        var states = scenario.States;
        var challenger = states[stateIndex[crisis.Challenger]];
        var defender = states[stateIndex[crisis.Defender]];
        double Projection(string id, double otherwise) => crisis.Theatre.Projection.TryGetValue(id, out double pi) ? pi : otherwise;

        ChallengerStrength = challenger.Capability * Projection(challenger.Id, 1);
        DefenderStrength = defender.Capability * Projection(defender.Id, 1);

        // The preventive test looks H periods ahead: capabilities grow by (1 + g)^H (DESIGN.md section 4's growth,
        // anticipated; Powell 2006's shifting power) while commitments deepen.
        double Growth(State state) => Math.Pow(1 + state.GrowthRate, crisis.Foresight);
        DeepenedChallengerStrength = ChallengerStrength * Growth(challenger);
        DeepenedDefenderStrength = DefenderStrength * Growth(defender);
        Decisiveness = crisis.Decisiveness;
        StatusQuo = crisis.StatusQuo;
        ChallengerCost = crisis.ChallengerCost;
        Protocol = crisis.Bargaining.Protocol;
        ChallengerPower = crisis.Bargaining.ChallengerPower;
        DefenderCostUpperBound = crisis.Bargaining.DefenderCostUpperBound ?? 0;
        DefenderCost = Protocol == BargainingProtocol.TakeItOrLeaveIt ? 0 : crisis.DefenderCost!.Value;

        // The preventive test uses the expected private cost c̄/2 under take-it-or-leave-it (DESIGN.md section 3).
        double preventiveDefenderCost = Protocol == BargainingProtocol.TakeItOrLeaveIt ? DefenderCostUpperBound / 2 : DefenderCost;
        DiscountH = Math.Pow(crisis.Discount, crisis.Foresight);
        PreventiveThresholdConstant = crisis.ChallengerCost + (DiscountH * preventiveDefenderCost);

        // Sides: commitments to C or D, except those from C or D themselves (DESIGN.md section 3).
        var participants = new List<(int State, Commitment? Commitment)>();
        foreach (var c in scenario.Commitments)
        {
            if (c.Protege == crisis.Challenger && c.Supporter != crisis.Defender)
            {
                participants.Add((stateIndex[c.Supporter], c));
            }
        }

        ChallengerSupporterCount = participants.Count;
        foreach (var c in scenario.Commitments)
        {
            if (c.Protege == crisis.Defender && c.Supporter != crisis.Challenger)
            {
                participants.Add((stateIndex[c.Supporter], c));
            }
        }

        SideCount = participants.Count;
        DefenderSupporterCount = SideCount - ChallengerSupporterCount;

        // Escalation: which alliances each strike can trigger (target a member, region in the alliance's scope).
        int alliances = scenario.Alliances.Count;
        StrikeProbability = crisis.Escalation.Select(e => e.Probability).ToArray();
        StrikeTriggers = new int[crisis.Escalation.Count][];
        StrikeTargetParticipant = new int[crisis.Escalation.Count];
        var triggerable = new SortedSet<int>();
        for (int e = 0; e < crisis.Escalation.Count; e++)
        {
            var strike = crisis.Escalation[e];
            var triggers = new List<int>();
            for (int a = 0; a < alliances; a++)
            {
                var alliance = scenario.Alliances[a];
                if (alliance.Members.Contains(strike.Target) && alliance.Scope.Contains(strike.Region))
                {
                    triggers.Add(a);
                    triggerable.Add(a);
                }
            }

            StrikeTriggers[e] = triggers.ToArray();
        }

        // Members of triggerable alliances join D's side unless they are C, D or on C's side.
        var challengerSide = new HashSet<int>(participants.Take(ChallengerSupporterCount).Select(p => p.State)) { stateIndex[crisis.Challenger] };
        AllianceMemberReliability = scenario.Alliances.Select(a => a.MemberReliability).ToArray();
        AllianceMembers = new int[alliances][];
        for (int a = 0; a < alliances; a++)
        {
            var members = new List<int>();
            if (triggerable.Contains(a))
            {
                foreach (var id in scenario.Alliances[a].Members)
                {
                    int s = stateIndex[id];
                    if (s == stateIndex[crisis.Defender] || challengerSide.Contains(s))
                    {
                        continue;
                    }

                    int p = IndexOfDefenderSide(participants, s);
                    if (p < 0)
                    {
                        p = participants.FindIndex(SideCount, x => x.State == s);
                    }

                    if (p < 0)
                    {
                        participants.Add((s, null));
                        p = participants.Count - 1;
                    }

                    members.Add(p);
                }
            }

            AllianceMembers[a] = members.ToArray();
        }

        for (int e = 0; e < crisis.Escalation.Count; e++)
        {
            StrikeTargetParticipant[e] = IndexOfDefenderSide(participants, stateIndex[crisis.Escalation[e].Target]);
        }

        int n = participants.Count;
        ParticipantState = participants.Select(p => p.State).ToArray();
        ParticipantIds = participants.Select(p => states[p.State].Id).ToArray();
        Strength = new double[n];
        DeepenedStrength = new double[n];
        Reliability = new double[n];
        Signal = new double[n];
        DeepenedReliability = new double[n];
        DeepenedSignal = new double[n];
        InformationSharing = new double[n];
        for (int p = 0; p < n; p++)
        {
            var state = states[participants[p].State];
            Strength[p] = state.Capability * Projection(state.Id, crisis.Theatre.DefaultProjection);
            DeepenedStrength[p] = Strength[p] * Growth(state);
            if (participants[p].Commitment is { } c)
            {
                bool inScope = c.Scope.Contains(crisis.Theatre.Region);
                Reliability[p] = inScope ? c.Reliability : c.OutOfScopeReliability;
                Signal[p] = c.Signal;
                // Foresight H periods of deepening (DESIGN.md section 3): the theatre's reliability and the signal move.
                DeepenedReliability[p] = Math.Clamp(Reliability[p] + (crisis.Foresight * c.Deepening.Reliability), 0, 1);
                DeepenedSignal[p] = Math.Clamp(c.Signal + (crisis.Foresight * c.Deepening.Signal), SignalFloor, 1 - SignalFloor);
                InformationSharing[p] = c.InformationSharing;
            }
        }

        AllianceIds = scenario.Alliances.Select(a => a.Id).ToArray();
        TriggerableAlliances = triggerable.ToArray();
        Challenger = new CompiledObserver(this, challenger.Perception, isChallenger: true);
        Defender = new CompiledObserver(this, defender.Perception, isChallenger: false);
        var accurate = new CompiledObserver(this, PerceptionProfile.Accurate, isChallenger: true);
        AccurateLogit = accurate.ConstantLogit;
        AccurateDeepenedLogit = accurate.ConstantDeepenedLogit;
        AccurateWinProbability = Logistic(AccurateLogit);
        AccurateDeepenedWinProbability = Logistic(AccurateDeepenedLogit);
        AccuratePreventive = IsPreventive(AccurateWinProbability, AccurateDeepenedWinProbability);
    }

    /// <summary>Signals are kept inside [1e-9, 1 - 1e-9] after deepening so their logit stays finite.</summary>
    public const double SignalFloor = 1e-9;

    public string Id { get; }

    public double ChallengerStrength { get; }

    public double DefenderStrength { get; }

    /// <summary>Gets the challenger's strength after H periods of growth (the preventive test's outlook).</summary>
    public double DeepenedChallengerStrength { get; }

    /// <summary>Gets the defender's strength after H periods of growth.</summary>
    public double DeepenedDefenderStrength { get; }

    public double Decisiveness { get; }

    public double StatusQuo { get; }

    public double ChallengerCost { get; }

    public double DefenderCost { get; }

    public double DefenderCostUpperBound { get; }

    public BargainingProtocol Protocol { get; }

    public double ChallengerPower { get; }

    public double DiscountH { get; }

    public double PreventiveThresholdConstant { get; }

    public int ChallengerSupporterCount { get; }

    public int DefenderSupporterCount { get; }

    public int SideCount { get; }

    public int[] ParticipantState { get; }

    public string[] ParticipantIds { get; }

    public double[] Strength { get; }

    /// <summary>Gets each participant's strength after H periods of growth.</summary>
    public double[] DeepenedStrength { get; }

    public double[] Reliability { get; }

    public double[] Signal { get; }

    public double[] DeepenedReliability { get; }

    public double[] DeepenedSignal { get; }

    public double[] InformationSharing { get; }

    public double[] StrikeProbability { get; }

    public int[] StrikeTargetParticipant { get; }

    public int[][] StrikeTriggers { get; }

    public int[] TriggerableAlliances { get; }

    public string[] AllianceIds { get; }

    public double[] AllianceMemberReliability { get; }

    public int[][] AllianceMembers { get; }

    public CompiledObserver Challenger { get; }

    public CompiledObserver Defender { get; }

    public double AccurateLogit { get; }

    public double AccurateDeepenedLogit { get; }

    public double AccurateWinProbability { get; }

    public double AccurateDeepenedWinProbability { get; }

    public bool AccuratePreventive { get; }

    /// <summary>
    /// Powell's (2006) preventive-war test, protocol-free: strike now iff
    /// δ^H (p̂ - p̂') &gt; (1 - δ^H)(1 - p̂) + c_C + δ^H c_D.
    /// </summary>
    public bool IsPreventive(double winProbability, double deepenedWinProbability) =>
        DiscountH * (winProbability - deepenedWinProbability) > ((1 - DiscountH) * (1 - winProbability)) + PreventiveThresholdConstant;

    /// <summary>
    /// Decides the bargaining (DESIGN.md section 3). Returns <see langword="true"/> for war; otherwise the settlement x.
    /// </summary>
    /// <param name="challengerBelief">p̂_C, C's belief about its own chance.</param>
    /// <param name="defenderBelief">p̂_D, D's belief about C's chance.</param>
    /// <param name="defenderCost">c_D: fixed under NashSplit, the round's private draw under TakeItOrLeaveIt.</param>
    /// <param name="settlement">The settlement x in [0, 1] when there is no war.</param>
    public bool IsBargainingWar(double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        if (Protocol == BargainingProtocol.NashSplit)
        {
            // Fearon (1995): war iff the perceived bargaining range is empty.
            double lower = challengerBelief - ChallengerCost;
            double upper = defenderBelief + defenderCost;
            settlement = Math.Clamp(lower + (ChallengerPower * (upper - lower)), 0, 1);
            return lower > upper;
        }

        // Take-it-or-leave-it: C's demand x* = min(1, p̂_C + max(0, (c̄ - c_C)/2)); D fights iff x* > p̂_D + c_D.
        double demand = Math.Min(1, challengerBelief + Math.Max(0, (DefenderCostUpperBound - ChallengerCost) / 2));
        settlement = demand;
        return demand > defenderBelief + defenderCost;
    }

    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1 - p));

    private int IndexOfDefenderSide(List<(int State, Commitment? Commitment)> participants, int state) =>
        participants.FindIndex(ChallengerSupporterCount, DefenderSupporterCount, x => x.State == state);
}
