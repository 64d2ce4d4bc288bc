using DeterrenceSim.Engine;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// A user-defined protocol, as a researcher would write one (samples/scripts/who-makes-the-offer.cs has the same): the
/// defender makes the take-it-or-leave-it offer, the least it believes the challenger accepts, x = max(0, p̂_D − c_C);
/// the challenger accepts iff x ≥ p̂_C − c_C. War is then pure mutual optimism: p̂_C − c_C &gt; x.
/// </summary>
public readonly struct DefenderUltimatum : IBargainingProtocol
{
    public static bool PrivateDefenderCost => false;

    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        settlement = Math.Max(0, defenderBelief - terms.ChallengerCost);
        return challengerBelief - terms.ChallengerCost > settlement;
    }
}

/// <summary>A user-defined perception: a probit link, p̂ = Φ(0.6 (L + σ η)), close to the logistic but thinner-tailed.</summary>
public readonly struct ProbitPerception : IPerceptionModel
{
    private const double Scale = 0.6;

    public static double Belief(double logit, double noise, double shock) =>
        MathNet.Numerics.Distributions.Normal.CDF(0, 1, Scale * (logit + (noise * shock)));

    /// <summary>Two normal CDFs Scale · gap apart differ by at most 2 Φ(Scale · gap / 2) − 1, at the midpoint.</summary>
    public static double LargestDecline(double gap) => (2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, Scale * gap / 2)) - 1;
}

/// <summary>A user-defined preventive decision: a myopic challenger that strikes iff the decline exceeds the costs of
/// war, ignoring the discount. <see cref="CanStrike"/> keeps a margin for rounding: p̂ − (p̂ − d) may exceed d by an ulp
/// (the contract caught the version without it).</summary>
public readonly struct MyopicPreventiveWar : IPreventiveWarDecision
{
    public static bool IsPreventive(in PreventiveTerms terms, double belief, double deepenedBelief) =>
        belief - deepenedBelief > terms.ChallengerCost + terms.DefenderCost;

    public static bool CanStrike(in PreventiveTerms terms, double largestDecline) =>
        largestDecline > terms.ChallengerCost + terms.DefenderCost - 1e-12;
}
