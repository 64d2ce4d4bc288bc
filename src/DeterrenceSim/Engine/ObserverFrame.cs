using DeterrenceSim.Compilation;
using DeterrenceSim.Model;

namespace DeterrenceSim.Engine;

/// <summary>
/// What one protagonist (observer i) perceives of a crisis (DESIGN.md section 3):
/// logit(ρ̂_ij) = (1 - κ_i) logit(a_ij) + κ_i logit(v_j) + s_ij ε_ij, with 0 · ∞ = 0, where the anchor a_ij is the true
/// ρ_j, or with learning the posterior mean of i's Beta belief about j (section 4). The perceived strength of a side is
/// (K_prot π_prot + Σ ρ̂_ij K_j π_j) · exp(b_i · 1[side is not i's]); i's belief about C's chance is the logit of the
/// contest success function, m (ln Ŝ(C) - ln Ŝ(D)), plus σ_i times its optimism shock.
/// </summary>
internal sealed class ObserverFrame
{
    public ObserverFrame(CompiledCrisis crisis, bool isChallenger)
    {
        int n = crisis.SideCount;
        IsChallenger = isChallenger;
        Anchor = new double[n];
        DeepenedAnchor = new double[n];
        LogitBase = new double[n];
        DeepenedLogitBase = new double[n];
        Perceived = new double[n];
        DeepenedPerceived = new double[n];
        _signal = new double[n];
        _deepenedSignal = new double[n];
        SupporterNoise = new double[n];
    }

    // The inputs of the cached logits: a period recomputes only what a belief, deepening or vote changed.
    private readonly double[] _signal;
    private readonly double[] _deepenedSignal;
    private bool _cached;

    public bool IsChallenger { get; }

    /// <summary>Gets a value indicating whether κ = s = 0: perceived reliability is the anchor itself.</summary>
    public bool Exact { get; private set; }

    /// <summary>The reliability term a_ij: the true ρ, or the belief's posterior mean with learning.</summary>
    public double[] Anchor { get; }

    public double[] DeepenedAnchor { get; }

    /// <summary>(1 - κ) logit(a_j) + κ logit(v_j) per side participant, ±∞ allowed.</summary>
    public double[] LogitBase { get; }

    public double[] DeepenedLogitBase { get; }

    /// <summary>ρ̂_ij without supporter noise: the anchor itself when <see cref="Exact"/>, else logistic(<see cref="LogitBase"/>).</summary>
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

    public double ConstantDeepenedLogit { get; private set; }

    /// <summary>The observer's perceived strength of its own side without supporter noise.</summary>
    public double ConstantOwnStrength { get; private set; }

    /// <summary>Recomputes the observer's perception; <paramref name="world"/> <see langword="null"/> anchors on the truth.</summary>
    public void Update(CrisisFrame frame, PerceptionProfile perception, WorldState? world)
    {
        var crisis = frame.Crisis;
        int n = crisis.SideCount;
        bool learning = world is { Learning: true };
        Exact = perception.Credulity == 0 && perception.SupporterNoise == 0;

        // Information sharing: the observer's own supporters share; its noise shrinks by Π(1 - φ_j) and its supporter
        // noise on j by (1 - φ_j).
        int own = IsChallenger ? 0 : 1;
        double sharing = 1;
        bool anyNoise = false;
        for (int p = 0; p < n; p++)
        {
            // Beliefs concern a commitment's reliability where it binds: out of scope the observer keeps the truth.
            int k = crisis.ParticipantCommitment[p];
            bool believed = learning && crisis.ParticipantInScope[p];
            double anchor = believed ? world!.BeliefMean(k) : frame.Reliability[p];
            double deepenedAnchor = believed
                ? Math.Clamp(anchor + (crisis.Foresight * world!.Scenario.DeepeningReliability[k]), 0, 1)
                : frame.DeepenedReliability[p];
            if (!_cached || anchor != Anchor[p] || frame.Signal[p] != _signal[p])
            {
                Anchor[p] = anchor;
                _signal[p] = frame.Signal[p];
                LogitBase[p] = PerceivedLogit(perception.Credulity, anchor, frame.Signal[p]);
                Perceived[p] = Exact ? anchor : CrisisFrame.Logistic(LogitBase[p]);
            }

            if (!_cached || deepenedAnchor != DeepenedAnchor[p] || frame.DeepenedSignal[p] != _deepenedSignal[p])
            {
                DeepenedAnchor[p] = deepenedAnchor;
                _deepenedSignal[p] = frame.DeepenedSignal[p];
                DeepenedLogitBase[p] = PerceivedLogit(perception.Credulity, deepenedAnchor, frame.DeepenedSignal[p]);
                DeepenedPerceived[p] = Exact ? deepenedAnchor : CrisisFrame.Logistic(DeepenedLogitBase[p]);
            }

            bool isOwn = crisis.ParticipantOwnObserver[p] == own;
            SupporterNoise[p] = perception.SupporterNoise * (isOwn ? 1 - frame.InformationSharing[p] : 1);
            anyNoise |= SupporterNoise[p] > 0;
            if (isOwn)
            {
                sharing *= 1 - frame.InformationSharing[p];
            }
        }

        _cached = true;
        HasSupporterNoise = anyNoise;
        Noise = perception.Noise * sharing;
        OpponentBias = Math.Exp(perception.CapabilityBias);
        ConstantLogit = Belief(frame, deepened: false, epsilons: default, out double ownStrength);
        ConstantOwnStrength = ownStrength;
        ConstantDeepenedLogit = Belief(frame, deepened: true, epsilons: default, out _);
    }

    /// <summary>
    /// The belief logit m (ln Ŝ_i(C) - ln Ŝ_i(D)) before the optimism shock, now or (<paramref name="deepened"/>) after
    /// the foresight's H periods of deepening and capability growth. With <paramref name="epsilons"/> empty, no
    /// supporter noise is applied.
    /// </summary>
    /// <param name="frame">The crisis frame.</param>
    /// <param name="deepened">Whether to look H periods ahead.</param>
    /// <param name="epsilons">Standard normal draws per side participant, or empty.</param>
    /// <param name="ownStrength">The observer's perceived strength of its own side (before its capability bias, which
    /// applies to the opponent only).</param>
    public double Belief(CrisisFrame frame, bool deepened, ReadOnlySpan<double> epsilons, out double ownStrength)
    {
        var crisis = frame.Crisis;
        var perceived = deepened ? DeepenedPerceived : Perceived;
        var logits = deepened ? DeepenedLogitBase : LogitBase;
        var strength = deepened ? frame.DeepenedStrength : frame.Strength;
        bool noisy = !epsilons.IsEmpty;
        double challengerSide = deepened ? frame.DeepenedChallengerStrength : frame.ChallengerStrength;
        double defenderSide = deepened ? frame.DeepenedDefenderStrength : frame.DefenderStrength;
        int nC = crisis.ChallengerSupporterCount;
        int n = crisis.SideCount;
        for (int p = 0; p < n; p++)
        {
            double rho = noisy && !Exact
                ? CrisisFrame.Logistic(logits[p] + (SupporterNoise[p] * epsilons[p]))
                : perceived[p];
            if (p < nC)
            {
                challengerSide += rho * strength[p];
            }
            else
            {
                defenderSide += rho * strength[p];
            }
        }

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
        return crisis.Decisiveness * Math.Log(challengerSide / defenderSide);
    }

    private static double PerceivedLogit(double credulity, double anchor, double signal)
    {
        double truth = credulity == 1 ? 0 : (1 - credulity) * CrisisFrame.Logit(anchor);
        return truth + (credulity * CrisisFrame.Logit(signal));
    }
}
