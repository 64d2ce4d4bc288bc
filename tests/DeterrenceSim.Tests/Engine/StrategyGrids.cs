using DeterrenceSim.Engine;
using DeterrenceSim.Model;

namespace DeterrenceSim.Tests.Engine;

/// <summary>The inputs the strategy contracts check every implementation on: grids over the whole domain, ends included.</summary>
internal static class StrategyGrids
{
    /// <summary>Beliefs p̂ in [0, 1]: steps of 0.05 and points close to the ends.</summary>
    public static readonly double[] Beliefs = [0, 1e-9, 0.01, .. Enumerable.Range(1, 19).Select(i => i * 0.05), 0.99, 1 - 1e-9, 1];

    /// <summary>Costs as fractions of the stakes, in [0, 1].</summary>
    public static readonly double[] Costs = [0, 0.05, 0.1, 0.3, 1];

    /// <summary>Every combination of status quo, challenger cost, bargaining power and c̄.</summary>
    public static IEnumerable<BargainingTerms> BargainingTerms() =>
        from statusQuo in new[] { 0, 0.3, 1 }
        from challengerCost in Costs
        from power in new[] { 0, 0.5, 1 }
        from upperBound in new[] { 0.01, 0.4, 1 }
        select new BargainingTerms(statusQuo, challengerCost, power, upperBound);

    /// <summary>Every combination of δ^H and the two costs.</summary>
    public static IEnumerable<PreventiveTerms> PreventiveTerms() =>
        from discount in new[] { 0.5, 0.81, 0.9, 0.99 }
        from challengerCost in Costs
        from defenderCost in Costs
        select new PreventiveTerms(discount, challengerCost, defenderCost);

    /// <summary>
    /// A small noisy crisis with a supporter on each side and both costs (so any protocol can run it): optimism noise
    /// on both sides, supporter noise on the defender, deepening and growth so the preventive test can fire.
    /// </summary>
    public static Scenario NoisyCrisis() => TestScenarios.Bilateral(
        1.0,
        0.6,
        extraStates: [new State("A", "Ally of C", 0.3, "Theatre"), new State("J", "Ally of D", 0.5, "Theatre") { GrowthRate = 0.05 }],
        commitments:
        [
            new Commitment("A", "C", CommitmentKind.Alignment, 0.4, 0.6) { Scope = ["Theatre"] },
            new Commitment("J", "D", CommitmentKind.BilateralDefence, 0.3, 0.4) { Scope = ["Theatre"], Deepening = new Deepening(Reliability: 0.2, Signal: 0.2) },
        ],
        crisis: c => c with { Bargaining = new Bargaining(DefenderCostUpperBound: 0.4), ChallengerCost = 0.02, DefenderCost = 0.05 },
        challengerPerception: new PerceptionProfile(Credulity: 0.5, Noise: 0.8),
        defenderPerception: new PerceptionProfile(Credulity: 0.3, Noise: 0.5, SupporterNoise: 0.4));
}
