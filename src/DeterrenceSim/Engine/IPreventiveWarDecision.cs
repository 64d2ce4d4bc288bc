namespace DeterrenceSim.Engine;

/// <summary>
/// The preventive-war decision (DESIGN.md section 3, step 1), tested before the bargaining and taking precedence over
/// it: does the challenger C, believing its chance of winning is p̂ now and p̂' after the foresight's H periods of
/// deepening commitments and capability growth, strike now? The built-in is <see cref="PowellPreventiveWar"/> (Powell
/// 2006); <see cref="NoPreventiveWar"/> switches the mechanism off.
/// </summary>
/// <remarks>
/// <para>A strategy is a <see langword="struct"/> with static members only: the engine is generic over it, so the JIT
/// specialises and inlines it. Pass one to <see cref="MonteCarlo.Run{TProtocol, TPerception, TWarDecision}"/>.</para>
/// <para>The contract every decision must meet (tests/DeterrenceSim.Tests/Engine/PreventiveWarDecisionContract.cs): a
/// pure function; no strike without a closing window (p̂' &lt; p̂); monotone: a deeper decline never turns a strike
/// into none, higher costs never turn none into a strike; and <see cref="CanStrike"/> false only when no decline
/// within its bound strikes.</para>
/// </remarks>
public interface IPreventiveWarDecision
{
    /// <summary>Decides whether C strikes now.</summary>
    /// <param name="terms">The crisis's discount and costs.</param>
    /// <param name="belief">p̂, C's belief about its chance now. Range: [0, 1].</param>
    /// <param name="deepenedBelief">p̂', C's belief after the foresight (same shocks, so only deepening and growth move
    /// it). Range: [0, 1].</param>
    /// <returns><see langword="true"/> for a preventive war.</returns>
    static abstract bool IsPreventive(in PreventiveTerms terms, double belief, double deepenedBelief);

    /// <summary>
    /// Whether <see cref="IsPreventive"/> can be true for some belief p̂ when p̂ − p̂' is at most
    /// <paramref name="largestDecline"/>: when not, the engine skips the test (and the belief p̂') for a period.
    /// Returning <see langword="true"/> is always correct.
    /// </summary>
    /// <param name="terms">The crisis's discount and costs.</param>
    /// <param name="largestDecline">An upper bound of p̂ − p̂' (<see cref="IPerceptionModel.LargestDecline"/>). Range: [0, 1].</param>
    /// <returns><see langword="false"/> only if no strike is possible.</returns>
    static abstract bool CanStrike(in PreventiveTerms terms, double largestDecline);
}
