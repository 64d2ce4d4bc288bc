using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests;

/// <summary>Small scenarios built in code for oracle tests.</summary>
internal static class TestScenarios
{
    /// <summary>A bilateral crisis C vs D with optional supporters; accurate perception unless given.</summary>
    public static Scenario Bilateral(
        double challengerCapability,
        double defenderCapability,
        IReadOnlyList<State>? extraStates = null,
        IReadOnlyList<Commitment>? commitments = null,
        Func<Crisis, Crisis>? crisis = null,
        PerceptionProfile? challengerPerception = null,
        PerceptionProfile? defenderPerception = null,
        IReadOnlyList<Alliance>? alliances = null)
    {
        var states = new List<State>
        {
            new("C", "Challenger", challengerCapability, "Theatre") { Perception = challengerPerception ?? PerceptionProfile.Accurate },
            new("D", "Defender", defenderCapability, "Theatre") { Perception = defenderPerception ?? PerceptionProfile.Accurate },
        };
        states.AddRange(extraStates ?? []);
        var baseCrisis = new Crisis("crisis", "C", "D", new Theatre("Theatre"), StatusQuo: 0.5, ChallengerCost: 0.1) { DefenderCost = 0.1 };
        return new Scenario("test", states, [crisis is null ? baseCrisis : crisis(baseCrisis)])
        {
            Commitments = commitments ?? [],
            Alliances = alliances ?? [],
        };
    }

    public static SimulationResult Run(Scenario scenario, long rounds, ulong seed = 12345, int threads = 2, string crisis = "crisis") =>
        new MonteCarlo(CompiledScenario.Compile(scenario)).Run(crisis, new RoundOptions { Rounds = rounds, Seed = seed, Threads = threads });

    /// <summary>Asserts |estimate - expected| ≤ 4 standard errors of a binomial proportion with the expected p.</summary>
    public static void WithinFourStandardErrors(double expected, Proportion rate)
    {
        Assert.True(rate.Trials > 0, "no trials");
        double se = Math.Sqrt(expected * (1 - expected) / rate.Trials);
        double estimate = rate.Estimate!.Value;
        Assert.True(
            Math.Abs(estimate - expected) <= 4 * se,
            $"estimate {estimate:R} differs from {expected:R} by more than 4 SE ({4 * se:R}), n = {rate.Trials}");
    }
}
