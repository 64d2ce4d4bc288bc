using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeterrenceSim.Engine;

/// <summary>
/// Powell's (2006) preventive-war test in its protocol-free form (DESIGN.md section 3): strike now iff
/// δ^H (p̂ − p̂') &gt; (1 − δ^H)(1 − p̂) + c_C + δ^H c_D. Oracle (H = 1): δ 0.9, p̂ 0.7, c_C = c_D = 0.1: war iff the
/// perceived decline p̂ − p̂' exceeds 0.2444.
/// </summary>
public readonly struct PowellPreventiveWar : IPreventiveWarDecision
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPreventive(in PreventiveTerms terms, double belief, double deepenedBelief) =>
        terms.Discount * (belief - deepenedBelief) > ((1 - terms.Discount) * (1 - belief)) + Threshold(terms);

    /// <summary><see cref="IsPreventive(in PreventiveTerms, double, double)"/> of four rounds at once, lane for lane the
    /// same operations.</summary>
    /// <returns>All bits set in the lanes that strike.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> IsPreventive(in PreventiveTerms terms, Vector256<double> belief, Vector256<double> deepenedBelief) =>
        Vector256.GreaterThan(
            Vector256.Create(terms.Discount) * (belief - deepenedBelief),
            (Vector256.Create(1 - terms.Discount) * (Vector256<double>.One - belief)) + Vector256.Create(Threshold(terms)));

    /// <summary>The right-hand side is at least c_C + δ^H c_D, so no decline of at most d strikes unless
    /// δ^H d &gt; c_C + δ^H c_D (with a 1e-12 margin for rounding).</summary>
    /// <param name="terms">The crisis's discount and costs.</param>
    /// <param name="largestDecline">An upper bound d of p̂ − p̂'.</param>
    /// <returns>Whether a strike is possible.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CanStrike(in PreventiveTerms terms, double largestDecline) =>
        (terms.Discount * largestDecline) > Threshold(terms) - 1e-12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Threshold(in PreventiveTerms terms) => terms.ChallengerCost + (terms.Discount * terms.DefenderCost);
}
