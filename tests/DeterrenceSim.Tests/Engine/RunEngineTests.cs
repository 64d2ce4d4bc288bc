using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>Runs over periods (DESIGN.md section 4): learning, votes, growth, overstretch, determinism.</summary>
public class RunEngineTests
{
    /// <summary>C always fights (it underrates its opponent by e^-10), so every period of every replication is a war.</summary>
    private static readonly PerceptionProfile AlwaysWar = new(CapabilityBias: -10);

    /// <summary>
    /// A period's update leaves the accurate observer and the masks other than every factor until read (a war): read
    /// every third period, while a third of the commitments' reliabilities, signals and beliefs change every fourth
    /// period (a period's update perceives only the participants that moved) and capabilities every period, they equal a
    /// frame updated in full every period, bit for bit (a change made in a period nobody read is not lost).
    /// </summary>
    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("baltic")]
    public void UpdatePeriod_ReadEveryThirdPeriod_EqualsAFrameUpdatedInFull(string crisisId)
    {
        var compiled = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName));
        var crisis = compiled.GetCrisis(crisisId);
        var deferredWorld = new WorldState(compiled) { Learning = true };
        var fullWorld = new WorldState(compiled) { Learning = true };
        var deferred = new CrisisFrame(crisis, deferredWorld);
        var full = new CrisisFrame(crisis, fullWorld);
        int reads = 0;
        for (int t = 0; t < 40; t++)
        {
            foreach (var world in new[] { deferredWorld, fullWorld })
            {
                world.Capability[t % world.Capability.Length] *= 1.05;
                if (t % 4 == 1)
                {
                    // A third of the commitments at a time: the period's update perceives only the participants that moved.
                    for (int k = t % 3; k < world.Reliability.Length; k += 3)
                    {
                        world.Reliability[k] = Math.Clamp(world.Reliability[k] + (t % 8 == 1 ? 0.03 : -0.02), 0, 1);
                        world.Signal[k] = Math.Clamp(world.Signal[k] - 0.01, 0.05, 0.95);
                        world.BeliefObservations[k] += 1;
                    }
                }
            }

            deferred.UpdatePeriod(deferredWorld, commitmentsChanged: t % 4 == 1);
            full.Update(fullWorld);
            Assert.Equal(full.Challenger.ConstantLogit, deferred.Challenger.ConstantLogit);
            Assert.Equal(full.Defender.ConstantDeepenedLogit, deferred.Defender.ConstantDeepenedLogit);
            if (t % 3 == 2)
            {
                reads++;
                Assert.Equal(full.AccurateWinProbability, deferred.AccurateWinProbability);
                Assert.Equal(full.Accurate.ConstantDeepenedLogit, deferred.Accurate.ConstantDeepenedLogit);
                Assert.Equal(full.Challenger.ConstantLogits, deferred.Challenger.ConstantLogits);
                Assert.Equal(full.Defender.ConstantDeepenedLogits, deferred.Defender.ConstantDeepenedLogits);
            }
        }

        Assert.Equal(13, reads);
    }

    [Fact]
    public void Run_SupporterObservedInManyWars_BeliefConvergesToItsReliability()
    {
        // True reliability 0.3, prior strength 10 at ρ0 = 0.3; 2,000 wars: the posterior mean is within 4 SE of 0.3.
        var scenario = WithSupporter(reliability: 0.3, priorStrength: 10, periods: 2_000);
        var trace = RunOne(scenario, periods: 2_000);
        int n = 2_000;
        double se = Math.Sqrt(0.3 * 0.7 / n);
        Assert.InRange(trace.FinalBelief[0], 0.3 - (4 * se), 0.3 + (4 * se));
        Assert.NotEqual(0.3, trace.FinalBelief[0]); // it moved: the observations were counted
    }

    [Fact]
    public void Run_ReliabilityDeepensDuringTheRun_BeliefFollowsPublicDeepeningWithoutBias()
    {
        // ρ rises from 0.1 by 0.1 a period. Deepening is public, so the announced reliability moves with it to 0.7, and
        // each of the six calls (made at ρ = 0.1, ..., 0.6) counts by how far it fell short of the reliability then in
        // force: a supporter that behaves as announced is believed at the truth, without bias from old calls.
        var scenario = WithSupporter(reliability: 0.1, priorStrength: 10, periods: 6, deepening: 0.1);
        var beliefs = new List<double>();
        var truths = new List<double>();
        for (int replication = 0; replication < 400; replication++)
        {
            var trace = RunOne(scenario, periods: 6, replication: replication);
            beliefs.Add(trace.FinalBelief[0]);
            truths.Add(trace.FinalReliability[0]);
        }

        Assert.All(truths, t => Assert.Equal(0.7, t, 12));

        // E[belief] = 0.7 + E[Σ (x_t − ρ_t)] / 16 = 0.7. SD of one belief = √(Σ ρ_t (1 - ρ_t)) / 16; 4 SE of the mean
        // over 400 replications.
        double expected = 0.7;
        double sd = Math.Sqrt(new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 }.Sum(r => r * (1 - r))) / 16;
        Assert.InRange(beliefs.Average(), expected - (4 * sd / Math.Sqrt(400)), expected + (4 * sd / Math.Sqrt(400)));
    }

    [Fact]
    public void Run_LearningOff_BeliefsTrackTheTruthAndIgnoreWars()
    {
        var scenario = WithSupporter(reliability: 0.3, priorStrength: 10, periods: 6, deepening: 0.1) with { Learning = false };
        var trace = RunOne(scenario, periods: 6);
        for (int t = 0; t < 6; t++)
        {
            Assert.Equal(trace.Reliability[t], trace.Belief[t], 12);
        }

        Assert.Equal(trace.FinalReliability[0], trace.FinalBelief[0], 12);
    }

    [Fact]
    public void Simulate_GrowthThatOverflows_FailsBeforeRunningNamingTheState()
    {
        var scenario = ParameterPaths.Set(WithSupporter(reliability: 0.5, priorStrength: 10, periods: 5), "states.C.growthRate", 1);
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));
        Assert.Equal(5, monteCarlo.Simulate(new RunOptions { Periods = 5, Replications = 2 }).Periods);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => monteCarlo.Simulate(new RunOptions { Periods = 1100, Replications = 2 }));
        Assert.Contains("of C takes its capability out of [1e-300, 1e300] in period 998 of 1100", e.Message, StringComparison.Ordinal);

        // The scenario layer says the same with the JSON path, as sweeps and the CLI report it.
        Assert.Null(Record.Exception(() => ScenarioValidator.CheckGrowth(scenario, 5)));
        var error = Assert.Throws<ScenarioException>(() => ScenarioValidator.CheckGrowth(scenario, 1100));
        Assert.Equal("$.states[0].growthRate", error.JsonPath);
        Assert.Contains("in period 998", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ConstantQuantity_ZeroWidthInterval()
    {
        var scenario = WithSupporter(reliability: 0.5, priorStrength: 10, periods: 3);
        var result = new MonteCarlo(CompiledScenario.Compile(scenario)).Simulate(new RunOptions { Periods = 3, Replications = 50 });
        var signal = result.Commitments[0].FinalSignal;
        Assert.Equal(0.5, signal.Mean);
        Assert.Equal(0.5, signal.Lower);
        Assert.Equal(0.5, signal.Upper);
        Assert.All(result.Crises, c => Assert.InRange(c.ShareOfPeriodsAtWar.Lower, 0, 1));
    }

    [Fact]
    public void Run_PriorStrengthZero_FirstObservationDominates()
    {
        var scenario = WithSupporter(reliability: 0.5, priorStrength: 0, periods: 2);
        for (int replication = 0; replication < 20; replication++)
        {
            var trace = RunOne(scenario, periods: 2, replication: replication);
            Assert.Equal(0.5, trace.Belief[0], 15); // period 1: the prior mean
            Assert.True(trace.Belief[1] is 0 or 1, $"belief after one observation: {trace.Belief[1]}"); // a probability: perception floors its logit
        }
    }

    [Fact]
    public void Run_SupporterNeverCalledOn_BeliefUnchanged()
    {
        // K supports E, who is in no crisis: no update, whatever happens elsewhere.
        var scenario = WithSupporter(reliability: 0.3, priorStrength: 5, periods: 50) with { };
        scenario = scenario with
        {
            States = [.. scenario.States, new State("E", "Bystander", 0.1, "Theatre"), new State("K", "Patron", 0.2, "Theatre")],
            Commitments = [.. scenario.Commitments, new Commitment("K", "E", CommitmentKind.BilateralDefence, 0.6, 0.5) { Scope = ["Theatre"] }],
        };
        var trace = RunOne(scenario, periods: 50);
        Assert.Equal(0.6, trace.FinalBelief[1], 15);
        Assert.NotEqual(0.3, trace.FinalBelief[0]);
    }

    [Theory]
    [InlineData(DecisionRule.Consensus, false)]
    [InlineData(DecisionRule.Majority, true)]
    public void Run_MemberAlwaysVotesNo_VetoesUnderConsensusOnly(DecisionRule rule, bool deepens)
    {
        var alliance = new Alliance("A", ["J", "X", "Y"])
        {
            DecisionRule = rule,
            Preferences = new Dictionary<string, MemberPreference> { ["X"] = new(Support: 0) },
        };
        var scenario = WithSupporter(reliability: 0.2, priorStrength: 10, periods: 5, deepening: 0.1, alliance: "A") with
        {
            Alliances = [alliance],
        };
        scenario = scenario with { States = [.. scenario.States, new State("X", "Vetoer", 0.1, "Elsewhere"), new State("Y", "Member", 0.1, "Elsewhere")] };

        var trace = RunOne(scenario, periods: 5);

        Assert.Equal(deepens ? 0.7 : 0.2, trace.FinalReliability[0], 12);
    }

    [Fact]
    public void Run_VotePeriod_DeepensOnlyInVotingPeriods()
    {
        var scenario = WithSupporter(reliability: 0.2, priorStrength: 10, periods: 7, deepening: 0.1, alliance: "A") with
        {
            Alliances = [new Alliance("A", ["J"]) { VotePeriod = 3 }],
        };
        var trace = RunOne(scenario, periods: 7);
        double[] expected = [0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.4]; // votes after periods 3 and 6
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(expected[t], trace.Reliability[t * 1], 12);
        }
    }

    [Fact]
    public void Run_GrowthOverTPeriods_CapabilityIsK0TimesOnePlusGToTheT()
    {
        var scenario = WithSupporter(reliability: 0.5, priorStrength: 10, periods: 25);
        scenario = ParameterPaths.SetAll(scenario, [new("states.C.growthRate", "0.03"), new("states.D.growthRate", "-0.02")]);
        var trace = RunOne(scenario, periods: 25);
        Assert.Equal(1.0 * Math.Pow(1.03, 25), trace.FinalCapability[0], 12);
        Assert.Equal(1.0 * Math.Pow(0.98, 25), trace.FinalCapability[1], 12);
        Assert.Equal(0.5, trace.FinalCapability[2], 15); // J: no growth
    }

    [Fact]
    public void Simulate_SupporterFightsInTwoTheatres_ContributesLessToTheSecond()
    {
        // J supports D1 and D2 with ρ = 1; both crises are wars every period. Overstretch 2 halves J's realised
        // strength in the second crisis of the period; perceptions ignore it.
        var scenario = new Scenario(
            "two-theatres",
            [
                new State("C1", "C1", 1, "West") { Perception = AlwaysWar },
                new State("D1", "D1", 0.5, "West"),
                new State("C2", "C2", 1, "East") { Perception = AlwaysWar },
                new State("D2", "D2", 0.5, "East"),
                new State("J", "J", 0.4, "North"),
            ],
            [
                new Crisis("first", "C1", "D1", new Theatre("West"), 0.5, 0.1) { DefenderCost = 0.1 },
                new Crisis("second", "C2", "D2", new Theatre("East"), 0.5, 0.1) { DefenderCost = 0.1 },
            ])
        {
            Commitments =
            [
                new Commitment("J", "D1", CommitmentKind.BilateralDefence, 1, 0.5) { Scope = ["West"] },
                new Commitment("J", "D2", CommitmentKind.BilateralDefence, 1, 0.5) { Scope = ["East"] },
            ],
            Overstretch = 2,
        };
        var rows = new List<PeriodRow>();
        new MonteCarlo(CompiledScenario.Compile(scenario)).Simulate(new RunOptions { Periods = 3, Replications = 2 }, rows.Add);

        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(Outcome.War, r.Outcome));
        Assert.All(rows.Where(r => r.Crisis == "first"), r => Assert.Equal(0.5 + 0.4, r.DefenderRealisedStrength!.Value, 12));
        Assert.All(rows.Where(r => r.Crisis == "second"), r => Assert.Equal(0.5 + 0.2, r.DefenderRealisedStrength!.Value, 12));

        // Perceptions ignore overstretch (the belief about a ρ = 1 commitment is clamped at 1 - 1e-9).
        Assert.All(rows.Where(r => r.Crisis == "second"), r => Assert.Equal(0.5 + 0.4, r.DefenderPerceivedStrength, 6));
    }

    [Fact]
    public void Simulate_OneTwoAndSevenThreads_IdenticalRowsAndResult()
    {
        var scenario = ParameterPaths.Set(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName), "states.*.perception.supporterNoise", 0.2);
        var compiled = CompiledScenario.Compile(scenario);
        (string Rows, string Result) Run(int threads)
        {
            using var writer = new StringWriter();
            var csv = new PeriodRowCsv(writer, compiled.Scenario);
            var result = new MonteCarlo(compiled).Simulate(new RunOptions { Periods = 6, Replications = 37, Seed = 9, Threads = threads }, csv.Write);
            return (writer.ToString(), DynamicsResultJson.ToJson(result with { Threads = 0 }));
        }

        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(7));
        Assert.Equal(1 + (37 * 6 * 3), one.Rows.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Simulate_OnePeriodWithoutLearning_ReproducesSingleRoundRates()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName) with { Learning = false };
        var compiled = CompiledScenario.Compile(scenario);
        var monteCarlo = new MonteCarlo(compiled);
        const int n = 100_000;
        var runs = monteCarlo.Simulate(new RunOptions { Periods = 1, Replications = n, Seed = 3 });
        foreach (var crisis in runs.Crises)
        {
            var rounds = monteCarlo.Run(crisis.Crisis, new RoundOptions { Rounds = n, Seed = 4 });
            foreach (var (outcome, byPeriod) in new[] { (Outcome.War, crisis.WarByPeriod), (Outcome.Deterred, crisis.DeterredByPeriod), (Outcome.Concession, crisis.ConcessionByPeriod) })
            {
                double a = byPeriod[0].Estimate!.Value, b = rounds[outcome].Estimate!.Value;
                double pooled = (a + b) / 2;
                double se = Math.Sqrt((2 * pooled * (1 - pooled) / n) + 1e-12);
                Assert.True(Math.Abs(a - b) <= 4 * se, $"{crisis.Crisis} {outcome}: runs {a} vs rounds {b}, 4 SE = {4 * se}");
            }
        }
    }

    [Fact]
    public void Simulate_EmbeddedScenarioTwentyPeriods_RatesConsistent()
    {
        var compiled = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName));
        var result = new MonteCarlo(compiled).Simulate(new RunOptions { Periods = 20, Replications = 200 });
        Assert.Equal(20, result.Periods);
        foreach (var crisis in result.Crises)
        {
            Assert.Equal(20, crisis.WarByPeriod.Count);
            for (int t = 0; t < 20; t++)
            {
                Assert.Equal(200, crisis.WarByPeriod[t].Count + crisis.DeterredByPeriod[t].Count + crisis.ConcessionByPeriod[t].Count);
            }

            Assert.Equal(crisis.WarByPeriod.Sum(p => p.Count), crisis.WarCauses.Values.Sum(p => p.Count));
            Assert.InRange(crisis.ShareOfPeriodsAtWar.Mean!.Value, 0, 1);
        }

        Assert.Equal(compiled.Scenario.Commitments.Count, result.Commitments.Count);
        Assert.True(result.AnyWar.Count >= result.Crises.Max(c => c.AnyWar.Count));
    }

    private static Scenario WithSupporter(double reliability, double priorStrength, int periods, double deepening = 0, string? alliance = null) =>
        TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("J", "Supporter", 0.5, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, reliability, 0.5)
            {
                Scope = ["Theatre"],
                Deepening = new Deepening(deepening),
                Alliance = alliance,
            }],
            challengerPerception: AlwaysWar) with
        {
            PriorStrength = priorStrength,
            Periods = periods,
        };

    private static ReplicationTrace RunOne(Scenario scenario, int periods, int replication = 0)
    {
        var compiled = CompiledScenario.Compile(scenario);
        var trace = new ReplicationTrace(periods, compiled.Crises.Length, compiled.Reliability.Length, compiled.Capability.Length);
        new RunEngine(compiled).Run(seed: 77, replication, trace);
        return trace;
    }
}
