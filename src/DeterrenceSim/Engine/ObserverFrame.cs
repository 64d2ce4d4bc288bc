using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeterrenceSim.Compilation;
using DeterrenceSim.Model;

namespace DeterrenceSim.Engine;

/// <summary>
/// What one protagonist (observer i) perceives of a crisis (DESIGN.md section 3):
/// logit(ρ̂_ij) = (1 - κ_ij) logit(ā_ij) + κ_ij logit(v_j) + s_ij ε_ij, where κ_ij is i's credulity towards j's
/// coalition (own or opponent's), the anchor a_ij is the true ρ_j, or with learning the posterior mean of i's Beta
/// belief about j (section 4), and ā its value kept inside [1e-9, 1 - 1e-9] (the same rule with learning on and off). The perceived strength of a side is
/// (K_prot π_prot + Σ ρ̂_ij K_j π_j) · exp(b_i · 1[side is not i's]); i's belief about C's chance is the logit of the
/// contest success function, m (ln Ŝ(C) - ln Ŝ(D)), plus σ_i times its optimism shock. The observer's perception of
/// the opposing coalition (issue 13) adds perceived reach (π̂ = π + r (1 - π) for opposing supporters), anticipated
/// commitment (the foresight's anchor a' = ā' + α max(0, v' - ā')) and perceived cohesion (alliance members read as
/// opposing supporters at χ times their partners' largest perceived reliability); each is zero by default and then
/// changes nothing, bit for bit.
/// </summary>
internal sealed class ObserverFrame
{
    public ObserverFrame(CompiledCrisis crisis, bool isChallenger)
    {
        int n = crisis.SideCount;
        IsChallenger = isChallenger;
        _decisiveness = crisis.Decisiveness;
        Anchor = new double[n];
        DeepenedAnchor = new double[n];
        LogitBase = new double[n];
        DeepenedLogitBase = new double[n];
        Perceived = new double[n];
        DeepenedPerceived = new double[n];
        AnchorLogit = new double[n];
        DeepenedAnchorLogit = new double[n];
        Uncredulous = new double[n];
        DeepenedUncredulous = new double[n];
        _constantLogits = new double[AllFactors + 1];
        _constantDeepenedLogits = new double[AllFactors + 1];
        _signal = new double[n];
        _deepenedSignal = new double[n];
        _signalLogit = new double[n];
        _deepenedSignalLogit = new double[n];
        SupporterNoise = new double[n];
        _plain = new bool[n];
        _deepenedPlain = new bool[n];
        _perceivedStrength = new double[n];
        _deepenedPerceivedStrength = new double[n];
        _strengthOn = _perceivedStrength;
        _deepenedStrengthOn = _deepenedPerceivedStrength;
        _cohesion = isChallenger ? crisis.ChallengerCohesion : crisis.DefenderCohesion;
    }

    // The inputs of the cached logits: a period recomputes only what a belief, deepening or vote changed.
    private readonly double[] _signal;
    private readonly double[] _deepenedSignal;

    // logit(signal) of each participant now and after the foresight: signals move far less often than beliefs.
    private readonly double[] _signalLogit;
    private readonly double[] _deepenedSignalLogit;
    private bool _cached;

    // Whether switching the coalition's factor off leaves participant p's perceived reliability as it is (its credulity
    // and, after the foresight, its anticipation are zero): then "off" is "on", bit for bit.
    private readonly bool[] _plain;
    private readonly bool[] _deepenedPlain;

    // The strengths K π̂ the observer perceives (reach on the opposing supporters), now and after the foresight: the
    // frame's own arrays when the reach is zero.
    private readonly double[] _perceivedStrength;
    private readonly double[] _deepenedPerceivedStrength;
    private double[] _strengthOn;
    private double[] _deepenedStrengthOn;
    private readonly CohesionMembers _cohesion;

    // exp(b) for the bias b it was computed from: the perception is the crisis's, so one exp serves every period.
    private double _capabilityBias;
    private bool _biasCached;

    // What the perceived reliabilities were computed for, and the product Π(1 - φ_j) over the own supporters.
    private PerceptionProfile? _perception;
    private bool _learning;
    private double _sharing;
    private readonly double[] _ratios = new double[NoiseFactor];
    private readonly double[] _constantLogits;
    private readonly double[] _constantDeepenedLogits;

    // A period's four sums now and after the foresight (challenger on, off, defender on, off), kept while the masks
    // other than AllFactors wait for their logarithms (Update with deferMasks: most periods of a run have no war and
    // read only the observer's own belief).
    private readonly double[] _sums = new double[8];
    private bool _masksPending;

    // m of the crisis's contest success function: a logit is m ln(Ŝ(C) / Ŝ(D)).
    private readonly double _decisiveness;

    /// <summary>The factor bits of a mechanism mask (issue 12's factors, per observer): credulity towards the
    /// observer's own supporters, towards the opponent's, the capability bias, and the noise (optimism shock and
    /// supporter noise together). A factor switched off sets its parameter, or its draws, to zero.</summary>
    public const int OwnCredulityFactor = 1;

    /// <summary>The perception of the opposing coalition: credulity towards the opponent's supporters, and perceived
    /// reach, anticipated commitment and perceived cohesion (all switched off together).</summary>
    public const int OpponentCredulityFactor = 2;

    /// <summary>The capability bias.</summary>
    public const int CapabilityBiasFactor = 4;

    /// <summary>The optimism shock and the supporter noise.</summary>
    public const int NoiseFactor = 8;

    /// <summary>Every factor on: the observer as the scenario describes it.</summary>
    public const int AllFactors = 15;

    public bool IsChallenger { get; }

    /// <summary>The reliability term a_ij: the true ρ, or the belief's posterior mean with learning.</summary>
    public double[] Anchor { get; }

    public double[] DeepenedAnchor { get; }

    /// <summary>(1 - κ_p) logit(ā_j) + κ_p logit(v_j) per side participant, with κ_p the credulity towards p's side and
    /// ā the anchor kept inside [1e-9, 1 - 1e-9] (<see cref="CrisisFrame.SignalFloor"/>).</summary>
    public double[] LogitBase { get; }

    public double[] DeepenedLogitBase { get; }

    /// <summary>logit(ā_j): the logit base with the credulity switched off (the logit base itself where κ_p = 0, so
    /// that switching off a credulity of zero changes nothing, bit for bit).</summary>
    public double[] AnchorLogit { get; }

    public double[] DeepenedAnchorLogit { get; }

    /// <summary>ρ̂_ij without supporter noise and with the credulity switched off: the anchor (or <see cref="Perceived"/>
    /// where κ_p = 0).</summary>
    public double[] Uncredulous { get; }

    public double[] DeepenedUncredulous { get; }

    /// <summary>The belief logit without supporter noise for each mask of factors (index: the factor bits): constant
    /// within a period. Entry <see cref="AllFactors"/> is <see cref="ConstantLogit"/>.</summary>
    public double[] ConstantLogits
    {
        get
        {
            EnsureMasks();
            return _constantLogits;
        }
    }

    /// <summary>The same after the foresight.</summary>
    public double[] ConstantDeepenedLogits
    {
        get
        {
            EnsureMasks();
            return _constantDeepenedLogits;
        }
    }

    /// <summary>Gets the factor bits whose switching off changes nothing in this period (a credulity of zero or a side
    /// without supporters, a bias of zero, no noise): null players of the attribution's game.</summary>
    public int NullFactors { get; private set; }

    /// <summary>ρ̂_ij without supporter noise: the anchor itself when κ_p = s = 0, else logistic(<see cref="LogitBase"/>).</summary>
    public double[] Perceived { get; }

    public double[] DeepenedPerceived { get; }

    /// <summary>Effective supporter noise s_ij per side participant.</summary>
    public double[] SupporterNoise { get; }

    public bool HasSupporterNoise { get; private set; }

    /// <summary>Effective optimism-shock scale σ_i Π(1 - φ_j).</summary>
    public double Noise { get; private set; }

    /// <summary>exp(b_i), the factor on the opposing side's perceived strength.</summary>
    public double OpponentBias { get; private set; }

    /// <summary>The belief logit without supporter noise: constant within a period.</summary>
    public double ConstantLogit { get; private set; }

    /// <summary>The belief logit after the foresight without supporter noise: the mask of every factor of
    /// <see cref="ConstantDeepenedLogits"/> (the same sums in the same order as <see cref="Belief"/>).</summary>
    public double ConstantDeepenedLogit => _constantDeepenedLogits[AllFactors];

    /// <summary>The observer's perceived strength of its own side without supporter noise.</summary>
    public double ConstantOwnStrength { get; private set; }

    /// <summary>Perceived cohesion's addition to the opposing side's perceived strength: Σ_m χ max_j ρ̂_ij K_m π̂_m over
    /// the alliance members m read as opposing supporters (0 when χ = 0).</summary>
    public double CohesionStrength { get; private set; }

    /// <summary>The same after the foresight: the partners' perceived reliabilities after deepening and anticipation, and
    /// the members' capabilities grown by (1 + g)^H.</summary>
    public double DeepenedCohesionStrength { get; private set; }

    /// <summary>Recomputes the observer's perception; <paramref name="world"/> <see langword="null"/> anchors on the truth.
    /// <paramref name="inputsChanged"/>: whether the anchors, signals or sharing may have changed since this observer's
    /// last update (the frame's <see cref="CrisisFrame.PerceptionInputsChanged"/>, or those of every period since);
    /// with <paramref name="onlyChanged"/>, only the anchors or signals of the frame's
    /// <see cref="CrisisFrame.ChangedParticipants"/> changed since this observer's last update. With
    /// <paramref name="deferMasks"/> only the logits of mask <see cref="AllFactors"/> are computed now, the others when
    /// first read (<see cref="ConstantLogits"/>): the same numbers.</summary>
    public void Update(CrisisFrame frame, PerceptionProfile perception, WorldState? world, bool inputsChanged, bool deferMasks = false, bool onlyChanged = false)
    {
        var crisis = frame.Crisis;
        int n = crisis.SideCount;
        bool learning = world is { Learning: true };

        // The perceived reliabilities depend on the anchors, signals and sharing, not on the strengths: a period that
        // changed none of them (most: growth moves only strengths) keeps them, with their logarithms and logistics.
        // Otherwise only the participants whose anchor or signal moved are perceived again (all with a new profile).
        bool all = !_cached || !ReferenceEquals(perception, _perception);
        if (!all && inputsChanged && onlyChanged && learning == _learning)
        {
            // The same profile, learning and sharing: the flags, supporter noise and sharing stay; only the listed
            // participants can have moved.
            foreach (int p in frame.ChangedParticipants)
            {
                Perceive(frame, perception, p, learning, all: false);
            }
        }
        else if (all || inputsChanged || learning != _learning)
        {
            _perception = perception;
            _learning = learning;

            // Information sharing: the observer's own supporters share; its noise shrinks by Π(1 - φ_j) and its
            // supporter noise on j by (1 - φ_j).
            int own = IsChallenger ? 0 : 1;
            double sharing = 1;
            bool anyNoise = false;
            for (int p = 0; p < n; p++)
            {
                bool isOwn = crisis.ParticipantOwnObserver[p] == own;
                Perceive(frame, perception, p, learning, all);
                SupporterNoise[p] = perception.SupporterNoise * (isOwn ? 1 - frame.InformationSharing[p] : 1);
                anyNoise |= SupporterNoise[p] > 0;
                if (isOwn)
                {
                    sharing *= 1 - frame.InformationSharing[p];
                }
            }

            _cached = true;
            _sharing = sharing;
            HasSupporterNoise = anyNoise;
        }

        UpdateOpposingCoalition(frame, perception);
        Noise = perception.Noise * _sharing;
        if (!_biasCached || perception.CapabilityBias != _capabilityBias)
        {
            _capabilityBias = perception.CapabilityBias;
            OpponentBias = Math.Exp(_capabilityBias);
            _biasCached = true;
        }

        UpdateConstantLogits(frame, deferMasks);

        int nC = crisis.ChallengerSupporterCount;
        bool ownSupporters = IsChallenger ? nC > 0 : n > nC;
        bool opponentSupporters = IsChallenger ? n > nC : nC > 0;
        NullFactors = (perception.EffectiveOwnCredulity == 0 || !ownSupporters ? OwnCredulityFactor : 0)
            | ((perception.EffectiveOpponentCredulity == 0 && perception.SeesOpposingCoalitionAsIs) || !opponentSupporters ? OpponentCredulityFactor : 0)
            | (perception.CapabilityBias == 0 ? CapabilityBiasFactor : 0)
            | (Noise == 0 && !HasSupporterNoise ? NoiseFactor : 0);
    }

    /// <summary>Participant <paramref name="p"/>'s perceived reliability now and after the foresight, with their logits,
    /// where its anchor or signal moved (every one when <paramref name="all"/>), and whether the observer reads it
    /// without credulity (and anticipation). Beliefs concern a commitment's reliability where it binds: out of scope
    /// the observer keeps the truth.</summary>
    private void Perceive(CrisisFrame frame, PerceptionProfile perception, int p, bool learning, bool all)
    {
        var crisis = frame.Crisis;
        bool believed = learning && crisis.ParticipantInScope[p];
        bool isOwn = crisis.ParticipantOwnObserver[p] == (IsChallenger ? 0 : 1);
        double credulity = isOwn ? perception.EffectiveOwnCredulity : perception.EffectiveOpponentCredulity;
        double anticipation = isOwn ? 0 : perception.Anticipation;
        bool exact = credulity == 0 && perception.SupporterNoise == 0;
        double anchor = believed ? frame.LearnedAnchor[p] : frame.Reliability[p];
        double deepenedAnchor = believed ? frame.DeepenedLearnedAnchor[p] : frame.DeepenedReliability[p];
        _plain[p] = credulity == 0;
        _deepenedPlain[p] = credulity == 0 && anticipation == 0;

        // Each logarithm once: the anchor's logit serves the perceived logit and the anchor logit; a signal's logit
        // is kept until the signal moves.
        if (all || anchor != Anchor[p] || frame.Signal[p] != _signal[p])
        {
            if (all || frame.Signal[p] != _signal[p])
            {
                _signal[p] = frame.Signal[p];
                _signalLogit[p] = CrisisFrame.Logit(frame.Signal[p]);
            }

            Anchor[p] = anchor;
            double anchorLogit = AnchorLogitOf(anchor);
            LogitBase[p] = PerceivedLogit(credulity, anchorLogit, _signalLogit[p]);
            Perceived[p] = exact ? anchor : CrisisFrame.Logistic(LogitBase[p]);
            AnchorLogit[p] = credulity == 0 ? LogitBase[p] : anchorLogit;
            Uncredulous[p] = credulity == 0 ? Perceived[p] : anchor;
        }

        if (all || deepenedAnchor != DeepenedAnchor[p] || frame.DeepenedSignal[p] != _deepenedSignal[p])
        {
            if (all || frame.DeepenedSignal[p] != _deepenedSignal[p])
            {
                _deepenedSignal[p] = frame.DeepenedSignal[p];
                _deepenedSignalLogit[p] = CrisisFrame.Logit(frame.DeepenedSignal[p]);
            }

            DeepenedAnchor[p] = deepenedAnchor;

            // Anticipated commitment: the observer expects the opposing supporter to close a share α of the gap from
            // its reliability to its signal over the foresight.
            double anticipated = anticipation == 0
                ? deepenedAnchor
                : deepenedAnchor + (anticipation * Math.Max(0, frame.DeepenedSignal[p] - deepenedAnchor));
            double deepenedAnchorLogit = AnchorLogitOf(deepenedAnchor);
            DeepenedLogitBase[p] = PerceivedLogit(credulity, anticipation == 0 ? deepenedAnchorLogit : AnchorLogitOf(anticipated), _deepenedSignalLogit[p]);
            DeepenedPerceived[p] = exact ? anticipated : CrisisFrame.Logistic(DeepenedLogitBase[p]);
            DeepenedAnchorLogit[p] = _deepenedPlain[p] ? DeepenedLogitBase[p] : deepenedAnchorLogit;
            DeepenedUncredulous[p] = _deepenedPlain[p] ? DeepenedPerceived[p] : deepenedAnchor;
        }
    }

    /// <summary>
    /// Perceived reach and cohesion for this period: the strengths K π̂ the observer perceives for the opposing
    /// supporters (the frame's own when r = 0), and cohesion's members at χ times their partners' largest perceived
    /// reliability (without supporter noise), now and after the foresight. Runs after the reliabilities are perceived.
    /// </summary>
    private void UpdateOpposingCoalition(CrisisFrame frame, PerceptionProfile perception)
    {
        var crisis = frame.Crisis;
        double reach = perception.Reach;
        if (reach == 0)
        {
            _strengthOn = frame.Strength;
            _deepenedStrengthOn = frame.DeepenedStrength;
        }
        else
        {
            int own = IsChallenger ? 0 : 1;
            var outlook = frame.Outlook;
            for (int p = 0; p < crisis.SideCount; p++)
            {
                if (crisis.ParticipantOwnObserver[p] == own)
                {
                    _perceivedStrength[p] = frame.Strength[p];
                    _deepenedPerceivedStrength[p] = frame.DeepenedStrength[p];
                }
                else
                {
                    double projection = crisis.ParticipantProjection[p];
                    _perceivedStrength[p] = frame.StateCapability[crisis.ParticipantState[p]] * Reached(projection, reach);
                    _deepenedPerceivedStrength[p] = _perceivedStrength[p] * outlook[p];
                }
            }

            _strengthOn = _perceivedStrength;
            _deepenedStrengthOn = _deepenedPerceivedStrength;
        }

        double cohesion = perception.Cohesion, now = 0, deepened = 0;
        if (cohesion > 0)
        {
            for (int m = 0; m < _cohesion.Count; m++)
            {
                double partner = 0, deepenedPartner = 0;
                foreach (int j in _cohesion.Partners[m])
                {
                    partner = Math.Max(partner, Perceived[j]);
                    deepenedPartner = Math.Max(deepenedPartner, DeepenedPerceived[j]);
                }

                int state = _cohesion.State[m];
                double projection = _cohesion.Projection[m];
                double strength = frame.StateCapability[state] * Reached(projection, reach);
                now += cohesion * partner * strength;
                deepened += cohesion * deepenedPartner * strength * frame.StateOutlook[state];
            }
        }

        CohesionStrength = now;
        DeepenedCohesionStrength = deepened;
    }

    /// <summary>
    /// The belief logits of every mask of factors in one round (index: the factor bits), before the optimism shock,
    /// with the round's supporter-noise draws: the masks without <see cref="NoiseFactor"/> are the period's constants;
    /// those with it take one pass over the supporters (two logistics where the credulity is not zero). Entry
    /// <see cref="AllFactors"/> equals <see cref="Belief(CrisisFrame, bool, ReadOnlySpan{double}, Span{double}, out double)"/> bit for bit.
    /// </summary>
    /// <param name="frame">The crisis frame.</param>
    /// <param name="deepened">Whether to look H periods ahead.</param>
    /// <param name="epsilons">The observer's supporter-noise draws this round, or empty without supporter noise.</param>
    /// <param name="scratch">Room for two perceived reliabilities per side participant.</param>
    /// <param name="logits">Sixteen logits, filled.</param>
    public void FillLogits(CrisisFrame frame, bool deepened, ReadOnlySpan<double> epsilons, Span<double> scratch, Span<double> logits)
    {
        var constants = deepened ? ConstantDeepenedLogits : ConstantLogits;
        constants.AsSpan().CopyTo(logits);
        if (epsilons.IsEmpty || !HasSupporterNoise)
        {
            return;
        }

        MaskLogits(frame, deepened, epsilons, scratch, logits, firstMask: NoiseFactor);
    }

    /// <summary>
    /// The period's constants without supporter noise: <see cref="ConstantLogits"/>, <see cref="ConstantDeepenedLogits"/>,
    /// <see cref="ConstantLogit"/> and <see cref="ConstantOwnStrength"/>, from one pass over the supporters that sums each
    /// side's perceived strength with its credulity on and off, now and after the foresight. Every sum runs in
    /// participant order from the protagonist's strength, as in <see cref="MaskLogits"/> and
    /// <see cref="Belief(CrisisFrame, bool, ReadOnlySpan{double}, Span{double}, out double)"/> (which give the same numbers bit for bit:
    /// the four sums of a side are independent chains, only interleaved).
    /// </summary>
    private void UpdateConstantLogits(CrisisFrame frame, bool deferMasks)
    {
        var crisis = frame.Crisis;
        var strength = frame.Strength;
        var deepenedStrength = frame.DeepenedStrength;
        var strengthOn = _strengthOn;
        var deepenedStrengthOn = _deepenedStrengthOn;
        int nC = crisis.ChallengerSupporterCount;
        int n = crisis.SideCount;

        double challengerOn = frame.ChallengerStrength, challengerOff = challengerOn;
        double deepenedChallengerOn = frame.DeepenedChallengerStrength, deepenedChallengerOff = deepenedChallengerOn;
        for (int p = 0; p < nC; p++)
        {
            challengerOn += Perceived[p] * strengthOn[p];
            challengerOff += Uncredulous[p] * strength[p];
            deepenedChallengerOn += DeepenedPerceived[p] * deepenedStrengthOn[p];
            deepenedChallengerOff += DeepenedUncredulous[p] * deepenedStrength[p];
        }

        double defenderOn = frame.DefenderStrength, defenderOff = defenderOn;
        double deepenedDefenderOn = frame.DeepenedDefenderStrength, deepenedDefenderOff = deepenedDefenderOn;
        for (int p = nC; p < n; p++)
        {
            defenderOn += Perceived[p] * strengthOn[p];
            defenderOff += Uncredulous[p] * strength[p];
            deepenedDefenderOn += DeepenedPerceived[p] * deepenedStrengthOn[p];
            deepenedDefenderOff += DeepenedUncredulous[p] * deepenedStrength[p];
        }

        AddCohesion(deepened: false, ref challengerOn, ref defenderOn);
        AddCohesion(deepened: true, ref deepenedChallengerOn, ref deepenedDefenderOn);
        ConstantOwnStrength = IsChallenger ? challengerOn : defenderOn;
        var sums = _sums;
        (sums[0], sums[1], sums[2], sums[3]) = (challengerOn, challengerOff, defenderOn, defenderOff);
        (sums[4], sums[5], sums[6], sums[7]) = (deepenedChallengerOn, deepenedChallengerOff, deepenedDefenderOn, deepenedDefenderOff);
        _masksPending = deferMasks;
        if (deferMasks)
        {
            // Mask AllFactors alone, as CombineMasks computes it (a ratio's logarithm: the same bits whichever mask's it is).
            _constantLogits[AllFactors] = _decisiveness * Math.Log(MaskRatio(AllFactors & ~NoiseFactor, 0));
            _constantDeepenedLogits[AllFactors] = _decisiveness * Math.Log(MaskRatio(AllFactors & ~NoiseFactor, 4));
        }
        else
        {
            CombineMasks(0, _constantLogits);
            CombineMasks(4, _constantDeepenedLogits);
        }

        ConstantLogit = _constantLogits[AllFactors];
    }

    /// <summary>The logits of every mask, if an update deferred them.</summary>
    private void EnsureMasks()
    {
        if (_masksPending)
        {
            _masksPending = false;
            CombineMasks(0, _constantLogits);
            CombineMasks(4, _constantDeepenedLogits);
        }
    }

    /// <summary>A mask's ratio Ŝ(C) / Ŝ(D) from the period's four sums now (<paramref name="sums"/> 0) or after the
    /// foresight (4).</summary>
    private double MaskRatio(int mask, int sums)
    {
        var (challengerSide, defenderSide) = MaskSides(mask, _sums[sums], _sums[sums + 1], _sums[sums + 2], _sums[sums + 3]);
        return challengerSide / defenderSide;
    }

    /// <summary>
    /// The sixteen constant logits from the four sums, as <see cref="MaskLogits"/>'s mask loop computes them. Without
    /// supporter noise the noise bit changes nothing, so the masks with it copy those without; and two masks whose
    /// ratio Ŝ(C) / Ŝ(D) is the same number (a credulity or bias of zero, a side without supporters) share one logarithm.
    /// </summary>
    private void CombineMasks(int sums, double[] logits)
    {
        var ratios = _ratios;
        for (int mask = 0; mask < NoiseFactor; mask++)
        {
            double ratio = MaskRatio(mask, sums);
            ratios[mask] = ratio;
            int same = 0;
            while (same < mask && ratios[same] != ratio)
            {
                same++;
            }

            // Equal ratios have equal logarithms (ln(+0) = ln(-0)); NaN equals nothing, so it is computed as before.
            // The copy to the noise masks is element by element on purpose: a vectorised CopyTo (or a stackalloc'd
            // ratio buffer, zeroed by wide stores) left the upper vector state dirty, and every libm log and exp after
            // it paid the SSE/AVX transition penalty (a period took 1.4 times as long).
            logits[mask] = same < mask ? logits[same] : _decisiveness * Math.Log(ratio);
            logits[mask | NoiseFactor] = logits[mask];
        }
    }

    /// <summary>
    /// The logits of the masks from <paramref name="firstMask"/> to <see cref="AllFactors"/> from one pass over the
    /// supporters: each side's perceived strength with that side's credulity on and off (with the supporter-noise
    /// draws, or without when <paramref name="epsilons"/> is empty), combined per mask with or without the bias. The
    /// sums run in participant order, as in <see cref="Belief(CrisisFrame, bool, ReadOnlySpan{double}, Span{double}, out double)"/>,
    /// so the mask <see cref="AllFactors"/> gives its logit bit for bit.
    /// </summary>
    private void MaskLogits(CrisisFrame frame, bool deepened, ReadOnlySpan<double> epsilons, Span<double> scratch, Span<double> logits, int firstMask)
    {
        var crisis = frame.Crisis;
        var logitBase = deepened ? DeepenedLogitBase : LogitBase;
        var anchorLogits = deepened ? DeepenedAnchorLogit : AnchorLogit;
        var perceived = deepened ? DeepenedPerceived : Perceived;
        var uncredulous = deepened ? DeepenedUncredulous : Uncredulous;
        var strength = deepened ? frame.DeepenedStrength : frame.Strength;
        var strengthOn = deepened ? _deepenedStrengthOn : _strengthOn;
        var plain = deepened ? _deepenedPlain : _plain;
        bool noisy = !epsilons.IsEmpty;
        double challengerOn = deepened ? frame.DeepenedChallengerStrength : frame.ChallengerStrength;
        double defenderOn = deepened ? frame.DeepenedDefenderStrength : frame.DefenderStrength;
        double challengerOff = challengerOn, defenderOff = defenderOn;
        int nC = crisis.ChallengerSupporterCount;
        int n = crisis.SideCount;
        Span<double> noisyOn = default, noisyOff = default;
        if (noisy)
        {
            noisyOn = scratch[..n];
            noisyOff = scratch.Slice(n, n);
            Reliabilities(logitBase, epsilons, noisyOn);
            Reliabilities(anchorLogits, epsilons, noisyOff);
        }

        for (int p = 0; p < n; p++)
        {
            double on, off;
            if (noisy)
            {
                on = noisyOn[p];
                off = plain[p] ? on : noisyOff[p];
            }
            else
            {
                on = perceived[p];
                off = uncredulous[p];
            }

            if (p < nC)
            {
                challengerOn += on * strengthOn[p];
                challengerOff += off * strength[p];
            }
            else
            {
                defenderOn += on * strengthOn[p];
                defenderOff += off * strength[p];
            }
        }

        AddCohesion(deepened, ref challengerOn, ref defenderOn);

        for (int mask = firstMask; mask <= AllFactors; mask++)
        {
            var (challengerSide, defenderSide) = MaskSides(mask, challengerOn, challengerOff, defenderOn, defenderOff);

            logits[mask] = _decisiveness * Math.Log(challengerSide / defenderSide);
        }
    }

    /// <summary>
    /// The belief logit m (ln Ŝ_i(C) - ln Ŝ_i(D)) before the optimism shock, now or (<paramref name="deepened"/>) after
    /// the foresight's H periods of deepening and capability growth. With <paramref name="epsilons"/> empty, no
    /// supporter noise is applied.
    /// </summary>
    /// <param name="frame">The crisis frame.</param>
    /// <param name="deepened">Whether to look H periods ahead.</param>
    /// <param name="epsilons">Standard normal draws per side participant, or empty.</param>
    /// <param name="scratch">Room for one perceived reliability per side participant (with supporter noise).</param>
    /// <param name="ownStrength">The observer's perceived strength of its own side (before its capability bias, which
    /// applies to the opponent only).</param>
    public double Belief(CrisisFrame frame, bool deepened, ReadOnlySpan<double> epsilons, Span<double> scratch, out double ownStrength)
    {
        var crisis = frame.Crisis;
        ReadOnlySpan<double> perceived = deepened ? DeepenedPerceived : Perceived;
        var logits = deepened ? DeepenedLogitBase : LogitBase;
        var strength = deepened ? _deepenedStrengthOn : _strengthOn;
        bool noisy = !epsilons.IsEmpty;
        double challengerSide = deepened ? frame.DeepenedChallengerStrength : frame.ChallengerStrength;
        double defenderSide = deepened ? frame.DeepenedDefenderStrength : frame.DefenderStrength;
        int nC = crisis.ChallengerSupporterCount;
        int n = crisis.SideCount;
        if (noisy)
        {
            Reliabilities(logits, epsilons, scratch[..n]);
            perceived = scratch[..n];
        }

        for (int p = 0; p < n; p++)
        {
            double rho = perceived[p];
            if (p < nC)
            {
                challengerSide += rho * strength[p];
            }
            else
            {
                defenderSide += rho * strength[p];
            }
        }

        AddCohesion(deepened, ref challengerSide, ref defenderSide);
        if (IsChallenger)
        {
            ownStrength = challengerSide;
            defenderSide *= OpponentBias;
        }
        else
        {
            ownStrength = defenderSide;
            challengerSide *= OpponentBias;
        }

        // logit(CSF(x, y)) = m ln(x / y) for the ratio-form contest success function (Tullock 1980).
        return _decisiveness * Math.Log(challengerSide / defenderSide);
    }

    /// <summary>The perceived reliabilities with supporter noise, ρ̂_p = logistic(logit_p + s_p ε_p) for every side
    /// participant, four at a time (the same bits as <see cref="CrisisFrame.Logistic"/> one at a time).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // 256-bit code: returns with the vector registers clean (VectorMath)
    private void Reliabilities(ReadOnlySpan<double> logits, ReadOnlySpan<double> epsilons, Span<double> rho)
    {
        ReadOnlySpan<double> noise = SupporterNoise;
        int n = rho.Length, p = 0;
        for (; p + 4 <= n; p += 4)
        {
            var x = Vector256.Create(logits.Slice(p, 4)) + (Vector256.Create(noise.Slice(p, 4)) * Vector256.Create(epsilons.Slice(p, 4)));
            VectorMath.Logistic(x).CopyTo(rho[p..]);
        }

        for (; p < n; p++)
        {
            rho[p] = CrisisFrame.Logistic(logits[p] + (noise[p] * epsilons[p]));
        }
    }

    /// <summary>The perceived strengths of the two sides under a mask of factors: each side with its credulity on or off
    /// (the observer's own side by the own-credulity bit, the opponent's by the opponent bit), the opponent's times
    /// exp(b) when the bias bit is on.</summary>
    private (double Challenger, double Defender) MaskSides(int mask, double challengerOn, double challengerOff, double defenderOn, double defenderOff)
    {
        bool ownOn = (mask & OwnCredulityFactor) != 0, opponentOn = (mask & OpponentCredulityFactor) != 0;
        double challengerSide = (IsChallenger ? ownOn : opponentOn) ? challengerOn : challengerOff;
        double defenderSide = (IsChallenger ? opponentOn : ownOn) ? defenderOn : defenderOff;
        if ((mask & CapabilityBiasFactor) != 0)
        {
            if (IsChallenger)
            {
                defenderSide *= OpponentBias;
            }
            else
            {
                challengerSide *= OpponentBias;
            }
        }

        return (challengerSide, defenderSide);
    }

    /// <summary>Perceived reach: the projection π read as π + r (1 − π) (DESIGN.md section 3).</summary>
    private static double Reached(double projection, double reach) => projection + (reach * (1 - projection));

    /// <summary>Adds perceived cohesion's members to the opposing side's perceived strength (nothing when χ = 0, so the
    /// sums stay bit for bit).</summary>
    private void AddCohesion(bool deepened, ref double challengerSide, ref double defenderSide)
    {
        double cohesion = deepened ? DeepenedCohesionStrength : CohesionStrength;
        if (cohesion == 0)
        {
            return;
        }

        if (IsChallenger)
        {
            defenderSide += cohesion;
        }
        else
        {
            challengerSide += cohesion;
        }
    }

    /// <summary>The anchor's logit, the anchor kept inside [1e-9, 1 - 1e-9] like the signals (DESIGN.md section 3):
    /// one rule with learning on and off, so a reliability of 0 or 1 read with credulity κ is moved by the signal
    /// continuously in κ, reaching it at κ = 1 (without the floor, any κ &lt; 1 kept it at 0 or 1 and κ = 1 jumped).</summary>
    private static double AnchorLogitOf(double anchor) =>
        CrisisFrame.Logit(Math.Clamp(anchor, CrisisFrame.SignalFloor, 1 - CrisisFrame.SignalFloor));

    private static double PerceivedLogit(double credulity, double anchorLogit, double signalLogit) =>
        ((1 - credulity) * anchorLogit) + (credulity * signalLogit);
}
