using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Engine;

/// <summary>A war's realised support against its definition, drawn here one supporter at a time from the round's
/// Support stream (DESIGN.md section 3): the engine draws four supporters' uniforms at once.</summary>
public class WarSupportTests
{
    [Theory]
    [InlineData(6, 5)] // both sides' loops past one block of four, the defender's continuing the challenger's stream
    [InlineData(3, 9)]
    [InlineData(4, 4)]
    [InlineData(0, 7)]
    [InlineData(9, 0)]
    public void War_RealisedSupport_IsEachSupportersUniformInOrder(int challengerSupporters, int defenderSupporters)
    {
        var states = new List<State>
        {
            new("C", "Challenger", 1.0, "Theatre") { Perception = new PerceptionProfile(Credulity: 0.5, Noise: 0.8) },
            new("D", "Defender", 0.8, "Theatre") { Perception = new PerceptionProfile(Credulity: 0.5, Noise: 0.8) },
        };
        var commitments = new List<Commitment>();
        for (int i = 0; i < challengerSupporters + defenderSupporters; i++)
        {
            string id = "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            states.Add(new State(id, id, 0.1 + (0.07 * i), "Elsewhere"));
            double reliability = 0.15 + (0.8 * ((i * 0.37) % 1));
            commitments.Add(new Commitment(id, i < challengerSupporters ? "C" : "D", CommitmentKind.BilateralDefence, reliability, 0.6) { Scope = ["Theatre"] });
        }

        var crisis = new Crisis("synthetic", "C", "D", new Theatre("Theatre"), 0.5, 0.0) { DefenderCost = 0.0 };
        var compiled = CompiledScenario.Compile(new Scenario("support", states, [crisis]) { Commitments = commitments });
        var frame = new CrisisFrame(compiled.GetCrisis("synthetic"), new WorldState(compiled));
        var engine = RoundEngine.Create(frame);
        ulong crisisKey = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(3, 0), "synthetic");
        int n = challengerSupporters + defenderSupporters, wars = 0;
        for (long round = 0; round < 4_000; round++)
        {
            engine.PlayRound(crisisKey, round, out var record);
            if (record.Outcome != Outcome.War)
            {
                continue;
            }

            wars++;
            var stream = RandomStreams.Stream(RandomStreams.RoundKey(crisisKey, round), StreamPurpose.Support);
            double challengerSide = frame.RealisedChallengerStrength, defenderSide = frame.RealisedDefenderStrength;
            for (int p = 0; p < n; p++)
            {
                bool fights = stream.NextDouble() < frame.Reliability[p];
                Assert.Equal(fights, engine.Fights[p]);
                Assert.Equal(fights, engine.Chose[p]);
                if (p < challengerSupporters)
                {
                    challengerSide += fights ? frame.RealisedStrength[p] : 0;
                }
                else
                {
                    defenderSide += fights ? frame.RealisedStrength[p] : 0;
                }
            }

            Assert.Equal(BitConverter.DoubleToInt64Bits(challengerSide), BitConverter.DoubleToInt64Bits(record.ChallengerRealisedStrength));
            Assert.Equal(BitConverter.DoubleToInt64Bits(defenderSide), BitConverter.DoubleToInt64Bits(record.DefenderRealisedStrength));
        }

        Assert.True(wars >= 200, $"wars: {wars}");
    }
}
