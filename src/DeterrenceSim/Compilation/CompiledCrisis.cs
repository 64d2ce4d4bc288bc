using System.Diagnostics.CodeAnalysis;
using DeterrenceSim.Model;

namespace DeterrenceSim.Compilation;

/// <summary>
/// The structure of one crisis in struct-of-arrays form: who can fight on which side, projections, scope, escalation
/// and the bargaining constants. The numbers that change over a run live in <see cref="Engine.CrisisFrame"/>. Participants are indexed 0..N-1: first the challenger's supporters
/// (<see cref="ChallengerSupporterCount"/>), then the defender's (<see cref="DefenderSupporterCount"/>), then the
/// members of alliances that an escalation strike can trigger and that support neither side.
/// </summary>
internal sealed class CompiledCrisis
{
    public CompiledCrisis(Scenario scenario, Crisis crisis, Dictionary<string, int> stateIndex, Dictionary<Commitment, int> commitmentIndex)
    {
        Id = crisis.Id;
        var states = scenario.States;
        ChallengerState = stateIndex[crisis.Challenger];
        DefenderState = stateIndex[crisis.Defender];

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
                // An alliance whose member is the challenger does not take up arms against it.
                if (alliance.Members.Contains(strike.Target) && alliance.Scope.Contains(strike.Region) && !alliance.Members.Contains(crisis.Challenger))
                {
                    triggers.Add(a);
                    triggerable.Add(a);
                }
            }

            StrikeTriggers[e] = triggers.ToArray();
        }

        // Members of triggerable alliances join D's side unless they are C, D or on C's side.
        var challengerSide = new HashSet<int>(participants.Take(ChallengerSupporterCount).Select(p => p.State)) { stateIndex[crisis.Challenger] };
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
        ParticipantCommitment = participants.Select(p => p.Commitment is null ? -1 : commitmentIndex[p.Commitment]).ToArray();
        ParticipantInScope = participants.Select(p => p.Commitment is { } c && c.Scope.Contains(crisis.Theatre.Region)).ToArray();
        ParticipantOwnObserver = new int[n];
        for (int p = 0; p < n; p++)
        {
            // Information sharing helps the protégé: 0 for the challenger's supporters, 1 for the defender's.
            ParticipantOwnObserver[p] = p < ChallengerSupporterCount ? 0 : p < SideCount ? 1 : -1;
        }

        AllianceIds = scenario.Alliances.Select(a => a.Id).ToArray();
        TriggerableAlliances = triggerable.ToArray();
        ChallengerCohesion = CohesionOf(scenario, crisis, stateIndex, observer: crisis.Challenger, first: ChallengerSupporterCount, count: DefenderSupporterCount);
        DefenderCohesion = CohesionOf(scenario, crisis, stateIndex, observer: crisis.Defender, first: 0, count: ChallengerSupporterCount);
        SetValues(scenario, crisis);
    }

    /// <summary>A copy of <paramref name="structure"/> with the values of <paramref name="crisis"/> in
    /// <paramref name="scenario"/>, which differ from those it was compiled from in numeric fields only.</summary>
    private CompiledCrisis(CompiledCrisis structure, Scenario scenario, Crisis crisis)
    {
        Id = structure.Id;
        ChallengerState = structure.ChallengerState;
        DefenderState = structure.DefenderState;
        ChallengerSupporterCount = structure.ChallengerSupporterCount;
        DefenderSupporterCount = structure.DefenderSupporterCount;
        SideCount = structure.SideCount;
        ParticipantState = structure.ParticipantState;
        ParticipantIds = structure.ParticipantIds;
        ParticipantCommitment = structure.ParticipantCommitment;
        ParticipantInScope = structure.ParticipantInScope;
        ParticipantOwnObserver = structure.ParticipantOwnObserver;
        StrikeTargetParticipant = structure.StrikeTargetParticipant;
        StrikeTriggers = structure.StrikeTriggers;
        TriggerableAlliances = structure.TriggerableAlliances;
        AllianceIds = structure.AllianceIds;
        AllianceMembers = structure.AllianceMembers;
        ChallengerCohesion = structure.ChallengerCohesion;
        DefenderCohesion = structure.DefenderCohesion;
        SetValues(scenario, crisis);
    }

    public string Id { get; }

    public int ChallengerState { get; }

    public int DefenderState { get; }

    /// <summary>Gets the challenger's projection π into the theatre (default 1).</summary>
    public double ChallengerProjection { get; private set; }

    public double DefenderProjection { get; private set; }

    /// <summary>Gets the foresight H of the preventive test.</summary>
    public int Foresight { get; private set; }

    public double Decisiveness { get; private set; }

    public double StatusQuo { get; private set; }

    public double ChallengerCost { get; private set; }

    /// <summary>Gets the defender's fixed cost of war c_D, or <see langword="null"/> when the crisis gives none (allowed
    /// under take-it-or-leave-it, whose cost is private).</summary>
    public double? DefenderCost { get; private set; }

    /// <summary>Gets the upper bound c̄ of the defender's private cost, or <see langword="null"/> when the crisis gives none.</summary>
    public double? DefenderCostUpperBound { get; private set; }

    /// <summary>Gets the crisis's own protocol: the engine's built-in strategy unless the caller names another.</summary>
    public BargainingProtocol Protocol { get; private set; }

    public double ChallengerPower { get; private set; }

    /// <summary>Gets δ^H, the discount over the foresight of the preventive test.</summary>
    public double DiscountH { get; private set; }

    public int ChallengerSupporterCount { get; }

    public int DefenderSupporterCount { get; }

    public int SideCount { get; }

    public int[] ParticipantState { get; }

    public string[] ParticipantIds { get; }

    /// <summary>Gets the index of each participant's commitment in the scenario, or -1 for an alliance member only.</summary>
    public int[] ParticipantCommitment { get; }

    /// <summary>Gets each participant's projection π into the theatre.</summary>
    public double[] ParticipantProjection { get; private set; }

    /// <summary>Gets whether the participant's commitment binds in the theatre's region.</summary>
    public bool[] ParticipantInScope { get; }

    /// <summary>Gets 0 when the participant supports the challenger, 1 the defender, -1 neither (alliance member only).</summary>
    public int[] ParticipantOwnObserver { get; }

    public double[] StrikeProbability { get; private set; }

    public int[] StrikeTargetParticipant { get; }

    public int[][] StrikeTriggers { get; }

    public int[] TriggerableAlliances { get; }

    public string[] AllianceIds { get; }

    public double[] AllianceMemberReliability { get; private set; }

    public int[][] AllianceMembers { get; }

    public PerceptionProfile ChallengerPerception { get; private set; }

    /// <summary>Gets the alliance members the challenger reads as opposing supporters under perceived cohesion χ.</summary>
    public CohesionMembers ChallengerCohesion { get; private set; }

    /// <summary>Gets the alliance members the defender reads as opposing supporters under perceived cohesion χ.</summary>
    public CohesionMembers DefenderCohesion { get; private set; }

    public PerceptionProfile DefenderPerception { get; private set; }

    /// <summary>This crisis's structure with the values of <paramref name="crisis"/> in <paramref name="scenario"/>, which
    /// differ from those it was compiled from in numeric fields only.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="crisis">The crisis, with this one's id.</param>
    /// <returns>The compiled crisis.</returns>
    public CompiledCrisis WithValues(Scenario scenario, Crisis crisis) => new(this, scenario, crisis);

    /// <summary>Compiles the values of the crisis (constants, projections, probabilities, perceptions) on its structure.</summary>
    [MemberNotNull(nameof(ParticipantProjection), nameof(StrikeProbability), nameof(AllianceMemberReliability), nameof(ChallengerPerception), nameof(DefenderPerception))]
    private void SetValues(Scenario scenario, Crisis crisis)
    {
        var states = scenario.States;
        var challenger = states[ChallengerState];
        var defender = states[DefenderState];
        double Projection(string id, double otherwise) => crisis.Theatre.Projection.TryGetValue(id, out double pi) ? pi : otherwise;

        ChallengerProjection = Projection(challenger.Id, 1);
        DefenderProjection = Projection(defender.Id, 1);
        Foresight = crisis.Foresight;
        Decisiveness = crisis.Decisiveness;
        StatusQuo = crisis.StatusQuo;
        ChallengerCost = crisis.ChallengerCost;
        Protocol = crisis.Bargaining.Protocol;
        ChallengerPower = crisis.Bargaining.ChallengerPower;
        DefenderCostUpperBound = crisis.Bargaining.DefenderCostUpperBound;
        DefenderCost = crisis.DefenderCost;
        DiscountH = Math.Pow(crisis.Discount, crisis.Foresight);
        StrikeProbability = crisis.Escalation.Select(e => e.Probability).ToArray();
        AllianceMemberReliability = scenario.Alliances.Select(a => a.MemberReliability).ToArray();
        ParticipantProjection = ParticipantState.Select(s => Projection(states[s].Id, crisis.Theatre.DefaultProjection)).ToArray();
        ChallengerCohesion = ChallengerCohesion with { Projection = CohesionProjection(scenario, crisis, ChallengerCohesion.State) };
        DefenderCohesion = DefenderCohesion with { Projection = CohesionProjection(scenario, crisis, DefenderCohesion.State) };
        ChallengerPerception = challenger.Perception;
        DefenderPerception = defender.Perception;
    }

    /// <summary>
    /// Perceived cohesion's members for one observer (DESIGN.md section 3): for each alliance that does not count the
    /// observer among its members and that names at least one commitment to the opponent protagonist (a partnership,
    /// such as NATO's with Japan), every other member that is neither protagonist nor on either side already; each with
    /// the opponent-side participants whose commitments name one of its alliances (the partners whose perceived
    /// reliability it is read at).
    /// </summary>
    private CohesionMembers CohesionOf(Scenario scenario, Crisis crisis, Dictionary<string, int> stateIndex, string observer, int first, int count)
    {
        var sides = new HashSet<int>(ParticipantState.Take(SideCount)) { ChallengerState, DefenderState };
        var members = new List<int>();
        var partners = new List<SortedSet<int>>();
        foreach (var alliance in scenario.Alliances)
        {
            if (alliance.Members.Contains(observer))
            {
                continue;
            }

            var partnered = new List<int>();
            for (int p = first; p < first + count; p++)
            {
                int k = ParticipantCommitment[p];
                if (k >= 0 && scenario.Commitments[k].Alliance == alliance.Id)
                {
                    partnered.Add(p);
                }
            }

            if (partnered.Count == 0)
            {
                continue;
            }

            foreach (var id in alliance.Members)
            {
                int s = stateIndex[id];
                if (sides.Contains(s))
                {
                    continue;
                }

                int i = members.IndexOf(s);
                if (i < 0)
                {
                    members.Add(s);
                    partners.Add([]);
                    i = members.Count - 1;
                }

                partners[i].UnionWith(partnered);
            }
        }

        // The projections are values, set by SetValues.
        return new CohesionMembers(members.ToArray(), [], partners.Select(p => p.ToArray()).ToArray());
    }

    /// <summary>The projections π into the theatre of cohesion's members.</summary>
    private static double[] CohesionProjection(Scenario scenario, Crisis crisis, int[] members) =>
        members.Select(s => crisis.Theatre.Projection.TryGetValue(scenario.States[s].Id, out double pi) ? pi : crisis.Theatre.DefaultProjection).ToArray();

    private int IndexOfDefenderSide(List<(int State, Commitment? Commitment)> participants, int state) =>
        participants.FindIndex(ChallengerSupporterCount, DefenderSupporterCount, x => x.State == state);
}

/// <summary>The alliance members an observer reads as opposing supporters under perceived cohesion: their states,
/// projections π into the theatre, and for each the side participants (partners) whose largest perceived reliability,
/// times χ, it is read at.</summary>
internal sealed record CohesionMembers(int[] State, double[] Projection, int[][] Partners)
{
    public int Count => State.Length;
}
