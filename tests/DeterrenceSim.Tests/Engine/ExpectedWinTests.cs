using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// E[p], the challenger's expected chance in war (issue 12, item 3), against honest oracles: formulas worked by hand, the
/// CINC oracle of DESIGN.md section 3, a brute-force enumeration of every draw the engine makes in war (written here
/// from RoundEngine.War and Escalate, not from the code under test), and the engine's own war draws.
/// </summary>
public sealed class ExpectedWinTests
{
    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(0.8, 2.5)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.7)]
    public void OneSupporter_NoEscalation_IsTheMixtureOfTwoCoalitions(double rho, double m)
    {
        // C 1.0; D 0.6 and a supporter of strength 0.9 that fights with probability ρ:
        // E[p] = ρ CSF(1, 1.5) + (1 − ρ) CSF(1, 0.6).
        var scenario = TestScenarios.Bilateral(
            1.0,
            0.6,
            extraStates: [new State("J", "Supporter", 0.9, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, rho, 0.5) { Scope = ["Theatre"] }],
            crisis: c => c with { Decisiveness = m });
        double expected = (rho * Csf(1.0, 1.5, m)) + ((1 - rho) * Csf(1.0, 0.6, m));

        Assert.Equal(expected, new MonteCarlo(CompiledScenario.Compile(scenario)).ExpectedWinProbability("crisis"), 12);
    }

    [Fact]
    public void OneSupporterOnEachSide_NoEscalation_IsTheMixtureOfFourCoalitions()
    {
        // C 1.0 with A (0.5, ρ 0.4); D 1.2 with B (0.7, ρ 0.9); m = 1.5.
        var scenario = TestScenarios.Bilateral(
            1.0,
            1.2,
            extraStates: [new State("A", "Ally of C", 0.5, "Theatre"), new State("B", "Ally of D", 0.7, "Theatre")],
            commitments:
            [
                new Commitment("A", "C", CommitmentKind.BilateralDefence, 0.4, 0.5) { Scope = ["Theatre"] },
                new Commitment("B", "D", CommitmentKind.BilateralDefence, 0.9, 0.5) { Scope = ["Theatre"] },
            ],
            crisis: c => c with { Decisiveness = 1.5 });
        double expected = (0.4 * 0.9 * Csf(1.5, 1.9, 1.5)) + (0.4 * 0.1 * Csf(1.5, 1.2, 1.5))
            + (0.6 * 0.9 * Csf(1.0, 1.9, 1.5)) + (0.6 * 0.1 * Csf(1.0, 1.2, 1.5));

        Assert.Equal(expected, new MonteCarlo(CompiledScenario.Compile(scenario)).ExpectedWinProbability("crisis"), 12);
    }

    [Fact]
    public void OneStrikeTriggeringOneAlliance_IsTheHandComputedMixture()
    {
        // C 1.0; D 0.5; U (0.6) supports D with ρ = 0.3; G (0.8) is only an alliance member. A strike on U (P = 0.4, in
        // the alliance's scope) makes U fight and triggers the alliance, whose members U and G each join with r = 0.7.
        const double rho = 0.3, strike = 0.4, r = 0.7;
        var scenario = TestScenarios.Bilateral(
            1.0,
            0.5,
            extraStates: [new State("U", "Supporter", 0.6, "Europe"), new State("G", "Member", 0.8, "Europe")],
            commitments: [new Commitment("U", "D", CommitmentKind.BilateralDefence, rho, 0.5) { Scope = ["Theatre"] }],
            alliances: [new Alliance("A", ["U", "G"]) { Scope = ["Europe"], MemberReliability = r }],
            crisis: c => c with { Escalation = [new EscalationStrike("U", "Europe", strike)] });
        double struck = (r * Csf(1.0, 0.5 + 0.6 + 0.8, 1)) + ((1 - r) * Csf(1.0, 0.5 + 0.6, 1));
        double spared = (rho * Csf(1.0, 0.5 + 0.6, 1)) + ((1 - rho) * Csf(1.0, 0.5, 1));
        double expected = (strike * struck) + ((1 - strike) * spared);

        Assert.Equal(expected, new MonteCarlo(CompiledScenario.Compile(scenario)).ExpectedWinProbability("crisis"), 12);
    }

    [Fact]
    public void TwoStrikesWithOneEffect_AreOneStrikeThatHappensUnlessNeitherDoes()
    {
        // Two strikes on U (regions Europe and Theatre, the alliance's scope holds neither): U fights unless both miss.
        var scenario = TestScenarios.Bilateral(
            1.0,
            0.5,
            extraStates: [new State("U", "Supporter", 0.6, "Europe") { Regions = ["Europe", "Theatre"] }],
            commitments: [new Commitment("U", "D", CommitmentKind.BilateralDefence, 0.3, 0.5) { Scope = ["Theatre"] }],
            crisis: c => c with { Escalation = [new EscalationStrike("U", "Europe", 0.2), new EscalationStrike("U", "Theatre", 0.5)] });
        double fights = 1 - (0.7 * 0.8 * 0.5);
        double expected = (fights * Csf(1.0, 1.1, 1)) + ((1 - fights) * Csf(1.0, 0.5, 1));

        Assert.Equal(expected, new MonteCarlo(CompiledScenario.Compile(scenario)).ExpectedWinProbability("crisis"), 12);
    }

    [Fact]
    public void CincDyad_PartnersJoinWithLeedsReliability_IsDesignsOracle()
    {
        // DESIGN.md section 3: E[p] = 0.592019 over the 16 coalitions of partners, while p(E[S]) = 0.591246.
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(MonteCarloOracleTests.CincDyad(supporterReliability: 0.745)));
        Assert.Equal(0.592019, monteCarlo.ExpectedWinProbability("crisis"), 6);
        Assert.Equal(0.591246, monteCarlo.AccurateWinProbability("crisis"), 6);
    }

    [Fact]
    public void RandomSmallCrises_EqualTheBruteForceEnumerationOfEveryDraw()
    {
        var random = new Random(20260112);
        for (int trial = 0; trial < 60; trial++)
        {
            var scenario = RandomScenario(random, maxSupporters: 6, maxMembers: 3, maxStrikes: 3);
            var (crisis, frame) = Frame(scenario);
            double bruteForce = BruteForce(crisis, frame);
            Assert.Equal(bruteForce, new ExpectedWin(crisis).Compute(frame), 12);
            Assert.InRange(new ExpectedWin(crisis, exactParticipantLimit: -1, exactSideLimit: -1).Compute(frame), bruteForce - 1e-4, bruteForce + 1e-4);
        }
    }

    [Fact]
    public void BinnedMethod_WithinOneInTenThousandOfEnumeration_OnLumpyCases()
    {
        // Up to 22 uncertain participants (enumerable), strengths over three orders of magnitude with a giant now and
        // then, m up to 3: the grid alone (every side binned) and the production mix (sides of at most 10 exact) must
        // agree with the enumeration within 1e-4.
        var random = new Random(7);
        double worst = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            // A third of the cases put (almost) every supporter on one side, so that the production mix bins it.
            double challengerShare = (trial % 3) switch { 0 => 0.35, 1 => 0.02, _ => 0.95 };
            var scenario = RandomScenario(random, maxSupporters: 18, maxMembers: 4, maxStrikes: 2, challengerShare);
            var (crisis, frame) = Frame(scenario);
            var exact = new ExpectedWin(crisis, exactParticipantLimit: 64);
            double enumerated = exact.Compute(frame);
            double binned = new ExpectedWin(crisis, exactParticipantLimit: -1, exactSideLimit: -1).Compute(frame);
            double mixed = new ExpectedWin(crisis, exactParticipantLimit: -1).Compute(frame);
            worst = Math.Max(worst, Math.Max(Math.Abs(binned - enumerated), Math.Abs(mixed - enumerated)));
            Assert.InRange(binned, enumerated - 1e-4, enumerated + 1e-4);
            Assert.InRange(mixed, enumerated - 1e-4, enumerated + 1e-4);
        }

        Assert.True(worst > 0, "the grid merged no atoms: the cases test nothing");
    }

    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("korean-peninsula")]
    [InlineData("baltic")]
    public void EmbeddedCrises_TheEnginesWarDrawsAverageToExpectedWin(string crisisId)
    {
        // Every round here is a war (War is called directly, so no selection by the decision to fight): the mean of the
        // true p of the realised coalitions, and the challenger's victory rate, estimate E[p].
        const int rounds = 200_000;
        var compiled = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
        var crisis = compiled.GetCrisis(crisisId);
        var frame = new CrisisFrame(crisis, new WorldState(compiled));
        double expected = new MonteCarlo(compiled).ExpectedWinProbability(crisisId);
        var engine = new WarOnlyEngine(frame);
        ulong replication = RandomStreams.ReplicationKey(99, 0);
        double sum = 0, squares = 0;
        long wins = 0;
        for (long round = 0; round < rounds; round++)
        {
            engine.PlayRound(replication, round, out var record);
            double p = Csf(record.ChallengerRealisedStrength, record.DefenderRealisedStrength, crisis.Decisiveness);
            sum += p;
            squares += p * p;
            wins += record.ChallengerWins ? 1 : 0;
        }

        double mean = sum / rounds;
        double standardError = Math.Sqrt(((squares / rounds) - (mean * mean)) / (rounds - 1));
        Assert.InRange(expected, mean - (4 * standardError), mean + (4 * standardError));
        double victorySe = Math.Sqrt(expected * (1 - expected) / rounds);
        Assert.InRange((double)wins / rounds, expected - (4 * victorySe), expected + (4 * victorySe));
    }

    [Theory]
    [InlineData("east-china-sea", 0.7445152699689177)]
    [InlineData("korean-peninsula", 0.38808992997573033)]
    [InlineData("baltic", 0.353781114510406)]
    public void EmbeddedCrises_RunReportsExpectedWinBesideTheAccurateBelief(string crisisId, double recorded)
    {
        // The values the documentation quotes (README, DESIGN.md section 3); korean-peninsula's lumpy support and
        // likely strike on the United States put E[p] far below p_acc = 0.548.
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")));
        var result = monteCarlo.Run(crisisId, new RoundOptions { Rounds = 1_000, Seed = 1, Threads = 1 });
        Assert.Equal(monteCarlo.ExpectedWinProbability(crisisId), result.ExpectedWinProbability);
        Assert.Equal(recorded, result.ExpectedWinProbability, 9);
        Assert.Equal(monteCarlo.AccurateWinProbability(crisisId), result.AccurateWinProbability);
    }

    [Fact]
    public void Compute_SecondCallOnTheSameCrisis_AllocatesNothing()
    {
        var compiled = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
        foreach (string id in new[] { "korean-peninsula", "baltic" })
        {
            var crisis = compiled.GetCrisis(id);
            var frame = new CrisisFrame(crisis, new WorldState(compiled));
            var expectedWin = new ExpectedWin(crisis);
            double first = expectedWin.Compute(frame);
            long before = GC.GetAllocatedBytesForCurrentThread();
            double second = expectedWin.Compute(frame);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(first, second);
            Assert.Equal(0, allocated);
        }
    }

    [Fact]
    public void ManyUncertainStrikes_AreNotComputed()
    {
        // Thirteen strikes with distinct effects (13 targets) would need 2^13 outcomes: NaN, documented.
        var supporters = Enumerable.Range(0, 13).Select(i => new State($"S{i}", "Supporter", 0.1, "Theatre")).ToList();
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: supporters,
            commitments: [.. supporters.Select(s => new Commitment(s.Id, "D", CommitmentKind.Partnership, 0.5, 0.5) { Scope = ["Theatre"] })],
            crisis: c => c with { Escalation = [.. supporters.Select(s => new EscalationStrike(s.Id, "Theatre", 0.5))] });
        Assert.True(double.IsNaN(new MonteCarlo(CompiledScenario.Compile(scenario)).ExpectedWinProbability("crisis")));
        var twelve = scenario with { Crises = [scenario.Crises[0] with { Escalation = scenario.Crises[0].Escalation.Take(12).ToList() }] };
        Assert.InRange(new MonteCarlo(CompiledScenario.Compile(twelve)).ExpectedWinProbability("crisis"), 0, 1);
    }

    private static double Csf(double challenger, double defender, double m) => 1 / (1 + Math.Pow(defender / challenger, m));

    private static (CompiledCrisis Crisis, CrisisFrame Frame) Frame(Scenario scenario)
    {
        var compiled = CompiledScenario.Compile(scenario);
        var crisis = compiled.GetCrisis("crisis");
        return (crisis, new CrisisFrame(crisis, new WorldState(compiled)));
    }

    /// <summary>A random crisis: supporters on either side (some with ρ 0 or 1, some out of scope), alliance-only
    /// members, up to two alliances and some strikes; capabilities log-uniform over three orders of magnitude with an
    /// occasional giant; m in [0.5, 3].</summary>
    private static Scenario RandomScenario(Random random, int maxSupporters, int maxMembers, int maxStrikes, double challengerShare = 0.35)
    {
        double Capability() => Math.Pow(10, (random.NextDouble() * 3) - 2) * (random.NextDouble() < 0.1 ? 30 : 1);
        double Probability() => random.Next(8) switch { 0 => 0, 1 => 1, _ => random.NextDouble() };
        string[] regions = ["Theatre", "Far"];
        var states = new List<State>();
        var commitments = new List<Commitment>();
        int supporters = random.Next(1, maxSupporters + 1);
        for (int i = 0; i < supporters; i++)
        {
            string id = $"S{i}";
            states.Add(new State(id, id, Capability(), "Theatre") { Regions = regions });
            bool inScope = random.NextDouble() < 0.8;
            commitments.Add(new Commitment(id, random.NextDouble() < challengerShare ? "C" : "D", CommitmentKind.Partnership, Probability(), 0.5)
            {
                Scope = inScope ? ["Theatre"] : ["Far"],
                OutOfScopeReliability = Probability(),
            });
        }

        int members = random.Next(0, maxMembers + 1);
        for (int i = 0; i < members; i++)
        {
            states.Add(new State($"M{i}", $"M{i}", Capability(), "Far") { Regions = regions });
        }

        var others = states.Select(s => s.Id).Append("D").ToArray();
        var alliances = new List<Alliance>();
        int allianceCount = random.Next(0, 3);
        for (int a = 0; a < allianceCount; a++)
        {
            var chosen = others.Where(_ => random.NextDouble() < 0.5).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(others[random.Next(others.Length)]);
            }

            alliances.Add(new Alliance($"A{a}", chosen) { Scope = [regions[random.Next(2)]], MemberReliability = Probability() });
        }

        int strikes = random.Next(0, maxStrikes + 1);
        var escalation = Enumerable.Range(0, strikes)
            .Select(_ => new EscalationStrike(others[random.Next(others.Length)], regions[random.Next(2)], Probability()))
            .ToList();
        double m = 0.5 + (random.NextDouble() * 2.5);
        return TestScenarios.Bilateral(
            Capability(),
            Capability(),
            extraStates: states,
            commitments: commitments,
            alliances: alliances,
            crisis: c => c with { Decisiveness = m, Escalation = escalation });
    }

    /// <summary>
    /// E[p] by enumerating every draw RoundEngine.War and Escalate make, in their order: one per side supporter, one per
    /// strike, one per (triggered alliance, member); each leaf is a coalition with its probability and true p. Only
    /// draws with a probability strictly between 0 and 1 branch.
    /// </summary>
    private static double BruteForce(CompiledCrisis crisis, CrisisFrame frame)
    {
        int n = crisis.ParticipantIds.Length;
        var fights = new bool[n];
        var triggered = new bool[crisis.AllianceIds.Length];
        var members = new List<(int Alliance, int Member)>();
        double total = 0;

        void Branch(double probability, double chance, Action onTrue, Action onFalse, Action undo, Action next)
        {
            if (chance > 0)
            {
                onTrue();
                Continue(probability * Math.Min(chance, 1), next);
                undo();
            }

            if (chance < 1)
            {
                onFalse();
                Continue(probability * (1 - Math.Max(chance, 0)), next);
                undo();
            }
        }

        double current = 1;
        void Continue(double probability, Action next)
        {
            double saved = current;
            current = probability;
            next();
            current = saved;
        }

        void Supporter(int p)
        {
            if (p == crisis.SideCount)
            {
                Strike(0);
                return;
            }

            var saved = (bool[])fights.Clone();
            Branch(current, frame.Reliability[p], () => fights[p] = true, () => fights[p] = false, () => saved.CopyTo(fights, 0), () => Supporter(p + 1));
        }

        void Strike(int e)
        {
            if (e == crisis.StrikeProbability.Length)
            {
                members.Clear();
                foreach (int a in crisis.TriggerableAlliances)
                {
                    if (triggered[a])
                    {
                        members.AddRange(crisis.AllianceMembers[a].Select(m => (a, m)));
                    }
                }

                Member(0, [.. members]);
                return;
            }

            var savedFights = (bool[])fights.Clone();
            var savedTriggered = (bool[])triggered.Clone();
            Branch(
                current,
                crisis.StrikeProbability[e],
                () =>
                {
                    int target = crisis.StrikeTargetParticipant[e];
                    if (target >= 0)
                    {
                        fights[target] = true;
                    }

                    foreach (int a in crisis.StrikeTriggers[e])
                    {
                        triggered[a] = true;
                    }
                },
                () => { },
                () =>
                {
                    savedFights.CopyTo(fights, 0);
                    savedTriggered.CopyTo(triggered, 0);
                },
                () => Strike(e + 1));
        }

        void Member(int k, (int Alliance, int Member)[] draws)
        {
            if (k == draws.Length)
            {
                double challenger = frame.RealisedChallengerStrength, defender = frame.RealisedDefenderStrength;
                for (int p = 0; p < n; p++)
                {
                    if (fights[p])
                    {
                        if (p < crisis.ChallengerSupporterCount)
                        {
                            challenger += frame.RealisedStrength[p];
                        }
                        else
                        {
                            defender += frame.RealisedStrength[p];
                        }
                    }
                }

                total += current * Csf(challenger, defender, crisis.Decisiveness);
                return;
            }

            var saved = (bool[])fights.Clone();
            int member = draws[k].Member;
            Branch(current, crisis.AllianceMemberReliability[draws[k].Alliance], () => fights[member] = true, () => { }, () => saved.CopyTo(fights, 0), () => Member(k + 1, draws));
        }

        Supporter(0);
        return total;
    }

    /// <summary>An engine whose every round is a war: RoundEngine.War's draws, with no decision to fight before them.</summary>
    private sealed class WarOnlyEngine(CrisisFrame frame) : RoundEngine(frame)
    {
        public override void Play(ulong key, ulong shock, out RoundRecord record)
        {
            record = default;
            War(key, ref record);
        }

        public override void PlayRounds(ulong crisisKey, long start, long end, RoundTally tally)
        {
            for (long round = start; round < end; round++)
            {
                PlayRound(crisisKey, round, out var record);
                tally.Add(record, this);
            }
        }

        protected override void Refresh()
        {
        }
    }
}
