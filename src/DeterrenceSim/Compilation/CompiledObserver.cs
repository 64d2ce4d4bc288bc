using DeterrenceSim.Model;

namespace DeterrenceSim.Compilation;

/// <summary>
/// What one protagonist (observer i) perceives of a crisis, precomputed (DESIGN.md section 3):
/// logit(ρ̂_ij) = (1 - κ_i) logit(ρ_j) + κ_i logit(v_j) + s_ij ε_ij, with 0 · ∞ = 0; the perceived strength of a side is
/// (K_prot π_prot + Σ ρ̂_ij K_j π_j) · exp(b_i · 1[side is not i's]); its belief is the logit of the contest success
/// function, m (ln Ŝ(C) - ln Ŝ(D)), plus σ_i times its optimism shock.
/// </summary>
internal sealed class CompiledObserver
{
    public CompiledObserver(CompiledCrisis crisis, PerceptionProfile perception, bool isChallenger)
    {
        int n = crisis.SideCount;
        IsChallenger = isChallenger;
        Accurate = perception.Credulity == 0 && perception.SupporterNoise == 0;
        LogitBase = new double[n];
        DeepenedLogitBase = new double[n];
        SupporterNoise = new double[n];

        // Information sharing: the observer's own supporters share; its noise shrinks by Π(1 - φ_j) and its supporter
        // noise on j by (1 - φ_j).
        int ownStart = isChallenger ? 0 : crisis.ChallengerSupporterCount;
        int ownEnd = isChallenger ? crisis.ChallengerSupporterCount : n;
        double sharing = 1;
        for (int p = 0; p < n; p++)
        {
            bool own = p >= ownStart && p < ownEnd;
            LogitBase[p] = PerceivedLogit(perception.Credulity, crisis.Reliability[p], crisis.Signal[p]);
            DeepenedLogitBase[p] = PerceivedLogit(perception.Credulity, crisis.DeepenedReliability[p], crisis.DeepenedSignal[p]);
            SupporterNoise[p] = perception.SupporterNoise * (own ? 1 - crisis.InformationSharing[p] : 1);
            if (own)
            {
                sharing *= 1 - crisis.InformationSharing[p];
            }
        }

        HasSupporterNoise = SupporterNoise.Any(s => s > 0);
        Noise = perception.Noise * sharing;
        OpponentBias = Math.Exp(perception.CapabilityBias);
        ConstantLogit = Belief(crisis, deepened: false, epsilons: default);
        ConstantDeepenedLogit = Belief(crisis, deepened: true, epsilons: default);
    }

    public bool IsChallenger { get; }

    /// <summary>Gets a value indicating whether κ = s = 0: perceived reliability is the true ρ itself.</summary>
    public bool Accurate { get; }

    /// <summary>(1 - κ) logit(ρ_j) + κ logit(v_j) per side participant, ±∞ allowed.</summary>
    public double[] LogitBase { get; }

    public double[] DeepenedLogitBase { get; }

    /// <summary>Effective supporter noise s_ij per side participant.</summary>
    public double[] SupporterNoise { get; }

    public bool HasSupporterNoise { get; }

    /// <summary>Effective optimism-shock scale σ_i Π(1 - φ_j).</summary>
    public double Noise { get; }

    /// <summary>exp(b_i), the factor on the opposing side's perceived strength.</summary>
    public double OpponentBias { get; }

    /// <summary>The belief logit without supporter noise: constant across rounds.</summary>
    public double ConstantLogit { get; }

    public double ConstantDeepenedLogit { get; }

    /// <summary>
    /// The belief logit m (ln Ŝ_i(C) - ln Ŝ_i(D)) before the optimism shock, now or (<paramref name="deepened"/>) after
    /// the foresight's H periods of deepening and capability growth. With <paramref name="epsilons"/> empty, no
    /// supporter noise is applied.
    /// </summary>
    public double Belief(CompiledCrisis crisis, bool deepened, ReadOnlySpan<double> epsilons)
    {
        var reliability = deepened ? crisis.DeepenedReliability : crisis.Reliability;
        var logits = deepened ? DeepenedLogitBase : LogitBase;
        var strength = deepened ? crisis.DeepenedStrength : crisis.Strength;
        bool noisy = !epsilons.IsEmpty;
        double challengerSide = deepened ? crisis.DeepenedChallengerStrength : crisis.ChallengerStrength;
        double defenderSide = deepened ? crisis.DeepenedDefenderStrength : crisis.DefenderStrength;
        int nC = crisis.ChallengerSupporterCount;
        int n = crisis.SideCount;
        for (int p = 0; p < n; p++)
        {
            double rho = Accurate
                ? reliability[p]
                : CompiledCrisis.Logistic(noisy ? logits[p] + (SupporterNoise[p] * epsilons[p]) : logits[p]);
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
            defenderSide *= OpponentBias;
        }
        else
        {
            challengerSide *= OpponentBias;
        }

        // logit(CSF(x, y)) = m ln(x / y) for the ratio-form contest success function (Tullock 1980).
        return crisis.Decisiveness * Math.Log(challengerSide / defenderSide);
    }

    private static double PerceivedLogit(double credulity, double reliability, double signal)
    {
        double truth = credulity == 1 ? 0 : (1 - credulity) * CompiledCrisis.Logit(reliability);
        return truth + (credulity * CompiledCrisis.Logit(signal));
    }
}
