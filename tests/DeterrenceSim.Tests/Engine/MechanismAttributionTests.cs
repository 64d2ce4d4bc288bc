using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>Attribution by mechanism (issue 12): the oracles of the issue on the engine.</summary>
public sealed class MechanismAttributionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_OneFactorOnAlone_ButForAndShapleyEqualTheWarRate(bool defenderNoise)
    {
        // Only one factor is not zero: the defender's optimism shock, or the challenger's credulity towards its own
        // supporters, whose signals (0.95) exceed their reliability (0.05).
        var scenario = defenderNoise
            ? TestScenarios.Bilateral(1, 1, defenderPerception: new PerceptionProfile(Noise: 1))
            : TestScenarios.Bilateral(
                0.5,
                1,
                extraStates: [new State("J", "J", 0.6, "Theatre"), new State("K", "K", 0.4, "Theatre")],
                commitments:
                [
                    new Commitment("J", "C", CommitmentKind.Alignment, 0.05, 0.95) { Scope = ["Theatre"] },
                    new Commitment("K", "C", CommitmentKind.Alignment, 0.05, 0.95) { Scope = ["Theatre"] },
                ],
                challengerPerception: new PerceptionProfile(OwnCredulity: 1));
        var on = defenderNoise ? MechanismFactor.DefenderNoise : MechanismFactor.ChallengerOwnCredulity;

        var result = TestScenarios.Run(scenario, 50_000);

        var war = result[Measure.War];
        Assert.True(war.Count > 1000, $"wars: {war.Count}");
        Assert.Equal(war.Count, result.Mechanisms[on].ButFor.Count);
        Assert.Equal(war.Estimate!.Value, result.Mechanisms[on].Shapley.Mean!.Value, 15);
        Assert.Equal(0, result.Mechanisms.Rational.Count);
        Assert.Equal(1, result.Mechanisms[on].ButForOfWars.Estimate);
        Assert.Equal(1, result.Mechanisms[on].ShapleyOfWars.Mean!.Value, 15);
        Assert.Equal(war.Count, result.Mechanisms[on].ShapleyOfWars.Count);
        foreach (var share in result.Mechanisms.Factors.Where(s => s.Factor != on))
        {
            Assert.Equal(0, share.ButFor.Count);
            Assert.Equal(0, share.Shapley.Mean!.Value);
        }
    }

    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("korean-peninsula")]
    [InlineData("baltic")]
    public void Run_EmbeddedCrises_ShapleySharesAndRationalAddUpToTheWarRate(string crisisId)
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));
        var result = monteCarlo.Run(crisisId, new RoundOptions { Rounds = 200_000, Seed = 3, Threads = 2 });

        var m = result.Mechanisms;
        Assert.True(result[Measure.War].Count > 0);
        Assert.Equal(result[Measure.War].Estimate!.Value, m.Factors.Sum(s => s.Shapley.Mean!.Value) + m.Rational.Estimate!.Value, 12);
        Assert.Equal(
            result[WarCause.Preventive].Estimate!.Value,
            m.Factors.Sum(s => s.ShapleyPreventive.Mean!.Value) + m.RationalPreventive.Estimate!.Value,
            12);
        Assert.Equal(m.Rational.Count, m.RationalPreventive.Count + m.RationalBargaining.Count);
        Assert.Equal(1, m.Factors.Sum(s => s.ShapleyOfWars.Mean!.Value) + m.RationalOfWars.Estimate!.Value, 12);
        foreach (var share in m.Factors)
        {
            Assert.Equal(share.Shapley.Mean!.Value, share.ShapleyPreventive.Mean!.Value + share.ShapleyBargaining.Mean!.Value, 12);
            Assert.True(share.ButFor.Count <= result[Measure.War].Count);
        }
    }

    [Fact]
    public void Simulate_EachCrisis_ShapleySharesAndRationalAddUpToItsWars()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName)));
        var result = monteCarlo.Simulate(new RunOptions { Periods = 20, Replications = 400, Seed = 4, Threads = 2 });
        foreach (var crisis in result.Crises)
        {
            long wars = crisis.WarByPeriod.Sum(p => p.Count);
            long trials = 20 * 400;
            var m = crisis.Mechanisms;
            Assert.True(wars > 0, crisis.Crisis);
            Assert.Equal(trials, m.Rational.Trials);
            Assert.Equal((double)wars / trials, m.Factors.Sum(s => s.Shapley.Mean!.Value) + m.Rational.Estimate!.Value, 12);
            Assert.All(m.Factors, s => Assert.InRange(s.ButFor.Count, 0, wars));
        }
    }

    [Fact]
    public void Run_JapanCredulityOne_ButForOwnCredulityIsTheWarsThatOwnCredulityZeroRemoves()
    {
        // Lowering Japan's reading of its own coalition only removes wars, so under common random numbers the two war
        // sets are nested and the but-for count is their difference, round by round.
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName).With("states.JPN.perception.credulity", 1);
        var options = new RoundOptions { Rounds = 200_000, Seed = 7, Threads = 2 };
        var credulous = new MonteCarlo(CompiledScenario.Compile(scenario)).Run("east-china-sea", options);
        var ownOff = new MonteCarlo(CompiledScenario.Compile(scenario.With("states.JPN.perception.ownCredulity", 0))).Run("east-china-sea", options);

        long difference = credulous[Measure.War].Count - ownOff[Measure.War].Count;
        var butFor = credulous.Mechanisms[MechanismFactor.DefenderOwnCredulity].ButFor;
        Assert.True(difference > 100, $"difference {difference}");
        double se = Math.Sqrt(butFor.Estimate!.Value * (1 - butFor.Estimate.Value) / options.Rounds) * options.Rounds;
        Assert.InRange(butFor.Count, difference - (4 * se), difference + (4 * se));
        Assert.Equal(difference, butFor.Count);
    }

    [Fact]
    public void Run_CredulitiesEqualToCredulity_ResultsUnchanged()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var explicitly = scenario with
        {
            States = [.. scenario.States.Select(s => s with { Perception = s.Perception with { OwnCredulity = s.Perception.Credulity, OpponentCredulity = s.Perception.Credulity } })],
        };
        var options = new RoundOptions { Rounds = 50_000, Seed = 5, Threads = 2 };
        foreach (var crisis in scenario.Crises)
        {
            var before = new MonteCarlo(CompiledScenario.Compile(scenario)).Run(crisis.Id, options);
            var after = new MonteCarlo(CompiledScenario.Compile(explicitly)).Run(crisis.Id, options);
            Assert.Equal(before.Outcomes.Values.Select(p => p.Count), after.Outcomes.Values.Select(p => p.Count));
            Assert.Equal(before.WarCauses.Values.Select(p => p.Count), after.WarCauses.Values.Select(p => p.Count));
        }
    }

    [Fact]
    public void Run_KoreanPeninsula_DefenderOwnCredulityNoLongerCancels()
    {
        // With one credulity for both coalitions, KOR's credulity 0 and 1 gave the same war rate (overrating its allies
        // and the opponent's cancelled); by coalition, its own credulity moves the war rate on its own.
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName).With("states.KOR.perception.opponentCredulity", 0.3);
        var options = new RoundOptions { Rounds = 200_000, Seed = 9, Threads = 2 };
        var low = new MonteCarlo(CompiledScenario.Compile(scenario.With("states.KOR.perception.ownCredulity", 0))).Run("korean-peninsula", options);
        var high = new MonteCarlo(CompiledScenario.Compile(scenario.With("states.KOR.perception.ownCredulity", 1))).Run("korean-peninsula", options);
        double difference = high[Measure.War].Estimate!.Value - low[Measure.War].Estimate!.Value;
        double se = Math.Sqrt((high[Measure.War].StandardError!.Value * high[Measure.War].StandardError!.Value) + (low[Measure.War].StandardError!.Value * low[Measure.War].StandardError!.Value));
        Assert.True(Math.Abs(difference) > 4 * se, $"war {low[Measure.War].Estimate:R} at ownCredulity 0, {high[Measure.War].Estimate:R} at 1 (SE of the difference {se:R})");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaskLogits_EveryFactorOn_IsTheObserversBeliefBitForBit(bool deepened)
    {
        // The attribution's v(F) must be the round itself: the mask of every factor gives the engine's logit exactly,
        // with and without supporter noise, for both observers.
        var scenario = TestScenarios.Bilateral(
            1,
            0.8,
            extraStates: [new State("J", "J", 0.6, "Theatre"), new State("K", "K", 0.4, "Theatre"), new State("L", "L", 0.3, "Theatre")],
            commitments:
            [
                new Commitment("J", "D", CommitmentKind.Partnership, 0.3, 0.9) { Scope = ["Theatre"], InformationSharing = 0.4 },
                new Commitment("K", "C", CommitmentKind.Alignment, 0, 0.7) { Scope = ["Theatre"] },
                new Commitment("L", "D", CommitmentKind.BilateralDefence, 1, 0.6) { Scope = ["Theatre"] },
            ],
            challengerPerception: new PerceptionProfile(Credulity: 0.4, Noise: 0.5, SupporterNoise: 0.7, CapabilityBias: 0.2, OwnCredulity: 0.9),
            defenderPerception: new PerceptionProfile(Credulity: 0.6, Noise: 0.3, SupporterNoise: 0.5, CapabilityBias: -0.3, OpponentCredulity: 0));
        var compiled = CompiledScenario.Compile(scenario);
        var frame = new CrisisFrame(compiled.GetCrisis("crisis"), new WorldState(compiled));
        var random = new Random(11);
        var logits = new double[ObserverFrame.AllFactors + 1];
        foreach (var observer in new[] { frame.Challenger, frame.Defender })
        {
            Assert.Equal(observer.Belief(frame, deepened, default, default, out _), (deepened ? observer.ConstantDeepenedLogits : observer.ConstantLogits)[ObserverFrame.AllFactors]);
            for (int trial = 0; trial < 100; trial++)
            {
                double[] eps = [.. Enumerable.Range(0, frame.Crisis.SideCount).Select(_ => (random.NextDouble() * 6) - 3)];
                observer.FillLogits(frame, deepened, eps, new double[2 * eps.Length], logits);
                Assert.Equal(observer.Belief(frame, deepened, eps, new double[eps.Length], out _), logits[ObserverFrame.AllFactors]);
            }
        }
    }

    /// <summary>
    /// An engine that has attributed many wars (its memo of games filled, the quiet parts' beliefs kept from the
    /// period's first war) attributes each war as a fresh engine does: the same cause, but-for factors and Shapley values.
    /// Across protocols, supporter noise, the preventive test and all eight factors in play (capability bias on both sides).
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("crises.east-china-sea.bargaining.protocol=TakeItOrLeaveIt")]
    [InlineData("states.*.perception.supporterNoise=0.3")]
    [InlineData("states.*.perception.capabilityBias=0.2,crises.east-china-sea.challengerCost=0.02")]
    [InlineData("variant:shifrinson-preventive")]
    public void PlayRound_EngineThatPlayedManyWars_AttributesEachAsAFreshEngine(string settings)
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        scenario = settings.StartsWith("variant:", StringComparison.Ordinal)
            ? ScenarioVariants.Apply(scenario, settings["variant:".Length..])
            : ParameterPaths.SetAll(scenario, [.. (settings.Length == 0 ? "crises.east-china-sea.challengerCost=0.02" : settings)
                .Split(',').Select(s => s.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);
        var compiled = CompiledScenario.Compile(scenario);
        var crisis = compiled.GetCrisis("east-china-sea");
        var engine = RoundEngine.Create(new CrisisFrame(crisis, new WorldState(compiled)));
        ulong crisisKey = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(7, 0), crisis.Id);
        int wars = 0, distinct = 0;
        var seen = new HashSet<string>();
        for (long round = 0; round < 20_000 && wars < 400; round++)
        {
            engine.PlayRound(crisisKey, round, out var record);
            if (record.Outcome != Outcome.War)
            {
                continue;
            }

            wars++;
            var fresh = RoundEngine.Create(new CrisisFrame(crisis, new WorldState(compiled)));
            fresh.PlayRound(crisisKey, round, out var alone);
            Assert.Equal(alone.Cause, record.Cause);
            Assert.Equal(alone.ButFor, record.ButFor);
            Assert.Equal(alone.Unattributable, record.Unattributable);
            Assert.Equal(fresh.Shapley, engine.Shapley);
            distinct += seen.Add(string.Join(',', engine.Shapley) + record.ButFor) ? 1 : 0;
        }

        Assert.True(wars >= 100, $"wars: {wars}");
        Assert.True(distinct >= 3, $"distinct attributions: {distinct}"); // the memo is tested with several games
    }

    [Fact]
    public void CrisisKey_DependsOnTheCrisisIdOnly()
    {
        ulong replication = RandomStreams.ReplicationKey(42, 0);
        Assert.NotEqual(RandomStreams.CrisisKey(replication, "east-china-sea"), RandomStreams.CrisisKey(replication, "baltic"));
        Assert.Equal(RandomStreams.CrisisKey(replication, "baltic"), RandomStreams.CrisisKey(replication, "baltic"));
        Assert.Throws<ArgumentNullException>(() => RandomStreams.CrisisKey(replication, null!));
    }

    [Fact]
    public void Run_TwoCrisesAlikeButTheirIds_DrawIndependently()
    {
        // D3: crises run with one seed no longer share their draws; and a crisis's results do not depend on which
        // other crises the scenario holds.
        var baseScenario = TestScenarios.Bilateral(1, 1, defenderPerception: new PerceptionProfile(Noise: 1));
        var twin = baseScenario with { Crises = [.. baseScenario.Crises, baseScenario.Crises[0] with { Id = "twin" }] };
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(twin));
        var options = new RoundOptions { Rounds = 20_000, Seed = 1, Threads = 2 };
        var first = monteCarlo.Run("crisis", options);
        var second = monteCarlo.Run("twin", options);
        Assert.NotEqual(first[Measure.War].Count, second[Measure.War].Count);
        Assert.Equal(first[Measure.War].Count, TestScenarios.Run(baseScenario, 20_000, seed: 1)[Measure.War].Count);
    }

    [Fact]
    public void Perception_ReliabilityZeroWithCredulity_SameWithLearningOnAndOff()
    {
        // D1: one anchor rule. Reliability 0 read with credulity 0.9: the learning belief (prior = the truth, no
        // observation yet) and the truth give the same perceived reliability and beliefs.
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("J", "J", 0.6, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.Partnership, 0, 0.5) { Scope = ["Theatre"] }],
            challengerPerception: new PerceptionProfile(Credulity: 0.9),
            defenderPerception: new PerceptionProfile(Credulity: 0.9));
        var compiled = CompiledScenario.Compile(scenario);
        var crisis = compiled.GetCrisis("crisis");
        var off = new CrisisFrame(crisis, new WorldState(compiled));
        var on = new CrisisFrame(crisis, new WorldState(compiled) { Learning = true });
        Assert.Equal(off.Challenger.ConstantLogit, on.Challenger.ConstantLogit);
        Assert.Equal(off.Defender.ConstantLogit, on.Defender.ConstantLogit);

        // The signal moves a reliability of 0 continuously in credulity: above 0 at 0.9, the signal at 1.
        Assert.InRange(off.Defender.Perceived[0], 0.05, 0.5);
        var credulous = CompiledScenario.Compile(scenario.With("states.D.perception.credulity", 1));
        var full = new CrisisFrame(credulous.GetCrisis("crisis"), new WorldState(credulous));
        Assert.Equal(0.5, full.Defender.Perceived[0], 12);
    }
}
