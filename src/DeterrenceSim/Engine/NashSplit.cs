using System.Runtime.CompilerServices;

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
}
