using DeterrenceSim.IO;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.IO;

public sealed class PeriodRowParquetTests
{
    /// <summary>The embedded scenario: 65 commitments, so 195 per-commitment columns.</summary>
    internal static readonly Scenario Scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

    private static readonly string[] Crises = ["east-china-sea", "korean-peninsula", "baltic"];

    /// <summary>Rows as the engine makes them: three crises a period sharing the period's commitment arrays; a war in
    /// every fifth row.</summary>
    internal static IEnumerable<PeriodRow> Rows(int count)
    {
        int commitments = Scenario.Commitments.Count;
        for (int i = 0; i < count; i += Crises.Length)
        {
            var reliability = new double[commitments];
            var signal = new double[commitments];
            var belief = new double[commitments];
            for (int k = 0; k < commitments; k++)
            {
                reliability[k] = (i + k) * 0.6180339887498949 % 1;
                signal[k] = (i + (2 * k)) * 0.7548776662466927 % 1;
                belief[k] = (i + (3 * k)) * 0.5698402909980532 % 1;
            }

            for (int c = 0; c < Crises.Length && i + c < count; c++)
            {
                int n = i + c;
                bool war = n % 5 == 0;
                yield return new PeriodRow
                {
                    Replication = n / 300,
                    Period = (n / 3 % 100) + 1,
                    Crisis = Crises[c],
                    Outcome = war ? Outcome.War : n % 2 == 0 ? Outcome.Deterred : Outcome.Concession,
                    Cause = war ? (WarCause)(n % 5) : null,
                    ChallengerBelief = n * 0.001 % 1,
                    DefenderBelief = n * 0.002 % 1,
                    ChallengerPerceivedStrength = n * 0.003 % 1,
                    DefenderPerceivedStrength = n * 0.004 % 1,
                    ChallengerRealisedStrength = war ? n * 0.005 % 1 : null,
                    DefenderRealisedStrength = war ? n * 0.006 % 1 : null,
                    Settlement = war ? null : n * 0.007 % 1,
                    ChallengerWins = war ? n % 2 == 0 : null,
                    Reliability = reliability,
                    Signal = signal,
                    Belief = belief,
                };
            }
        }
    }

    [Fact]
    public void Write_RowsOfSeveralRowGroups_SameBytesAsWholeColumnArrays()
    {
        const int rows = 6_000;
        using var stream = new MemoryStream();
        int groupSize;
        using (var writer = new PeriodRowParquet(stream, Scenario))
        {
            groupSize = writer.RowGroupSize;
            foreach (var row in Rows(rows))
            {
                writer.Write(row);
            }
        }

        Assert.True(groupSize < rows / 2, $"{groupSize} rows a group");
        Assert.Equal(ReferenceParquet.Periods(Scenario, Rows(rows), groupSize), stream.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65)]
    [InlineData(1_000)]
    public void RowGroupSize_AnyNumberOfCommitments_AsManyRowsAsFitTheBudget(int commitments)
    {
        // Two int32, three string references, four doubles, three optional doubles (12 bytes each), an optional
        // boolean (5 bytes), and 24 bytes a commitment.
        int bytesPerRow = 8 + (3 * IntPtr.Size) + 32 + 36 + 5 + (24 * commitments);
        var scenario = Scenario with { Commitments = [.. Enumerable.Repeat(Scenario.Commitments[0], commitments)] };
        using var writer = new PeriodRowParquet(new MemoryStream(), scenario);
        Assert.Equal(Math.Min(65_536, PeriodRowParquet.RowGroupBytes / bytesPerRow), writer.RowGroupSize);
    }

    [Fact]
    public void Write_RowWithTooFewCommitments_Throws()
    {
        using var writer = new PeriodRowParquet(new MemoryStream(), Scenario);
        var row = Rows(1).Single();
        Assert.Throws<ArgumentException>(() => writer.Write(row with { Belief = [0.5] }));
        writer.Write(row);
    }
}
