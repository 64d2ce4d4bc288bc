using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// One round of a crisis with its strategies as type arguments (DESIGN.md section 3): the preventive test
/// (<typeparamref name="TWarDecision"/>), then the bargaining (<typeparamref name="TProtocol"/>) on beliefs formed by
/// <typeparamref name="TPerception"/>, the attribution of a bargaining war, and war. The strategies are structs with
/// static members, so each closed type is compiled for its strategies and their calls are inlined: no virtual call
/// or delegate per round.
/// </summary>
/// <typeparam name="TProtocol">The bargaining protocol.</typeparam>
/// <typeparam name="TPerception">The perception model.</typeparam>
/// <typeparam name="TWarDecision">The preventive-war decision.</typeparam>
internal sealed class RoundEngine<TProtocol, TPerception, TWarDecision> : RoundEngine
    where TProtocol : struct, IBargainingProtocol
    where TPerception : struct, IPerceptionModel
    where TWarDecision : struct, IPreventiveWarDecision
{
    /// <summary>Rounds a batch: the vector phase fills this many, four at a time.</summary>
    private const int Batch = 128;

    // A batch's shocks, beliefs and (under a private cost) defender's costs, filled by DrawBatch.
    private readonly double[] _etaC = new double[Batch];
    private readonly double[] _etaD = new double[Batch];
    private readonly double[] _beliefC = new double[Batch];
    private readonly double[] _beliefD = new double[Batch];
    private readonly double[] _deepenedC = new double[Batch];
    private readonly double[] _cost = new double[Batch];
    private readonly double[] _settlement = new double[Batch];

    private readonly BargainingTerms _bargaining;
    private readonly PreventiveTerms _preventive;
    private readonly double _defenderCost;
    private bool _preventivePossible;
    private bool _accuratePreventive;
    private bool _accuratePreventiveKnown;
    private bool _attributionPrepared;

    // The attribution's game: the factors that matter this period (players: the challenger's first, then the
    // defender's), the observer mask of each part of a coalition, the coalition parts' beliefs, scratch.
    private readonly int[] _players = new int[MechanismGame.MaxPlayers];
    private readonly int[] _challengerParts = new int[ObserverFrame.AllFactors + 1];
    private readonly int[] _defenderParts = new int[ObserverFrame.AllFactors + 1];
    private readonly double[] _logits = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _deepenedLogits = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _defenderLogits = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _partBeliefC = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _partBeliefD = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _partDeepenedC = new double[ObserverFrame.AllFactors + 1];
    private readonly ulong[] _challengerPartNoise = new ulong[ObserverFrame.AllFactors + 1];
    private readonly ulong[] _defenderPartNoise = new ulong[ObserverFrame.AllFactors + 1];

    // The parts without the noise factor come first (the noise factor is each observer's last player); without supporter
    // noise their beliefs are the period's, worked out at its first war (built-in perception) and kept in place.
    private int _quietChallengerParts;
    private int _quietDefenderParts;
    private bool _quietPartsKnown;
    private readonly ulong[] _game = new ulong[4];
    private readonly int[] _phi = new int[MechanismGame.MaxPlayers];

    // The game's values already worked out (a pure function of the game's words for the period's players): a
    // direct-mapped table of MemoSize games, each with its flags (valid, unattributable, the but-for factors) and
    // Shapley values by factor. Wars of a crisis play few distinct games, so most wars find theirs here.
    private const int MemoBits = 8;
    private const int MemoSize = 1 << MemoBits;
    private const int MemoValid = 1 << 9;
    private const int MemoUnattributable = 1 << 8;
    private readonly ulong[] _memoGames = new ulong[MemoSize * 4];
    private readonly int[] _memoFlags = new int[MemoSize];
    private readonly int[] _memoShapley = new int[MemoSize * MechanismGame.MaxPlayers];

    // Per challenger mask: whether its preventive test can fire (the skip of Refresh, mask by mask); without noise the
    // beliefs and the test are constant within a period and kept here.
    private readonly bool[] _maskPreventivePossible = new bool[ObserverFrame.AllFactors + 1];
    private readonly double[] _quietChallengerBeliefs = new double[ObserverFrame.AllFactors + 1];
    private readonly double[] _quietDefenderBeliefs = new double[ObserverFrame.AllFactors + 1];
    private int _quietPreventive;
    private bool _anyMaskPreventive;

    private readonly int[] _distinctMasks = new int[ObserverFrame.AllFactors + 1];
    private readonly int[] _distinctDefenderMasks = new int[ObserverFrame.AllFactors + 1];

    // The null factors the game was built for: the challenger's in the low four bits, the defender's above (-1: none yet).
    private int _nullFactors = -1;
    private int _playerCount;
    private int _challengerPlayerCount;

    /// <summary>Initializes a new instance of the <see cref="RoundEngine{TProtocol, TPerception, TWarDecision}"/> class.</summary>
    /// <param name="frame">The crisis frame; <see cref="RoundEngine.Update"/> recomputes it, or it stays as it is.</param>
    public RoundEngine(CrisisFrame frame)
        : base(frame)
    {
        var crisis = frame.Crisis;
        double upperBound = crisis.DefenderCostUpperBound ?? 0;
        _defenderCost = crisis.DefenderCost ?? 0;
        _bargaining = new BargainingTerms(crisis.StatusQuo, crisis.ChallengerCost, crisis.ChallengerPower, upperBound);

        // The preventive test plans with the expected private cost c̄/2 when the cost is private (DESIGN.md section 3).
        _preventive = new PreventiveTerms(crisis.DiscountH, crisis.ChallengerCost, TProtocol.PrivateDefenderCost ? upperBound / 2 : _defenderCost);
        Refresh();
    }

    /// <summary>
    /// Whether the preventive test can fire at all this period (what the attribution and a preventive war need besides
    /// waits for the period's first war: <see cref="PrepareAttribution"/>, <see cref="AccuratePreventive"/>). Without
    /// supporter noise the challenger's belief logits now and after the foresight differ by a constant ΔL, so
    /// p̂ − p̂' is at most the perception's <see cref="IPerceptionModel.LargestDecline"/>(ΔL) whatever the optimism
    /// shock; if the decision cannot strike with that decline, p̂' need not be computed (results are unchanged).
    /// </summary>
    protected override void Refresh()
    {
        var frame = Frame;
        var challenger = frame.Challenger;
        var defender = frame.Defender;
        if (_nullFactors != (challenger.NullFactors | (defender.NullFactors << 4)))
        {
            FindPlayers(challenger.NullFactors, defender.NullFactors);
        }

        // Every factor on is the observer as it is: its logits are ConstantLogit and ConstantDeepenedLogit. What the
        // other masks need waits for the period's first war (PrepareAttribution), as does the accurate observer's test.
        double gap = challenger.ConstantLogit - challenger.ConstantDeepenedLogit;
        _preventivePossible = challenger.HasSupporterNoise || (gap > 0 && TWarDecision.CanStrike(in _preventive, TPerception.LargestDecline(gap)));
        _attributionPrepared = false;
        _accuratePreventiveKnown = false;
    }

    /// <summary>Whether the preventive test fires with accurate perception this period (a preventive war's
    /// <see cref="RoundRecord.PreventiveFromMisperception"/>).</summary>
    private bool AccuratePreventive()
    {
        if (!_accuratePreventiveKnown)
        {
            var frame = Frame;
            _accuratePreventive = TWarDecision.IsPreventive(in _preventive, frame.AccurateWinProbability, CrisisFrame.Logistic(frame.Accurate.ConstantDeepenedLogit));
            _accuratePreventiveKnown = true;
        }

        return _accuratePreventive;
    }

    /// <summary>
    /// What the attribution needs per mask and is constant in the period, worked out at its first war: whether each
    /// mask's preventive test can fire (the bound of <see cref="Refresh"/>, mask by mask) and, without noise, fires.
    /// </summary>
    private void PrepareAttribution()
    {
        _attributionPrepared = true;
        var frame = Frame;
        var challenger = frame.Challenger;
        var defender = frame.Defender;

        // What is constant in the period, per mask. A mask whose constant logits are bit for bit an earlier mask's (the
        // noise bit always, a factor of zero) takes that mask's numbers: the strategies are pure functions.
        _quietPreventive = 0;
        _quietPartsKnown = false;
        int challengerDistinct = 0, defenderDistinct = 0;
        bool quietBeliefsUsed = typeof(TPerception) != typeof(LogisticPerception);
        for (int m = 0; m <= ObserverFrame.AllFactors; m++)
        {
            long logit = BitConverter.DoubleToInt64Bits(challenger.ConstantLogits[m]);
            long deepened = BitConverter.DoubleToInt64Bits(challenger.ConstantDeepenedLogits[m]);
            int same = 0;
            while (same < challengerDistinct
                && (BitConverter.DoubleToInt64Bits(challenger.ConstantLogits[_distinctMasks[same]]) != logit
                    || BitConverter.DoubleToInt64Bits(challenger.ConstantDeepenedLogits[_distinctMasks[same]]) != deepened))
            {
                same++;
            }

            if (same < challengerDistinct)
            {
                int earlier = _distinctMasks[same];
                _maskPreventivePossible[m] = _maskPreventivePossible[earlier];
                _quietChallengerBeliefs[m] = _quietChallengerBeliefs[earlier];
                _quietPreventive |= ((_quietPreventive >> earlier) & 1) << m;
            }
            else
            {
                _distinctMasks[challengerDistinct++] = m;
                double maskGap = challenger.ConstantLogits[m] - challenger.ConstantDeepenedLogits[m];
                _maskPreventivePossible[m] = challenger.HasSupporterNoise
                    || (maskGap > 0 && TWarDecision.CanStrike(in _preventive, TPerception.LargestDecline(maskGap)));
                // The built-in perception's attribution computes its beliefs in the war round (PartBeliefs): here only the
                // preventive test needs them.
                _quietChallengerBeliefs[m] = !quietBeliefsUsed && !_maskPreventivePossible[m] ? 0 : TPerception.Belief(challenger.ConstantLogits[m], 0, 0);
                if (_maskPreventivePossible[m]
                    && TWarDecision.IsPreventive(in _preventive, _quietChallengerBeliefs[m], TPerception.Belief(challenger.ConstantDeepenedLogits[m], 0, 0)))
                {
                    _quietPreventive |= 1 << m;
                }
            }

            if (!quietBeliefsUsed)
            {
                continue;
            }

            long defenderLogit = BitConverter.DoubleToInt64Bits(defender.ConstantLogits[m]);
            same = 0;
            while (same < defenderDistinct && BitConverter.DoubleToInt64Bits(defender.ConstantLogits[_distinctDefenderMasks[same]]) != defenderLogit)
            {
                same++;
            }

            if (same < defenderDistinct)
            {
                _quietDefenderBeliefs[m] = _quietDefenderBeliefs[_distinctDefenderMasks[same]];
            }
            else
            {
                _distinctDefenderMasks[defenderDistinct++] = m;
                _quietDefenderBeliefs[m] = TPerception.Belief(defender.ConstantLogits[m], 0, 0);
            }
        }

        _anyMaskPreventive = Array.IndexOf(_maskPreventivePossible, true) >= 0;
    }

    /// <summary>
    /// The attribution's game for the observers' null factors: the players (the factors that matter), and each observer's
    /// mask for each part of a coalition. The null factors rarely change between periods (they follow the perception
    /// profiles), so this runs only when they do; it empties the memo of games, whose bits mean other players now.
    /// </summary>
    private void FindPlayers(int challengerMask, int defenderMask)
    {
        _nullFactors = challengerMask | (defenderMask << 4);

        // The players: factor f belongs to the challenger (factors 0, 1, 4, 6) or the defender (2, 3, 5, 7), as one of
        // its observer's factor bits; a null factor stays on in every coalition (it changes nothing). The challenger's
        // players come first, so a coalition r is a challenger's part r mod 2^pc and a defender's part r / 2^pc (pc: the
        // challenger's players): each observer's belief depends on its part only. Shapley values and but-for factors do
        // not depend on the players' order.
        _playerCount = 0;
        foreach (bool side in (ReadOnlySpan<bool>)[true, false])
        {
            for (int f = 0; f < MechanismGame.MaxPlayers; f++)
            {
                var (challenger, bit) = FactorBit(f);
                if (challenger == side && ((challenger ? challengerMask : defenderMask) & bit) == 0)
                {
                    _players[_playerCount++] = f;
                }
            }

            _challengerPlayerCount = side ? _playerCount : _challengerPlayerCount;
        }

        _quietChallengerParts = Parts(_challengerParts, _challengerPartNoise, challengerMask, 0, _challengerPlayerCount);
        _quietDefenderParts = Parts(_defenderParts, _defenderPartNoise, defenderMask, _challengerPlayerCount, _playerCount - _challengerPlayerCount);
        Array.Clear(_memoFlags);
    }

    /// <summary>The observer mask of each part of a coalition: the null factors and the factors of the part's players
    /// (players <paramref name="first"/> on, <paramref name="count"/> of them); and whether the mask has the noise factor
    /// (all bits set) or not (0). Returns how many parts lack the noise factor: they come first, as the noise factor is
    /// the observer's last factor (factor 6 of the challenger's 0, 1, 4, 6; 7 of the defender's 2, 3, 5, 7).</summary>
    private int Parts(int[] parts, ulong[] noise, int nullMask, int first, int count)
    {
        int quiet = 0;
        for (int part = 0; part < 1 << count; part++)
        {
            int mask = nullMask;
            for (int j = 0; j < count; j++)
            {
                mask |= (part & (1 << j)) != 0 ? FactorBit(_players[first + j]).Bit : 0;
            }

            parts[part] = mask;
            noise[part] = (mask & ObserverFrame.NoiseFactor) != 0 ? ulong.MaxValue : 0;
            quiet += (mask & ObserverFrame.NoiseFactor) == 0 && quiet == part ? 1 : 0;
        }

        return quiet;
    }

    /// <summary>The beliefs of an observer's coalition parts, logistic(L_m + σ_m η) of each part's mask m with σ_m = σ where
    /// the mask has the noise factor and 0 elsewhere, four at a time: the bits of <see cref="LogisticPerception.Belief"/>
    /// part by part. Parts <paramref name="first"/> to <paramref name="count"/> − 1 (and up to three beyond, unused).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private static void PartBeliefs(double[] beliefs, ReadOnlySpan<double> logits, int[] parts, ulong[] noise, int first, int count, double sigma, double eta)
    {
        // σ_m is σ masked by the part's noise bits (+0.0 without the factor). The logits go into the vector register by
        // register, not through memory: four 8-byte stores read back as one 32-byte load stall the store forwarding.
        var sigmas = Vector256.Create(sigma);
        var shock = Vector256.Create(eta);
        for (int part = first; part < count; part += 4)
        {
            var logit = Vector256.Create(logits[parts[part]], logits[parts[part + 1]], logits[parts[part + 2]], logits[parts[part + 3]]);
            var scale = Vector256.LoadUnsafe(ref noise[part]).AsDouble() & sigmas;
            VectorMath.Logistic(logit + (scale * shock)).StoreUnsafe(ref beliefs[part]);
        }
    }

    /// <summary>The game under <see cref="NashSplit"/>: coalition r = rc + 2^pc rd is a war where the challenger's part
    /// rc strikes preventively (bit rc of <paramref name="preventive"/>) or its lower bound p̂_C − c_C exceeds the upper
    /// bound p̂_D + c_D of the defender's part rd (<see cref="NashSplit.IsWar(in BargainingTerms, double, double, double, out double)"/>'s operations), four parts rc at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private static void NashSplitGame(Span<ulong> game, double[] beliefC, double[] beliefD, int pc, int pd, double challengerCost, double defenderCost, int preventive)
    {
        int nc = 1 << pc;
        var cost = Vector256.Create(challengerCost);
        var lower0 = Vector256.LoadUnsafe(ref beliefC[0]) - cost;
        var lower1 = Vector256.LoadUnsafe(ref beliefC[4]) - cost;
        var lower2 = Vector256.LoadUnsafe(ref beliefC[8]) - cost;
        var lower3 = Vector256.LoadUnsafe(ref beliefC[12]) - cost;
        uint keep = (1u << nc) - 1;
        for (int rd = 0; rd < 1 << pd; rd++)
        {
            var upper = Vector256.Create(beliefD[rd] + defenderCost);
            uint column = Vector256.GreaterThan(lower0, upper).ExtractMostSignificantBits();
            if (nc > 4)
            {
                column |= (Vector256.GreaterThan(lower1, upper).ExtractMostSignificantBits() << 4)
                    | (Vector256.GreaterThan(lower2, upper).ExtractMostSignificantBits() << 8)
                    | (Vector256.GreaterThan(lower3, upper).ExtractMostSignificantBits() << 12);
            }

            int r = rd << pc;
            game[r >> 6] |= (ulong)((column & keep) | (uint)preventive) << (r & 63);
        }
    }

    /// <summary>Factor f (the order of <see cref="MechanismFactor"/>) as its observer and that observer's factor bit.</summary>
    private static (bool Challenger, int Bit) FactorBit(int f) => f switch
    {
        0 => (true, ObserverFrame.OwnCredulityFactor),
        1 => (true, ObserverFrame.OpponentCredulityFactor),
        2 => (false, ObserverFrame.OwnCredulityFactor),
        3 => (false, ObserverFrame.OpponentCredulityFactor),
        4 => (true, ObserverFrame.CapabilityBiasFactor),
        5 => (false, ObserverFrame.CapabilityBiasFactor),
        6 => (true, ObserverFrame.NoiseFactor),
        _ => (false, ObserverFrame.NoiseFactor),
    };

    /// <inheritdoc/>
    public override void Play(ulong key, ulong shock, out RoundRecord record)
    {
        var frame = Frame;
        var crisis = frame.Crisis;
        record = default;

        double etaC = 0, etaD = 0;
        if (frame.Challenger.Noise > 0 || frame.Defender.Noise > 0)
        {
            new SplitMix64(shock).NextNormalPair(out etaC, out etaD);
        }

        double logitC, deepenedLogitC, logitD;
        if (frame.Challenger.HasSupporterNoise)
        {
            DrawEpsilons(key, StreamPurpose.ChallengerSupporterNoise);
            var eps = Epsilons.AsSpan(0, crisis.SideCount);
            logitC = frame.Challenger.Belief(frame, deepened: false, eps, Rho, out record.ChallengerPerceivedStrength);
            deepenedLogitC = frame.Challenger.Belief(frame, deepened: true, eps, Rho, out _);
        }
        else
        {
            logitC = frame.Challenger.ConstantLogit;
            deepenedLogitC = frame.Challenger.ConstantDeepenedLogit;
            record.ChallengerPerceivedStrength = frame.Challenger.ConstantOwnStrength;
        }

        if (frame.Defender.HasSupporterNoise)
        {
            DrawEpsilons(key, StreamPurpose.DefenderSupporterNoise);
            logitD = frame.Defender.Belief(frame, deepened: false, DefenderEpsilons.AsSpan(0, crisis.SideCount), Rho, out record.DefenderPerceivedStrength);
        }
        else
        {
            logitD = frame.Defender.ConstantLogit;
            record.DefenderPerceivedStrength = frame.Defender.ConstantOwnStrength;
        }

        // Positive η is optimistic for its holder: it raises C's belief in C's chance and lowers D's.
        double sigmaC = frame.Challenger.Noise, sigmaD = frame.Defender.Noise;
        double beliefC = TPerception.Belief(logitC, sigmaC, etaC);
        double beliefD = TPerception.Belief(logitD, sigmaD, -etaD);
        double deepenedC = _preventivePossible ? TPerception.Belief(deepenedLogitC, sigmaC, etaC) : 0;
        Decide(key, etaC, etaD, beliefC, beliefD, deepenedC, ref record);
    }

    /// <inheritdoc/>
    public override void PlayRounds(ulong crisisKey, long start, long end, RoundTally tally)
    {
        var frame = Frame;
        if (frame.Challenger.HasSupporterNoise || frame.Defender.HasSupporterNoise)
        {
            // Each round draws its own supporter noise (vectorised across the supporters, inside Play).
            for (long round = start; round < end; round++)
            {
                PlayRound(crisisKey, round, out var record);
                tally.Add(record, this);
            }

            return;
        }

        for (long first = start; first < end; first += Batch)
        {
            int count = (int)Math.Min(Batch, end - first);
            DrawBatch(crisisKey, first);
            DecideBatch(crisisKey, first, count, tally);
        }
    }

    /// <summary>
    /// The first phase of a batch of rounds without supporter noise: each round's optimism shocks, beliefs now and after
    /// the foresight, and (under a private cost) the defender's cost, four rounds a step, with no call inside the loop.
    /// Lane for lane the same bits as <see cref="Play(ulong, ulong, out RoundRecord)"/>: the pair of <see cref="SplitMix64.NextNormalPair"/> from
    /// <see cref="RandomStreams.ShockStream"/>, the logistic of <see cref="VectorMath"/>, the cost from the stream of
    /// <see cref="RandomStreams.RoundKey"/>. A perception other than the built-in logistic takes its beliefs from
    /// <typeparamref name="TPerception"/> round by round.
    /// </summary>
    private void DrawBatch(ulong crisisKey, long first)
    {
        // Each step is its own loop in its own method: one loop with every function inlined outgrows the JIT's inlining
        // budget, and a call left inside a vector loop costs every vector register (measured: 40 ns a round against 13).
        var challenger = Frame.Challenger;
        var defender = Frame.Defender;
        if (challenger.Noise > 0 || defender.Noise > 0)
        {
            RandomStreams.FillShocks(crisisKey, first, _etaC, _etaD);
        }
        else
        {
            Array.Clear(_etaC);
            Array.Clear(_etaD);
        }

        if (TProtocol.PrivateDefenderCost)
        {
            DrawCosts(crisisKey, first);
        }

        if (typeof(TPerception) == typeof(LogisticPerception))
        {
            LogisticBeliefs(challenger.ConstantLogit, challenger.Noise, defender.ConstantLogit, defender.Noise);
            if (_preventivePossible)
            {
                DeepenedBeliefs(challenger.ConstantDeepenedLogit, challenger.Noise);
            }

            return;
        }

        for (int i = 0; i < Batch; i++)
        {
            _beliefC[i] = TPerception.Belief(challenger.ConstantLogit, challenger.Noise, _etaC[i]);
            _beliefD[i] = TPerception.Belief(defender.ConstantLogit, defender.Noise, -_etaD[i]);
            _deepenedC[i] = _preventivePossible ? TPerception.Belief(challenger.ConstantDeepenedLogit, challenger.Noise, _etaC[i]) : 0;
        }
    }

    /// <summary>The defender's private cost of each round of the batch: the first uniform of the round key's
    /// <see cref="StreamPurpose.PrivateCost"/> stream times c̄, as in <see cref="Decide"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private void DrawCosts(ulong crisisKey, long first)
    {
        var crisis = Vector256.Create(crisisKey);
        var costState = Vector256.Create(unchecked((ulong)StreamPurpose.PrivateCost * RandomStreams.PurposeMultiplier));
        var round = Vector256.Create((ulong)first) + Vector256.Create(0UL, 1, 2, 3);
        var upperBound = Vector256.Create(_bargaining.DefenderCostUpperBound);
        for (int i = 0; i < Batch; i += 4)
        {
            var key = VectorMath.Mix(crisis ^ VectorMath.Mix(round));
            (VectorMath.Uniform(VectorMath.Mix(key ^ costState)) * upperBound).StoreUnsafe(ref _cost[i]);
            round += Vector256.Create(4UL);
        }
    }

    /// <summary>Both protagonists' beliefs of the batch, four rounds a step, the two logistics of a step independent (their
    /// divisions overlap in the divider): logistic(L + σ η), η negated for the defender (whose optimism lowers C's chance),
    /// the bits of <see cref="LogisticPerception.Belief"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private void LogisticBeliefs(double challengerLogit, double challengerNoise, double defenderLogit, double defenderNoise)
    {
        var lC = Vector256.Create(challengerLogit);
        var sigmaC = Vector256.Create(challengerNoise);
        var lD = Vector256.Create(defenderLogit);
        var sigmaD = Vector256.Create(defenderNoise);
        var sign = Vector256.Create(-0.0).AsUInt64(); // −η by its sign bit, as the scalar negation (−0 for +0)
        for (int i = 0; i < Batch; i += 4)
        {
            var etaC = Vector256.LoadUnsafe(ref _etaC[i]);
            var etaD = (Vector256.LoadUnsafe(ref _etaD[i]).AsUInt64() ^ sign).AsDouble();
            VectorMath.Logistic(lC + (sigmaC * etaC)).StoreUnsafe(ref _beliefC[i]);
            VectorMath.Logistic(lD + (sigmaD * etaD)).StoreUnsafe(ref _beliefD[i]);
        }
    }

    /// <summary>The challenger's beliefs after the foresight of the batch, logistic(L' + σ η), four at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private void DeepenedBeliefs(double logit, double noise)
    {
        var l = Vector256.Create(logit);
        var sigma = Vector256.Create(noise);
        for (int i = 0; i < Batch; i += 4)
        {
            VectorMath.Logistic(l + (sigma * Vector256.LoadUnsafe(ref _etaC[i]))).StoreUnsafe(ref _deepenedC[i]);
        }
    }

    /// <summary>
    /// The second phase: each round's decision in order. A peaceful round is counted here (outcome and the settlement
    /// sums, in round order as <see cref="RoundTally.Add(in RoundRecord, RoundEngine)"/> adds them); a war round is played again by
    /// <see cref="Decide"/> from its key and beliefs (attribution, support, escalation, victory) and counted by
    /// <see cref="RoundTally.Add(in RoundRecord, RoundEngine)"/>. Under <see cref="NashSplit"/> (with Powell's preventive
    /// test, or none that can fire this period) the decisions are made four rounds at a time instead
    /// (<see cref="DecideNashSplitBatch"/>), with the same counts and bits.
    /// </summary>
    private void DecideBatch(ulong crisisKey, long first, int count, RoundTally tally)
    {
        if (typeof(TProtocol) == typeof(NashSplit) && (typeof(TWarDecision) == typeof(PowellPreventiveWar) || !_preventivePossible))
        {
            DecideNashSplitBatch(crisisKey, first, count, tally);
            return;
        }

        var counts = tally.Counts;
        double sum = tally.SettlementSum, squares = tally.SettlementSumOfSquares;
        long deterred = 0, peaceful = 0;
        bool preventive = _preventivePossible;
        double statusQuo = _bargaining.StatusQuo;
        for (int i = 0; i < count; i++)
        {
            double beliefC = _beliefC[i], beliefD = _beliefD[i];
            double defenderCost = TProtocol.PrivateDefenderCost ? _cost[i] : _defenderCost;
            double settlement = 0;
            bool war = (preventive && TWarDecision.IsPreventive(in _preventive, beliefC, _deepenedC[i]))
                || TProtocol.IsWar(in _bargaining, beliefC, beliefD, defenderCost, out settlement);
            if (war)
            {
                PlayWar(crisisKey, first, i, tally);
                continue;
            }

            if (!(settlement >= 0 && settlement <= 1))
            {
                throw SettlementOutOfRange(settlement);
            }

            // Counted without a branch: which side of q a settlement falls is a coin flip the predictor cannot learn.
            deterred += settlement <= statusQuo ? 1 : 0;
            peaceful++;
            sum += settlement;
            squares += settlement * settlement;
        }

        counts[RoundTally.OutcomeOffset + (int)Outcome.Deterred] += deterred;
        counts[RoundTally.OutcomeOffset + (int)Outcome.Concession] += peaceful - deterred;
        tally.SettlementSum = sum;
        tally.SettlementSumOfSquares = squares;
    }

    /// <summary>
    /// <see cref="DecideBatch"/> under <see cref="NashSplit"/> (and Powell's preventive test, or none this period): the
    /// decisions four rounds at a time (<see cref="Settle"/>), then the settlement sums in round order over the rounds
    /// at peace (a war's settlement is +0 there, which leaves both sums' bits as they are), then each war in round order
    /// played again by <see cref="Decide"/>. The same counts and bits as the round-by-round loop.
    /// </summary>
    private void DecideNashSplitBatch(ulong crisisKey, long first, int count, RoundTally tally)
    {
        Span<ulong> wars = stackalloc ulong[Batch / 64];
        int deterred = Settle(count, wars, out int invalid);
        if (invalid >= 0)
        {
            throw SettlementOutOfRange(_settlement[invalid]);
        }

        double sum = tally.SettlementSum, squares = tally.SettlementSumOfSquares;
        for (int i = 0; i < count; i++)
        {
            double settlement = _settlement[i];
            sum += settlement;
            squares += settlement * settlement;
        }

        tally.SettlementSum = sum;
        tally.SettlementSumOfSquares = squares;

        int warCount = 0;
        for (int w = 0; w < wars.Length; w++)
        {
            for (ulong bits = wars[w]; bits != 0; bits &= bits - 1)
            {
                int i = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                PlayWar(crisisKey, first, i, tally);
                warCount++;
            }
        }

        var counts = tally.Counts;
        counts[RoundTally.OutcomeOffset + (int)Outcome.Deterred] += deterred;
        counts[RoundTally.OutcomeOffset + (int)Outcome.Concession] += count - warCount - deterred;
    }

    /// <summary>The batch's first <paramref name="count"/> rounds decided four at a time by <see cref="NashSplit"/>'s and
    /// <see cref="PowellPreventiveWar"/>'s operations (the preventive test first, as in <see cref="Decide"/>): a bit per
    /// war round in <paramref name="wars"/>, each settlement in <c>_settlement</c> (+0 in war).</summary>
    /// <returns>The rounds deterred (at peace with a settlement at most the status quo); <paramref name="invalid"/> is
    /// the first round at peace whose settlement is outside [0, 1] (NaN), or −1.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private int Settle(int count, Span<ulong> wars, out int invalid)
    {
        bool preventive = typeof(TWarDecision) == typeof(PowellPreventiveWar) && _preventivePossible;
        var defenderCost = Vector256.Create(_defenderCost);
        var statusQuo = Vector256.Create(_bargaining.StatusQuo);
        Span<ulong> deterred = stackalloc ulong[Batch / 64];
        Span<ulong> outside = stackalloc ulong[Batch / 64];
        deterred.Clear();
        outside.Clear();
        wars.Clear();
        for (int i = 0; i < Batch; i += 4)
        {
            var beliefC = Vector256.LoadUnsafe(ref _beliefC[i]);
            var war = NashSplit.IsWar(in _bargaining, beliefC, Vector256.LoadUnsafe(ref _beliefD[i]), defenderCost, out var settlement);
            if (preventive)
            {
                war |= PowellPreventiveWar.IsPreventive(in _preventive, beliefC, Vector256.LoadUnsafe(ref _deepenedC[i]));
            }

            Vector256.AndNot(settlement, war).StoreUnsafe(ref _settlement[i]);
            var inRange = Vector256.GreaterThanOrEqual(settlement, Vector256<double>.Zero) & Vector256.LessThanOrEqual(settlement, Vector256<double>.One);
            int shift = i & 63;
            wars[i >> 6] |= (ulong)war.ExtractMostSignificantBits() << shift;
            deterred[i >> 6] |= (ulong)Vector256.AndNot(Vector256.LessThanOrEqual(settlement, statusQuo), war).ExtractMostSignificantBits() << shift;
            outside[i >> 6] |= (ulong)Vector256.AndNot(~inRange, war).ExtractMostSignificantBits() << shift;
        }

        // Only the first count rounds are the batch's.
        int total = 0;
        invalid = -1;
        for (int w = 0; w < wars.Length; w++)
        {
            int lanes = Math.Clamp(count - (w * 64), 0, 64);
            ulong keep = lanes == 64 ? ulong.MaxValue : (1UL << lanes) - 1;
            wars[w] &= keep;
            total += System.Numerics.BitOperations.PopCount(deterred[w] & keep);
            if (invalid < 0 && (outside[w] & keep) != 0)
            {
                invalid = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(outside[w] & keep);
            }
        }

        return total;
    }

    /// <summary>War round <paramref name="i"/> of the batch played again by <see cref="Decide"/> from its key, shocks and
    /// beliefs (attribution, support, escalation, victory), and counted.</summary>
    private void PlayWar(ulong crisisKey, long first, int i, RoundTally tally)
    {
        var record = default(RoundRecord);
        record.ChallengerPerceivedStrength = Frame.Challenger.ConstantOwnStrength;
        record.DefenderPerceivedStrength = Frame.Defender.ConstantOwnStrength;
        Decide(RandomStreams.RoundKey(crisisKey, first + i), _etaC[i], _etaD[i], _beliefC[i], _beliefD[i], _deepenedC[i], ref record);
        tally.Add(record, this);
    }

    private static InvalidOperationException SettlementOutOfRange(double settlement) =>
        // The interface's contract (a settlement in [0, 1] in peace): a user's protocol that breaks it would otherwise be
        // counted as a concession or deterrence with a settlement outside the stakes.
        new($"The bargaining protocol {typeof(TProtocol).Name} settled at {settlement.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} without war; its contract (IBargainingProtocol) asks for a settlement in [0, 1].");

    /// <summary>
    /// A round's decisions from its beliefs: the preventive test, the bargaining and, in war, the attribution and the war
    /// itself. <paramref name="deepenedC"/> is the challenger's belief after the foresight (read only when the preventive
    /// test can fire this period).
    /// </summary>
    private void Decide(ulong key, double etaC, double etaD, double beliefC, double beliefD, double deepenedC, ref RoundRecord record)
    {
        record.ChallengerBelief = beliefC;
        record.DefenderBelief = beliefD;

        double defenderCost = TProtocol.PrivateDefenderCost
            ? RandomStreams.Stream(key, StreamPurpose.PrivateCost).NextDouble() * _bargaining.DefenderCostUpperBound
            : _defenderCost;

        if (_preventivePossible && TWarDecision.IsPreventive(in _preventive, beliefC, deepenedC))
        {
            record.Cause = WarCause.Preventive;
            record.PreventiveFromMisperception = !AccuratePreventive();
            AttributeByMechanism(ref record, etaC, etaD, defenderCost);
            War(key, ref record);
            return;
        }

        if (!TProtocol.IsWar(in _bargaining, beliefC, beliefD, defenderCost, out double settlement))
        {
            if (!(settlement >= 0 && settlement <= 1))
            {
                throw SettlementOutOfRange(settlement);
            }

            record.Outcome = settlement <= _bargaining.StatusQuo ? Outcome.Deterred : Outcome.Concession;
            record.Settlement = settlement;
            record.ChallengerRealisedStrength = double.NaN;
            record.DefenderRealisedStrength = double.NaN;
            return;
        }

        // Attribution: re-decide with the same draws, each side's perception made accurate.
        double accurate = Frame.AccurateWinProbability;
        bool warChallengerAccurate = TProtocol.IsWar(in _bargaining, accurate, beliefD, defenderCost, out _);
        bool warDefenderAccurate = TProtocol.IsWar(in _bargaining, beliefC, accurate, defenderCost, out _);
        bool warBothAccurate = TProtocol.IsWar(in _bargaining, accurate, accurate, defenderCost, out _);
        record.Cause = warBothAccurate ? WarCause.Rational
            : !warChallengerAccurate && warDefenderAccurate ? WarCause.ChallengerMisperception
            : warChallengerAccurate && !warDefenderAccurate ? WarCause.DefenderMisperception
            : WarCause.MutualMisperception;
        AttributeByMechanism(ref record, etaC, etaD, defenderCost);
        War(key, ref record);
    }

    /// <summary>
    /// Attribution by mechanism (issue 12): the war re-decided for every coalition of the factors that matter, with the
    /// round's draws. A coalition is a challenger's part and a defender's part (the players ordered challenger's first);
    /// each observer's beliefs depend on its part only (at most sixteen; those without the noise factor kept from the
    /// period's first war), and one comparison per coalition, a column of parts at a time, decides the game. Then the
    /// but-for factors, whether the war happens with none (unattributable), and the Shapley values, memoised by game.
    /// </summary>
    private void AttributeByMechanism(ref RoundRecord record, double etaC, double etaD, double defenderCost)
    {
        if (!_attributionPrepared)
        {
            PrepareAttribution();
        }

        var frame = Frame;
        int sides = frame.Crisis.SideCount;
        var challenger = frame.Challenger;
        var defender = frame.Defender;
        double sigmaC = challenger.Noise, sigmaD = defender.Noise;

        // The observers' logits per mask: the period's constants, or this round's under supporter noise.
        bool challengerVaries = challenger.HasSupporterNoise, defenderVaries = defender.HasSupporterNoise;
        ReadOnlySpan<double> logits = challenger.ConstantLogits, deepenedLogits = challenger.ConstantDeepenedLogits;
        ReadOnlySpan<double> defenderLogits = defender.ConstantLogits;
        if (challengerVaries)
        {
            var epsilons = Epsilons.AsSpan(0, sides);
            challenger.FillLogits(frame, deepened: false, epsilons, Rho, _logits);
            challenger.FillLogits(frame, deepened: true, epsilons, Rho, _deepenedLogits);
            logits = _logits;
            deepenedLogits = _deepenedLogits;
        }

        if (defenderVaries)
        {
            defender.FillLogits(frame, deepened: false, DefenderEpsilons.AsSpan(0, sides), Rho, _defenderLogits);
            defenderLogits = _defenderLogits;
        }

        // Each coalition part's beliefs, and the challenger's parts that strike preventively (bit rc).
        int pc = _challengerPlayerCount, pd = _playerCount - pc;
        int nc = 1 << pc, nd = 1 << pd;
        int[] challengerParts = _challengerParts, defenderParts = _defenderParts;
        double[] beliefC = _partBeliefC, beliefD = _partBeliefD, deepenedC = _partDeepenedC;
        int preventive = 0;
        if (typeof(TPerception) == typeof(LogisticPerception))
        {
            // The built-in perception: four parts at a time (a mask without the noise factor has σ = 0: the bits of the
            // period's quiet beliefs, computed at the period's first war and kept unless supporter noise moves them).
            int firstC = _quietPartsKnown && !challengerVaries ? _quietChallengerParts : 0;
            int firstD = _quietPartsKnown && !defenderVaries ? _quietDefenderParts : 0;
            _quietPartsKnown = true;
            PartBeliefs(beliefC, logits, challengerParts, _challengerPartNoise, firstC, nc, sigmaC, etaC);
            PartBeliefs(beliefD, defenderLogits, defenderParts, _defenderPartNoise, firstD, nd, sigmaD, -etaD);
            if (_anyMaskPreventive)
            {
                PartBeliefs(deepenedC, deepenedLogits, challengerParts, _challengerPartNoise, firstC, nc, sigmaC, etaC);
                for (int rc = 0; rc < nc; rc++)
                {
                    int m = challengerParts[rc];
                    bool strikes = (m & ObserverFrame.NoiseFactor) == 0 && !challengerVaries
                        ? ((_quietPreventive >> m) & 1) != 0
                        : _maskPreventivePossible[m] && TWarDecision.IsPreventive(in _preventive, beliefC[rc], deepenedC[rc]);
                    preventive |= (strikes ? 1 : 0) << rc;
                }
            }
        }
        else
        {
            for (int rc = 0; rc < nc; rc++)
            {
                int m = challengerParts[rc];
                if ((m & ObserverFrame.NoiseFactor) == 0 && !challengerVaries)
                {
                    beliefC[rc] = _quietChallengerBeliefs[m];
                    preventive |= ((_quietPreventive >> m) & 1) << rc;
                    continue;
                }

                double sigma = (m & ObserverFrame.NoiseFactor) != 0 ? sigmaC : 0;
                beliefC[rc] = TPerception.Belief(logits[m], sigma, etaC);
                if (_maskPreventivePossible[m] && TWarDecision.IsPreventive(in _preventive, beliefC[rc], TPerception.Belief(deepenedLogits[m], sigma, etaC)))
                {
                    preventive |= 1 << rc;
                }
            }

            for (int rd = 0; rd < nd; rd++)
            {
                int m = defenderParts[rd];
                beliefD[rd] = (m & ObserverFrame.NoiseFactor) == 0 && !defenderVaries
                    ? _quietDefenderBeliefs[m]
                    : TPerception.Belief(defenderLogits[m], (m & ObserverFrame.NoiseFactor) != 0 ? sigmaD : 0, -etaD);
            }
        }

        // The game: whether each coalition's war happens (coalition r = rc + 2^pc rd).
        var game = _game.AsSpan();
        game.Clear();
        if (typeof(TProtocol) == typeof(NashSplit))
        {
            NashSplitGame(game, beliefC, beliefD, pc, pd, _bargaining.ChallengerCost, defenderCost, preventive);
        }
        else
        {
            // Locals, not fields, in the loop: the stores into the game would otherwise make the JIT reload them.
            var bargaining = _bargaining;
            for (int rd = 0; rd < nd; rd++)
            {
                ulong column = (ulong)preventive;
                double belief = beliefD[rd];
                for (int rc = 0; rc < nc; rc++)
                {
                    // Without a branch: the outcome of a coalition is not predictable.
                    bool war = TProtocol.IsWar(in bargaining, beliefC[rc], belief, defenderCost, out _);
                    column |= (ulong)Unsafe.As<bool, byte>(ref war) << rc;
                }

                int r = rd << pc;
                game[r >> 6] |= column << (r & 63);
            }
        }

        int players = _playerCount;
        int full = (1 << players) - 1;
        game[full >> 6] |= 1UL << (full & 63); // the war itself: v(F) = 1
        int slot = Solve(game, players);
        int flags = _memoFlags[slot];
        record.Unattributable = (flags & MemoUnattributable) != 0;
        record.ButFor = (byte)flags;
        _memoShapley.AsSpan(slot * MechanismGame.MaxPlayers, MechanismGame.MaxPlayers).CopyTo(Shapley);
    }

    /// <summary>The slot of the memo that holds <paramref name="game"/>'s values, worked out if it does not yet: whether
    /// the war happens without any factor (unattributable), the but-for factors (those without which it does not), and
    /// the Shapley values by factor (all 0 when unattributable).</summary>
    private int Solve(ReadOnlySpan<ulong> game, int players)
    {
        int words = MechanismGame.Words(players);
        ulong hash = game[0];
        for (int w = 1; w < words; w++)
        {
            hash = (hash * 0x9E3779B97F4A7C15UL) ^ game[w];
        }

        int slot = (int)((hash * 0x9E3779B97F4A7C15UL) >> (64 - MemoBits));
        var stored = _memoGames.AsSpan(slot * 4, words);
        if ((_memoFlags[slot] & MemoValid) != 0 && stored.SequenceEqual(game[..words]))
        {
            return slot;
        }

        game[..words].CopyTo(stored);
        int full = (1 << players) - 1;
        int flags = MemoValid;
        for (int j = 0; j < players; j++)
        {
            flags |= MechanismGame.Value(game, full & ~(1 << j)) ? 0 : 1 << _players[j];
        }

        var shapley = _memoShapley.AsSpan(slot * MechanismGame.MaxPlayers, MechanismGame.MaxPlayers);
        shapley.Clear();
        if (MechanismGame.Value(game, 0))
        {
            flags |= MemoUnattributable;
        }
        else
        {
            MechanismGame.Shapley(game, players, _phi);
            for (int j = 0; j < players; j++)
            {
                shapley[_players[j]] = _phi[j];
            }
        }

        _memoFlags[slot] = flags;
        return slot;
    }
}
