using BenchmarkDotNet.Attributes;
using DeterrenceSim.Engine;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// The random-number floor of a round of <c>east-china-sea</c> (issue 16): the variates the engine draws, drawn the
/// cheapest way this library can, and nothing else. A peaceful round draws its two optimism shocks (one Box-Muller
/// pair from two words of the crisis's counter-based SplitMix64 stream; supporter noise is 0 in the scenario):
/// <see cref="RandomStreams.FillShocks"/> draws them four rounds at a time, as the engine does. A war round also
/// derives the round's key and draws one uniform per side supporter, one per escalation strike and the victory uniform.
/// The floor of the average round is (1 − w) · peace + w · war, w the crisis's war rate; the ratio of
/// <see cref="RoundThroughput"/> to it is the engine's distance from its physical limit (BENCHMARKS.md).
/// </summary>
[MemoryDiagnoser]
public class RandomFloor
{
    private const int Rounds = 1 << 20;
    private const int Batch = 1024;
    private readonly double[] _challenger = new double[Batch];
    private readonly double[] _defender = new double[Batch];
    private ulong _crisisKey;
    private int _supporters;
    private int _strikes;

    /// <summary>Counts the side supporters and strikes of the crisis from the public scenario definition.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var crisis = scenario.Crises.Single(c => c.Id == "east-china-sea");
        _supporters = scenario.Commitments.Count(c =>
            (c.Protege == crisis.Challenger && c.Supporter != crisis.Defender) || (c.Protege == crisis.Defender && c.Supporter != crisis.Challenger));
        _strikes = crisis.Escalation.Count;
        _crisisKey = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(1, 0), crisis.Id);
    }

    /// <summary>The draws of peaceful rounds: the optimism-shock pairs, in batches of 1,024 rounds.</summary>
    /// <returns>A sum of the variates, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PeaceRound()
    {
        double sum = 0;
        for (long first = 0; first < Rounds; first += Batch)
        {
            Shocks(first);
            sum += _challenger[0] + _defender[Batch - 1];
        }

        return sum;
    }

    /// <summary>The draws of war rounds: as a peaceful one, plus the round's key and the support, escalation and victory
    /// uniforms.</summary>
    /// <returns>A sum of the variates.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public double WarRound()
    {
        double sum = 0;
        for (long first = 0; first < Rounds; first += Batch)
        {
            Shocks(first);
            sum += _challenger[0] + _defender[Batch - 1];
            for (int i = 0; i < Batch; i++)
            {
                ulong key = RandomStreams.RoundKey(_crisisKey, first + i);
                var support = RandomStreams.Stream(key, StreamPurpose.Support);
                for (int j = 0; j < _supporters; j++)
                {
                    sum += support.NextDouble();
                }

                var escalation = RandomStreams.Stream(key, StreamPurpose.Escalation);
                for (int e = 0; e < _strikes; e++)
                {
                    sum += escalation.NextDouble();
                }

                sum += RandomStreams.Stream(key, StreamPurpose.Victory).NextDouble();
            }
        }

        return sum;
    }

    /// <summary>The shocks of a batch of rounds: four lanes at a time; before issue 16 (a baseline build) the engine drew
    /// them round by round from the round key's shock stream.</summary>
    private void Shocks(long first)
    {
#if DETERRENCESIM_BASELINE
        for (int i = 0; i < Batch; i++)
        {
            RandomStreams.Stream(RandomStreams.RoundKey(_crisisKey, first + i), StreamPurpose.Shock).NextNormalPair(out _challenger[i], out _defender[i]);
        }
#else
        RandomStreams.FillShocks(_crisisKey, first, _challenger, _defender);
#endif
    }
}
