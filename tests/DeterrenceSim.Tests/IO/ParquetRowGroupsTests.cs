using DeterrenceSim.IO;

namespace DeterrenceSim.Tests.IO;

/// <summary>
/// The memory the Parquet writers and the sweep reader hold, measured on the managed heap after full collections while
/// they work: at most one row group's budget (4 MiB) and a little for Parquet.Net's page buffers and footer. Before row
/// groups were sized by bytes, a writer kept 65,536 rows and copied each column into a new array at every row group, and
/// the reader made a whole row group's rows at once.
/// </summary>
[Collection(nameof(HeapSampler))]
public sealed class ParquetRowGroupsTests : IDisposable
{
    /// <summary>What Parquet.Net may hold besides the buffers: a page and its compressed copy, pooled arrays, the footer
    /// of a few row groups.</summary>
    private const long Slack = 4 << 20;

    private static readonly string[] Factors = ["states.CHN.perception.credulity", "states.JPN.perception.credulity"];

    private readonly string _folder = Directory.CreateTempSubdirectory("parquet-row-groups-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SweepParquetWriter_70000Rows_HoldsAtMostItsRowGroupBudget()
    {
        // Before: up to 65,535 rows of these kept, about 21 MB, and each column copied into a new array at a row group.
        var heap = new HeapSampler();
        using (var writer = new SweepParquetWriter(Stream.Null, Factors))
        {
            for (int i = 0; i < 70_000; i++)
            {
                writer.Write(SweepParquetTests.Row(i));
                if (i % 4_096 == 4_095)
                {
                    heap.Sample();
                }
            }

            // The buffers, and the few error messages of a row group.
            Assert.InRange(writer.PeakBufferedBytes, 1, SweepParquetWriter.RowGroupBytes + (64 << 10));
        }

        Assert.True(heap.Most < SweepParquetWriter.RowGroupBytes + Slack, $"the writer held {heap.Most >> 10} KiB");
    }

    [Fact]
    public void SweepParquetReader_70000Rows_HoldsOneRowGroupsColumnsAndGivesTheRowsWritten()
    {
        // Before: a whole row group's rows made at once (65,536 in the files of the time, about 21 MB) beside its columns
        // as arrays of nullable values (about 28 MB).
        string path = Path.Combine(_folder, "rows.parquet");
        using (var writer = SweepRowWriter.Create(path, Factors))
        {
            for (int i = 0; i < 70_000; i++)
            {
                writer.Write(SweepParquetTests.Row(i));
            }
        }

        var heap = new HeapSampler();
        long read = 0;
        foreach (var row in SweepRowReader.Read(path, out _))
        {
            Assert.Equal(SweepParquetTests.Row(read), row);
            if (++read % 4_096 == 0)
            {
                heap.Sample();
            }
        }

        Assert.Equal(70_000, read);
        Assert.True(heap.Most < SweepParquetWriter.RowGroupBytes + Slack, $"the reader held {heap.Most >> 10} KiB");
    }

    [Fact]
    public void PeriodRowParquet_30000RowsOf65Commitments_HoldsAtMostItsRowGroupBudget()
    {
        // Before: all 30,000 rows kept, about 21 MB.
        var heap = new HeapSampler();
        using (var writer = new PeriodRowParquet(Stream.Null, PeriodRowParquetTests.Scenario))
        {
            int i = 0;
            foreach (var row in PeriodRowParquetTests.Rows(30_000))
            {
                writer.Write(row);
                if (++i % 2_048 == 0)
                {
                    heap.Sample();
                }
            }

            Assert.InRange(writer.PeakBufferedBytes, 1, PeriodRowParquet.RowGroupBytes);
        }

        Assert.True(heap.Most < PeriodRowParquet.RowGroupBytes + Slack, $"the writer held {heap.Most >> 10} KiB");
    }
}
