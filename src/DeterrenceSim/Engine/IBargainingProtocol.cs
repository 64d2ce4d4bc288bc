namespace DeterrenceSim.Engine;

/// <summary>
/// A bargaining protocol (DESIGN.md section 3, step 2): given the two protagonists' beliefs about the challenger C's
/// chance of winning and the costs of war, decide between war and a settlement x, C's share of stakes normalised to 1.
/// C accepts any x ≥ p̂_C − c_C; the defender D concedes any x ≤ p̂_D + c_D (Fearon 1995).
/// </summary>
/// <remarks>
/// <para>A strategy is a <see langword="struct"/> with static members only (the zero-cost plug-in pattern of
/// ImageSharp's <c>IRowOperation</c>): the engine is generic over it, so the JIT specialises the round for the protocol
/// and inlines its decision. Pass one to <see cref="MonteCarlo.Run{TProtocol}"/>; the built-ins are
/// <see cref="NashSplit"/> and <see cref="TakeItOrLeaveIt"/>, which scenarios select by name.</para>
/// <para>The contract every protocol must meet (tests/DeterrenceSim.Tests/Engine/BargainingProtocolContract.cs checks
/// it): the decision is a pure function of its arguments; without war the settlement lies in [0, 1] and within the
/// perceived bargaining range, clamp(p̂_C − c_C) ≤ x ≤ clamp(p̂_D + c_D) (clamped to [0, 1]), so an empty range means
/// war; and war is monotone in optimism and cost: raising p̂_C, lowering p̂_D or lowering c_D never turns war into
/// peace (Blainey 1973's mutual optimism; the attribution of wars to misperception presupposes it).</para>
/// </remarks>
public interface IBargainingProtocol
{
    /// <summary>
    /// Gets a value indicating whether D's cost is private information, drawn each round from U[0, c̄]
    /// (<see cref="BargainingTerms.DefenderCostUpperBound"/>) instead of the crisis's fixed <c>defenderCost</c>. The
    /// preventive test then plans with the expected cost c̄/2. Constant: the JIT folds it.
    /// </summary>
    static abstract bool PrivateDefenderCost { get; }

    /// <summary>Decides one round's bargaining.</summary>
    /// <param name="terms">The crisis's bargaining constants.</param>
    /// <param name="challengerBelief">p̂_C, C's belief about its own chance of winning. Range: [0, 1].</param>
    /// <param name="defenderBelief">p̂_D, D's belief about C's chance of winning. Range: [0, 1].</param>
    /// <param name="defenderCost">c_D, D's cost of war this round: the crisis's fixed cost, or the private draw when
    /// <see cref="PrivateDefenderCost"/>. Range: [0, 1].</param>
    /// <param name="settlement">Without war, the settlement x, C's share. Range: [0, 1]. Ignored after war.</param>
    /// <returns><see langword="true"/> for war, <see langword="false"/> for a settlement.</returns>
    static abstract bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement);
}
