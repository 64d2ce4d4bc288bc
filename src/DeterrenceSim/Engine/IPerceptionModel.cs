namespace DeterrenceSim.Engine;

/// <summary>
/// How a protagonist's belief about the challenger C's chance of winning is formed from the logit of the contest
/// success function of the strengths it perceives and its optimism shock (DESIGN.md section 3): the built-in
/// <see cref="LogisticPerception"/> is p̂ = logistic(L + σ η), Blainey's (1973) mutual optimism on the logit scale.
/// The perceived strengths themselves (credulity, supporter noise, capability bias, learning) are not part of it.
/// </summary>
/// <remarks>
/// <para>A strategy is a <see langword="struct"/> with static members only: the engine is generic over it, so the JIT
/// specialises and inlines it. Pass one to <see cref="MonteCarlo.Run{TProtocol, TPerception, TWarDecision}"/>.</para>
/// <para>Accurate perception, the reference of the attribution and p_acc, is the true contest success function,
/// logistic(L), whatever the model: a perception model describes misperception.</para>
/// <para>The contract every model must meet (tests/DeterrenceSim.Tests/Engine/PerceptionModelContract.cs): a pure
/// function with beliefs in [0, 1]; non-decreasing in the logit and, for σ &gt; 0, in the shock; the shock ignored when
/// σ = 0; and <see cref="LargestDecline"/> a true upper bound.</para>
/// </remarks>
public interface IPerceptionModel
{
    /// <summary>Forms a belief about C's chance of winning.</summary>
    /// <param name="logit">L = m (ln Ŝ(C) − ln Ŝ(D)), the logit of the contest success function of the perceived
    /// strengths (Tullock 1980). Range: the extended reals (±∞ when a side is perceived as having no strength).</param>
    /// <param name="noise">σ, the holder's effective optimism-noise scale (after information sharing). Range: σ ≥ 0.</param>
    /// <param name="shock">η, the holder's standard normal optimism shock, signed so that a positive value raises C's
    /// chance: η_C for the challenger, −η_D for the defender (one draw per observer per round).</param>
    /// <returns>p̂, the belief about C's chance. Range: [0, 1].</returns>
    static abstract double Belief(double logit, double noise, double shock);

    /// <summary>
    /// An upper bound of <c>Belief(L, σ, η) − Belief(L − gap, σ, η)</c> over every L, σ and η: how far a belief can fall
    /// when the perceived logit falls by <paramref name="gap"/>. The engine skips the preventive test of a period in
    /// which it cannot fire. Returning 1 is always correct (and costs the skip).
    /// </summary>
    /// <param name="gap">The fall of the logit. Range: gap &gt; 0.</param>
    /// <returns>The bound. Range: [0, 1].</returns>
    static abstract double LargestDecline(double gap);
}
