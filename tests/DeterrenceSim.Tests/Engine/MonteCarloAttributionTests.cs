using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Engine;

/// <summary>Attribution of wars to the side whose misperception caused them (DESIGN.md section 3).</summary>
public class MonteCarloAttributionTests
{
    [Fact]
    public void Run_CredulousDefenderWithInflatedSignals_WarsAreDefenderMisperception()
    {
        // D reads its supporters' signals (0.95) at face value while they fight with 0.05: it overrates its coalition,
        // offers too little, and an accurate C fights.
        var scenario = TestScenarios.Bilateral(
            1,
            0.5,
            extraStates: [new State("J", "J", 0.6, "Theatre"), new State("K", "K", 0.4, "Theatre")],
            commitments:
            [
                new Commitment("J", "D", CommitmentKind.Partnership, 0.05, 0.95) { Scope = ["Theatre"] },
                new Commitment("K", "D", CommitmentKind.Partnership, 0.05, 0.95) { Scope = ["Theatre"] },
            ],
            defenderPerception: new PerceptionProfile(Credulity: 1));

        var result = TestScenarios.Run(scenario, 20_000);

        Assert.True(result[Outcome.War].Count > 0);
        Assert.Equal(result[Outcome.War].Count, result[WarCause.DefenderMisperception].Count);
    }

    [Fact]
    public void Run_CredulousChallengerWithInflatedOwnSignals_WarsAreChallengerMisperception()
    {
        var scenario = TestScenarios.Bilateral(
            0.5,
            1,
            extraStates: [new State("J", "J", 0.6, "Theatre"), new State("K", "K", 0.4, "Theatre")],
            commitments:
            [
                new Commitment("J", "C", CommitmentKind.Alignment, 0.05, 0.95) { Scope = ["Theatre"] },
                new Commitment("K", "C", CommitmentKind.Alignment, 0.05, 0.95) { Scope = ["Theatre"] },
            ],
            challengerPerception: new PerceptionProfile(Credulity: 1));

        var result = TestScenarios.Run(scenario, 20_000);

        Assert.True(result[Outcome.War].Count > 0);
        Assert.Equal(result[Outcome.War].Count, result[WarCause.ChallengerMisperception].Count);
    }

    [Fact]
    public void Run_BothOptimisticWithNoise_CausesSumToWarsAndOutcomesToRounds()
    {
        var scenario = TestScenarios.Bilateral(
            1,
            1,
            extraStates: [new State("J", "J", 0.6, "Theatre")],
            commitments: [new Commitment("J", "D", CommitmentKind.BilateralDefence, 0.5, 0.8) { Scope = ["Theatre"] }],
            challengerPerception: new PerceptionProfile(Credulity: 0.3, Noise: 0.8, SupporterNoise: 0.5),
            defenderPerception: new PerceptionProfile(Credulity: 0.6, Noise: 0.8, SupporterNoise: 0.5));

        var result = TestScenarios.Run(scenario, 50_003);

        Assert.Equal(50_003, result.Outcomes.Values.Sum(r => r.Count));
        Assert.Equal(result[Outcome.War].Count, result.WarCauses.Values.Sum(r => r.Count));
        Assert.True(result[WarCause.MutualMisperception].Count > 0);
        Assert.True(result[WarCause.ChallengerMisperception].Count > 0);
        Assert.True(result[WarCause.DefenderMisperception].Count > 0);
        Assert.Equal(1.0, result.Outcomes.Values.Sum(r => r.Estimate!.Value), 12);
    }
}
