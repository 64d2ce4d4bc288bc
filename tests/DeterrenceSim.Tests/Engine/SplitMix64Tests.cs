using DeterrenceSim.Engine;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace DeterrenceSim.Tests.Engine;

public class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_Seed1234567_MatchesPublishedReferenceOutputs()
    {
        // Reference outputs of Vigna's splitmix64.c for seed 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64").
        var generator = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        foreach (ulong value in expected)
        {
            Assert.Equal(value, generator.NextUInt64());
        }
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformOnUnitInterval()
    {
        const int n = 200_000;
        var generator = new SplitMix64(7);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = generator.NextDouble();
            Assert.InRange(values[i], 0.0, 1.0 - 1e-17);
        }

        // Mean 1/2 with SE sqrt(1/12 / n); variance 1/12 with SE about sqrt(1/180 / n).
        Assert.InRange(values.Mean(), 0.5 - (4 * Math.Sqrt(1.0 / 12 / n)), 0.5 + (4 * Math.Sqrt(1.0 / 12 / n)));
        Assert.InRange(values.Variance(), (1.0 / 12) - (4 * Math.Sqrt(1.0 / 180 / n)), (1.0 / 12) + (4 * Math.Sqrt(1.0 / 180 / n)));
    }

    [Fact]
    public void NextNormalPair_ManyDraws_MatchesStandardNormal()
    {
        const int pairs = 100_000;
        var generator = new SplitMix64(99);
        var values = new double[2 * pairs];
        for (int i = 0; i < pairs; i++)
        {
            generator.NextNormalPair(out values[2 * i], out values[(2 * i) + 1]);
        }

        int n = values.Length;
        Assert.InRange(values.Mean(), -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(values.Variance(), 1 - (4 * Math.Sqrt(2.0 / n)), 1 + (4 * Math.Sqrt(2.0 / n)));

        // Kolmogorov-Smirnov statistic against MathNet's normal CDF; the 0.1% critical value is 1.95 / sqrt(n).
        Array.Sort(values);
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double cdf = Normal.CDF(0, 1, values[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        Assert.True(d < 1.95 / Math.Sqrt(n), $"KS statistic {d} too large");
    }

    [Fact]
    public void Stream_DifferentPurposesAndRounds_GiveDifferentDraws()
    {
        ulong replication = RandomStreams.ReplicationKey(1, 0);
        ulong round0 = RandomStreams.RoundKey(replication, 0);
        ulong round1 = RandomStreams.RoundKey(replication, 1);
        Assert.NotEqual(round0, round1);
        Assert.NotEqual(RandomStreams.ReplicationKey(1, 0), RandomStreams.ReplicationKey(1, 1));
        Assert.NotEqual(RandomStreams.ReplicationKey(1, 0), RandomStreams.ReplicationKey(2, 0));
        Assert.NotEqual(
            RandomStreams.Stream(round0, StreamPurpose.Support).NextUInt64(),
            RandomStreams.Stream(round0, StreamPurpose.Shock).NextUInt64());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 3)]
    [InlineData(1_000_003, 37)]
    public void FillShocks_EqualsTheRoundsShockStreams(long firstRound, int count)
    {
        ulong crisis = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(42, 1), "east-china-sea");
        var challenger = new double[count];
        var defender = new double[count];
        RandomStreams.FillShocks(crisis, firstRound, challenger, defender);
        for (int i = 0; i < count; i++)
        {
            RandomStreams.ShockStream(crisis, firstRound + i).NextNormalPair(out double c, out double d);
            Assert.Equal(c, challenger[i]);
            Assert.Equal(d, defender[i]);
        }
    }

    [Fact]
    public void FillShocks_BadArguments_Refused()
    {
        Assert.Throws<ArgumentException>(() => RandomStreams.FillShocks(1, 0, new double[3], new double[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.FillShocks(1, -1, new double[3], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.FillShocks(1, RoundOptions.MaxRounds - 2, new double[3], new double[3]));
        var shared = new double[8];
        Assert.Throws<ArgumentException>(() => RandomStreams.FillShocks(1, 0, shared.AsSpan(0, 4), shared.AsSpan(2, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ShockStream(1, -1));
        RandomStreams.FillShocks(1, RoundOptions.MaxRounds - 3, new double[3], new double[3]); // the last rounds of the largest run
    }

    [Fact]
    public void Keys_NegativeIndices_Refused()
    {
        // A negative index would alias a large one ((ulong)(-1)): refused, as the engine's indices start at 0.
        Assert.Equal("replication", Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ReplicationKey(1, -1)).ParamName);
        Assert.Equal("round", Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.RoundKey(1, -1)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.PeriodKey(1, -1, 0)).ParamName);
        Assert.Equal("crisis", Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.PeriodKey(1, 0, -1)).ParamName);
        Assert.NotEqual(RandomStreams.RoundKey(1, 0), RandomStreams.RoundKey(1, long.MaxValue));
    }
}
