using System.Runtime.CompilerServices;

namespace DeterrenceSim.Engine;

/// <summary>
/// Fearon's (1995) take-it-or-leave-it protocol, his risk-return trade-off (DESIGN.md section 3; scenarios'
/// <c>"protocol": "TakeItOrLeaveIt"</c>): D's cost is private, drawn each round from U[0, c̄]; C demands
/// x* = min(1, p̂_C + max(0, (c̄ − c_C) / 2)) and D rejects, and war follows, iff x* &gt; p̂_D + c_D. With accurate
/// perceptions P(war) = (c̄ − c_C) / (2 c̄) while x* &lt; 1 and c_C &lt; c̄.
/// </summary>
public readonly struct TakeItOrLeaveIt : IBargainingProtocol
{
    /// <inheritdoc/>
    public static bool PrivateDefenderCost => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        double demand = Math.Min(1, challengerBelief + Math.Max(0, (terms.DefenderCostUpperBound - terms.ChallengerCost) / 2));
        settlement = demand;
        return demand > defenderBelief + defenderCost;
    }
}
