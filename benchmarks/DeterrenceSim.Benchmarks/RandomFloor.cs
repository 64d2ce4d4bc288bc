using BenchmarkDotNet.Attributes;
using DeterrenceSim.Engine;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// The random-number floor of a round of <c>east-china-sea</c>: exactly the variates the engine's stream scheme
/// draws, with its generator (SplitMix64 via <see cref="RandomStreams"/>), and nothing else. A peaceful round draws the
/// round key and one Box-Muller pair (the two optimism shocks; supporter noise is 0 in the scenario); a war round also
/// draws one uniform per side supporter, one per escalation strike and the victory uniform. The floor of the average
/// round is (1 − w) · peace + w · war, w the crisis's war rate; the ratio of <see cref="RoundThroughput"/> to it is
/// the engine's distance from its physical limit (BENCHMARKS.md).
/// </summary>
[MemoryDiagnoser]
public class RandomFloor
{
    private const int Rounds = 1 << 20;
    private ulong _replicationKey;
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
        _replicationKey = RandomStreams.ReplicationKey(1, 0);
    }

    /// <summary>The draws of a peaceful round: the round key and the optimism-shock pair.</summary>
    /// <returns>A sum of the variates, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PeaceRound()
    {
        double sum = 0;
        for (long round = 0; round < Rounds; round++)
        {
            ulong key = RandomStreams.RoundKey(_replicationKey, round);
            RandomStreams.Stream(key, StreamPurpose.Shock).NextNormalPair(out double a, out double b);
            sum += a + b;
        }

        return sum;
    }

    /// <summary>The draws of a war round: as a peaceful one, plus support, escalation and victory uniforms.</summary>
    /// <returns>A sum of the variates.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public double WarRound()
    {
        double sum = 0;
        for (long round = 0; round < Rounds; round++)
        {
            ulong key = RandomStreams.RoundKey(_replicationKey, round);
            RandomStreams.Stream(key, StreamPurpose.Shock).NextNormalPair(out double a, out double b);
            sum += a + b;
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

        return sum;
    }
}
