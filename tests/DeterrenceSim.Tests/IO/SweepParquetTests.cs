using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using Parquet;

namespace DeterrenceSim.Tests.IO;

public sealed class SweepParquetTests : IDisposable
{
    private static readonly string[] Factors = ["states.CHN.perception.credulity", "states.JPN.perception.credulity"];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-parquet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Row <paramref name="i"/> of a made-up sweep of two factors and two replications a point, in which every
    /// <paramref name="failEvery"/>-th point could not run (no counts, the same error, padded to
    /// <paramref name="errorLength"/> characters, in both rows); the others have counts of 1,000 trials and, with
    /// <paramref name="mechanisms"/>, mechanism sums.</summary>
    internal static SweepRow Row(long i, int failEvery = 500, int errorLength = 0, bool mechanisms = true)
    {
        long point = i / 2;
        double u = point * 0.6180339887498949 % 1;
        if (point % failEvery == 7 % failEvery)
        {
            string error = $"states.CHN.perception.credulity: expected a value in [0, 1], found {1 + u} (point {point})";
            return new SweepRow(point, (int)(i % 2), 11, [1 + u, 1 - u], 0, null, error.PadRight(Math.Max(errorLength, error.Length), '.')) { RecordsMechanisms = mechanisms };
        }

        // Outcomes that add up to the 1,000 trials and causes that add up to the wars, as the readers require.
        long war = (long)(i * 0.7548776662466927 % 1 * 101), concession = (long)(i * 0.5698402909980532 % 1 * 301);
        long[] counts = [1_000 - war - concession, concession, war, war / 5, war / 5, war / 5, war / 5, war - (4 * (war / 5))];
        Assert.Equal(SweepColumns.Counts.Count, counts.Length);

        var row = new SweepRow(point, (int)(i % 2), 11, [u, 1 - u], 1_000, counts, null);
        return mechanisms ? row with { MechanismSums = Sums(war, i) } : row;
    }

    /// <summary>Mechanism sums the readers accept for <paramref name="war"/> wars: a seventh of them rational, the others
    /// each shared as 1/2, 1/4, 1/8, 1/8 among four factors that vary with <paramref name="i"/> (Shapley values times
    /// 8!: 20160, 10080, 5040, 5040, so they add up to 8! a war), and a third of the wars but-for each factor.</summary>
    internal static long[] Sums(long war, long i)
    {
        long rational = war / 7, attributable = war - rational;
        long[] shares = [20_160, 10_080, 5_040, 5_040, 0, 0, 0, 0];
        var sums = new long[25];
        for (int f = 0; f < 8; f++)
        {
            long phi = shares[(f + i) % 8];
            sums[3 * f] = war / 3;
            sums[(3 * f) + 1] = phi * attributable;
            sums[(3 * f) + 2] = phi * phi * attributable;
        }

        sums[24] = rational;
        return sums;
    }

    [Fact]
    public async Task Write_RowsOfSeveralRowGroups_SameBytesAsWholeColumnArrays()
    {
        const int rows = 30_000;
        using var stream = new MemoryStream();
        int groupSize;
        using (var writer = new SweepParquetWriter(stream, Factors))
        {
            groupSize = writer.RowGroupSize;
            for (int i = 0; i < rows; i++)
            {
                writer.Write(Row(i));
            }
        }

        Assert.Equal(ReferenceParquet.Sweep(Factors, Enumerable.Range(0, rows).Select(i => Row(i)), groupSize), stream.ToArray());
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal((rows + groupSize - 1) / groupSize, reader.RowGroupCount);
        Assert.Equal(groupSize, reader.OpenRowGroupReader(0).RowCount);
    }

    [Fact]
    public void Read_FileWithRowGroupsOf65536Rows_GivesItsRows()
    {
        // Files written before row groups were sized by bytes, and before the count columns (DeterrenceSim 0.1.0): read
        // with their trials, the counts come from the rates.
        const int rows = 70_000;
        using var stream = new MemoryStream(ReferenceParquet.Sweep(Factors, Enumerable.Range(0, rows).Select(i => Row(i, mechanisms: false)), 65_536, counts: false));
        var e = Assert.Throws<InvalidDataException>(() => SweepParquetReader.Read(stream, "old.parquet", out _));
        Assert.Contains("old.parquet: written before sweep results had the columns 'trials' and 'deterred_count'", e.Message, StringComparison.Ordinal);
        stream.Position = 0;
        long read = 0;
        foreach (var row in SweepParquetReader.Read(stream, "old.parquet", out _, trials: 1_000))
        {
            Assert.Equal(Row(read++, mechanisms: false), row);
        }

        Assert.Equal(rows, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(40)]
    [InlineData(1_000)]
    public void RowGroupSize_AnyNumberOfFactors_AsManyRowsAsFitTheBudget(int factors)
    {
        // 8 bytes for point, 4 for replication, 8 for seed and each factor, 12 for each of the 24 rates, the trials,
        // the 8 counts and the 76 mechanism columns (value and definition level), and a reference for the error.
        int bytesPerRow = 20 + (8 * factors) + (12 * (SweepColumns.Rates.Count + 1 + SweepColumns.Counts.Count + SweepColumns.Mechanisms.Count)) + IntPtr.Size;
        using var writer = new SweepParquetWriter(new MemoryStream(), Enumerable.Range(0, factors).Select(i => "f" + i));
        Assert.Equal(Math.Min(65_536, SweepParquetWriter.RowGroupBytes / bytesPerRow), writer.RowGroupSize);
    }

    [Fact]
    public async Task Write_LongErrorMessages_EndRowGroupsEarlyAndReadBack()
    {
        // Every point fails with a message of 20,000 characters (40 kB): 4 MiB of them end a row group after 105 points,
        // about 210 rows.
        const int rows = 1_000;
        string path = Path.Combine(_folder, "errors.parquet");
        using (var stream = File.Create(path))
        using (var writer = new SweepParquetWriter(stream, Factors))
        {
            for (int i = 0; i < rows; i++)
            {
                writer.Write(Row(i, failEvery: 1, errorLength: 20_000));
            }

            Assert.InRange(writer.PeakBufferedBytes, SweepParquetWriter.RowGroupBytes, (2L * SweepParquetWriter.RowGroupBytes) + 40_024);
        }

        await using (var stream = File.OpenRead(path))
        await using (var reader = await ParquetReader.CreateAsync(stream))
        {
            Assert.InRange(reader.RowGroupCount, 4, 6);
        }

        long read = 0;
        foreach (var row in SweepRowReader.Read(path, out _))
        {
            Assert.Equal(Row(read++, failEvery: 1, errorLength: 20_000), row);
        }

        Assert.Equal(rows, read);
    }

    [Fact]
    public void Write_RowWithTheWrongNumberOfValues_ThrowsAndKeepsTheFileWhole()
    {
        using var stream = new MemoryStream();
        using (var writer = new SweepParquetWriter(stream, Factors))
        {
            writer.Write(Row(0));
            Assert.Throws<ArgumentException>(() => writer.Write(Row(1) with { Values = [0.5] }));
            Assert.Throws<ArgumentException>(() => writer.Write(Row(1) with { Counts = [5] }));
            Assert.Throws<ArgumentException>(() => writer.Write(Row(1, mechanisms: false)));
            Assert.Throws<ArgumentException>(() => writer.Write(Row(1) with { MechanismSums = [5] }));
            writer.Write(Row(1));
        }

        stream.Position = 0;
        Assert.Equal([Row(0), Row(1)], SweepParquetReader.Read(stream, "memory", out _).ToList());
    }
}
