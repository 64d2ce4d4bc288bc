using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeterrenceSim.Engine;

/// <summary>
/// The Nash split (DESIGN.md section 3; scenarios' <c>"protocol": "NashSplit"</c>): war iff the perceived bargaining
/// range is empty, p̂_C − c_C &gt; p̂_D + c_D (Fearon 1995); otherwise the settlement
/// x = clamp(lower + λ (upper − lower), 0, 1), with lower = p̂_C − c_C, upper = p̂_D + c_D and λ C's bargaining power.
/// Agents are boundedly rational: they do not infer the other side's beliefs from its willingness to fight.
/// </summary>
public readonly struct NashSplit : IBargainingProtocol
{
    /// <inheritdoc/>
    public static bool PrivateDefenderCost => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        double lower = challengerBelief - terms.ChallengerCost;
        double upper = defenderBelief + defenderCost;
        settlement = Math.Clamp(lower + (terms.ChallengerPower * (upper - lower)), 0, 1);
        return lower > upper;
    }

    /// <summary><see cref="IsWar(in BargainingTerms, double, double, double, out double)"/> of four rounds at once, lane for
    /// lane the same operations (the clamp as <see cref="Math.Clamp(double, double, double)"/>: below 0 gives 0, else
    /// above 1 gives 1, NaN stays NaN).</summary>
    /// <returns>All bits set in the lanes at war.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> IsWar(in BargainingTerms terms, Vector256<double> challengerBelief, Vector256<double> defenderBelief, Vector256<double> defenderCost, out Vector256<double> settlement)
    {
        var lower = challengerBelief - Vector256.Create(terms.ChallengerCost);
        var upper = defenderBelief + defenderCost;
        var x = lower + (Vector256.Create(terms.ChallengerPower) * (upper - lower));
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256<double>.Zero, x);
        settlement = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.One), Vector256<double>.One, x);
        return Vector256.GreaterThan(lower, upper);
    }
}
