using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeterrenceSim.Compilation;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// Plays rounds of one crisis (DESIGN.md section 3). One instance per worker: it owns its scratch buffers, so a round
/// allocates nothing. After a war round, <see cref="Fights"/> and <see cref="Triggered"/> hold who fought and which
/// alliances were triggered. The round itself is <see cref="RoundEngine{TProtocol, TPerception, TWarDecision}"/>,
/// generic over the strategies; this base holds what does not depend on them (the draws of supporter noise, war,
/// escalation) and picks the built-in strategies of a crisis once (<see cref="Create"/>).
/// </summary>
internal abstract class RoundEngine
{
    private readonly double[] _epsilons;
    private readonly double[] _defenderEpsilons;
    private readonly double[] _rho;

    protected RoundEngine(CrisisFrame frame)
    {
        Frame = frame;
        var crisis = frame.Crisis;
        // Whole blocks of eight: DrawEpsilons fills four normal pairs a step.
        int padded = (crisis.SideCount + 7) & ~7;
        _epsilons = new double[padded];
        _defenderEpsilons = new double[padded];
        _rho = new double[2 * padded];
        Fights = new bool[crisis.ParticipantIds.Length];
        Chose = new bool[crisis.ParticipantIds.Length];
        Triggered = new bool[crisis.AllianceIds.Length];
    }

    public CrisisFrame Frame { get; }

    /// <summary>Who fought in the last war round (participant order), escalation joins included.</summary>
    public bool[] Fights { get; }

    /// <summary>Which side supporters chose to fight when called on in the last war round (before escalation).</summary>
    public bool[] Chose { get; }

    /// <summary>Which alliances an escalation strike triggered in the last war round.</summary>
    public bool[] Triggered { get; }

    /// <summary>After a war round, each <see cref="Outcomes.MechanismFactor"/>'s Shapley value in it times
    /// <see cref="MechanismGame.Scale"/> (zero for a war without misperception, <see cref="RoundRecord.Unattributable"/>).</summary>
    public int[] Shapley { get; } = new int[MechanismGame.MaxPlayers];

    /// <summary>Scratch for the perceived reliabilities of one pass over the supporters (<see cref="ObserverFrame"/>).</summary>
    protected double[] Rho => _rho;

    /// <summary>The challenger's supporter-noise draws, one per side participant (padded to a multiple of eight).</summary>
    protected double[] Epsilons => _epsilons;

    /// <summary>The defender's supporter-noise draws.</summary>
    protected double[] DefenderEpsilons => _defenderEpsilons;

    /// <summary>An engine with the crisis's built-in strategies: its protocol, the logistic perception and Powell's
    /// preventive test. The dispatch happens here, once, not per round.</summary>
    /// <param name="frame">The crisis frame.</param>
    /// <returns>The engine.</returns>
    public static RoundEngine Create(CrisisFrame frame) => frame.Crisis.Protocol switch
    {
        BargainingProtocol.NashSplit => new RoundEngine<NashSplit, LogisticPerception, PowellPreventiveWar>(frame),
        BargainingProtocol.TakeItOrLeaveIt => new RoundEngine<TakeItOrLeaveIt, LogisticPerception, PowellPreventiveWar>(frame),
        _ => throw new ArgumentOutOfRangeException(nameof(frame), frame.Crisis.Protocol, "Unknown bargaining protocol."),
    };

    /// <summary>Plays one round.</summary>
    /// <param name="key">The round's key (<see cref="RandomStreams.RoundKey"/> or <see cref="RandomStreams.PeriodKey"/>);
    /// every draw of the round but the optimism shocks derives from it.</param>
    /// <param name="shock">The state of the optimism shocks' stream (<see cref="RandomStreams.ShockState"/> in a run of
    /// rounds, <see cref="RandomStreams.StreamState"/>(key, <see cref="StreamPurpose.Shock"/>) in a run over periods).</param>
    /// <param name="record">What happened.</param>
    public abstract void Play(ulong key, ulong shock, out RoundRecord record);

    /// <summary>Plays round <paramref name="round"/> of a run of rounds: <see cref="Play(ulong, ulong, out RoundRecord)"/>
    /// with its key and shock stream.</summary>
    /// <param name="crisisKey">From <see cref="RandomStreams.CrisisKey"/>.</param>
    /// <param name="round">The round index.</param>
    /// <param name="record">What happened.</param>
    public void PlayRound(ulong crisisKey, long round, out RoundRecord record) =>
        Play(RandomStreams.RoundKey(crisisKey, round), RandomStreams.ShockState(crisisKey, round), out record);

    /// <summary>Plays rounds <paramref name="start"/> to <paramref name="end"/> − 1 of a crisis and counts them: what
    /// <see cref="Play(ulong, ulong, out RoundRecord)"/> and <see cref="RoundTally.Add(in RoundRecord, RoundEngine)"/> round by round would count, bit for bit, played in batches.</summary>
    /// <param name="crisisKey">The crisis's key (<see cref="RandomStreams.CrisisKey"/>); round r's key is
    /// <see cref="RandomStreams.RoundKey"/>(crisisKey, r).</param>
    /// <param name="start">The first round index.</param>
    /// <param name="end">One past the last round index.</param>
    /// <param name="tally">Receives the counts; its settlement sums are continued in round order.</param>
    public abstract void PlayRounds(ulong crisisKey, long start, long end, RoundTally tally);

    /// <summary>Recomputes the frame from the world (a new period of a run) and what the strategies derive from it.</summary>
    /// <param name="world">The world.</param>
    /// <param name="commitmentsChanged">Whether the world's commitments may have changed since the last update
    /// (<see cref="CrisisFrame.UpdatePeriod"/>).</param>
    public void Update(WorldState world, bool commitmentsChanged)
    {
        Frame.UpdatePeriod(world, commitmentsChanged);
        Refresh();
    }

    /// <summary>Recomputes what the strategies derive from the frame; called after every change of the frame.</summary>
    protected abstract void Refresh();

    /// <summary>
    /// One standard normal per side participant from the purpose's stream (<see cref="RandomStreams.Stream"/>), four
    /// Box-Muller pairs a step: block b of eight participants takes words 8b to 8b + 7 in pairs (radius, angle), and
    /// pair l of the block gives participants 8b + l (r cos θ) and 8b + 4 + l (r sin θ) — the pairs of
    /// <see cref="SplitMix64.NextNormalPair"/> drawn in order from the stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    protected void DrawEpsilons(ulong key, StreamPurpose purpose)
    {
        var eps = purpose == StreamPurpose.DefenderSupporterNoise ? _defenderEpsilons : _epsilons;
        var states = VectorMath.PairStates(RandomStreams.StreamState(key, purpose));
        for (int p = 0; p < eps.Length; p += 8)
        {
            VectorMath.NextNormalPairs(ref states, out var cosine, out var sine);
            cosine.StoreUnsafe(ref eps[p]);
            sine.StoreUnsafe(ref eps[p + 4]);
        }
    }

    /// <summary>War: realised support, escalation, and the victory draw with the true coalitions.</summary>
    protected void War(ulong key, ref RoundRecord record)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        var fights = Fights;
        int nC = crisis.ChallengerSupporterCount;
        int nSides = crisis.SideCount;
        record.Outcome = Outcome.War;
        record.Settlement = double.NaN;

        var support = RandomStreams.Stream(key, StreamPurpose.Support);
        double challengerSide = Support(ref support, 0, nC, frame.RealisedChallengerStrength);
        double defenderSide = Support(ref support, nC, nSides, frame.RealisedDefenderStrength);

        Array.Clear(fights, nSides, fights.Length - nSides);
        Array.Clear(Triggered);
        if (crisis.StrikeProbability.Length > 0)
        {
            defenderSide += Escalate(key);
        }

        record.ChallengerRealisedStrength = challengerSide;
        record.DefenderRealisedStrength = defenderSide;
        // γ = 1 (every embedded crisis): the ratio itself, which is what pow(x, 1) returns (exactly) without a call
        // to the C library's pow, about 30 ns a war.
        double ratio = crisis.Decisiveness == 1 ? defenderSide / challengerSide : Math.Pow(defenderSide / challengerSide, crisis.Decisiveness);
        double truth = 1.0 / (1.0 + ratio);
        record.ChallengerWins = RandomStreams.Stream(key, StreamPurpose.Victory).NextDouble() < truth;
    }

    /// <summary>Realised support of participants <paramref name="first"/> to <paramref name="end"/> − 1 (one uniform each,
    /// in order, against its true reliability), added to <paramref name="side"/> in participant order. Without a branch
    /// on the draw: whether a supporter fights is a coin flip the branch predictor cannot learn. Four participants'
    /// uniforms at a time (words k to k + 3 of the stream, <see cref="VectorMath.Uniform"/>: the bits of
    /// <see cref="SplitMix64.NextDouble"/>), their strengths still added one by one in order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private double Support(ref SplitMix64 support, int first, int end, double side)
    {
        var fights = Fights;
        var chose = Chose;
        var strength = Frame.RealisedStrength;
        var reliability = Frame.Reliability;
        int p = first;
        if (end - first >= 4)
        {
            var states = Vector256.Create(support.State) + (Vector256.Create(0UL, 1, 2, 3) * Vector256.Create(VectorMath.Gamma));
            for (; p + 4 <= end; p += 4)
            {
                var fight = Vector256.LessThan(VectorMath.Uniform(VectorMath.Mix(states)), Vector256.LoadUnsafe(ref reliability[p]));
                var added = Vector256.LoadUnsafe(ref strength[p]) & fight; // strength[p] or +0.0, as below
                side += added.GetElement(0);
                side += added.GetElement(1);
                side += added.GetElement(2);
                side += added.GetElement(3);

                // The four flags as four bytes 0 or 1, in the array's order.
                uint bits = fight.ExtractMostSignificantBits();
                uint bytes = (bits & 1) | ((bits & 2) << 7) | ((bits & 4) << 14) | ((bits & 8) << 21);
                bytes = BitConverter.IsLittleEndian ? bytes : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bytes);
                Unsafe.WriteUnaligned(ref Unsafe.As<bool, byte>(ref fights[p]), bytes);
                Unsafe.WriteUnaligned(ref Unsafe.As<bool, byte>(ref chose[p]), bytes);
                states += Vector256.Create(unchecked(4 * VectorMath.Gamma));
            }

            support.State += unchecked((ulong)(p - first) * VectorMath.Gamma);
        }

        for (; p < end; p++)
        {
            bool fight = support.NextDouble() < reliability[p];
            fights[p] = fight;
            chose[p] = fight;

            // strength[p] or +0.0 (what "fight ? strength[p] : 0" adds), by a mask of the sign-extended bool.
            long mask = -(long)Unsafe.As<bool, byte>(ref fight);
            side += BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(strength[p]) & mask);
        }

        return side;
    }

    /// <summary>Escalation strikes and alliance triggers (DESIGN.md section 3); returns the strength added to D's side.</summary>
    private double Escalate(ulong key)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        var fights = Fights;
        var triggered = Triggered;
        var stream = RandomStreams.Stream(key, StreamPurpose.Escalation);
        double added = 0;
        bool any = false;
        for (int e = 0; e < crisis.StrikeProbability.Length; e++)
        {
            if (stream.NextDouble() >= crisis.StrikeProbability[e])
            {
                continue;
            }

            int target = crisis.StrikeTargetParticipant[e];
            if (target >= 0 && !fights[target])
            {
                fights[target] = true;
                added += frame.RealisedStrength[target];
            }

            foreach (int a in crisis.StrikeTriggers[e])
            {
                triggered[a] = true;
                any = true;
            }
        }

        if (!any)
        {
            return added;
        }

        foreach (int a in crisis.TriggerableAlliances)
        {
            if (!triggered[a])
            {
                continue;
            }

            double memberReliability = crisis.AllianceMemberReliability[a];
            foreach (int m in crisis.AllianceMembers[a])
            {
                bool joins = stream.NextDouble() < memberReliability;
                if (joins && !fights[m])
                {
                    fights[m] = true;
                    added += frame.RealisedStrength[m];
                }
            }
        }

        return added;
    }
}
