using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Tests.Experiments;
using DeterrenceSim.Tests.Scenarios;

namespace DeterrenceSim.Tests.IO;

public sealed class SweepFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Sweep Make(int threads = 2, ulong seed = 3, long rounds = 500, string statusQuo = "0.3:0.6:5") => new(
        SweepTests.Noisy(),
        ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=" + statusQuo), Factor.Parse("states.AAA.perception.credulity=0:1:3")),
        new SweepOptions { Rounds = rounds, Replications = 3, Seed = seed, Threads = threads });

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void FileHoldsTheRowsInOrderAndASidecar(string extension)
    {
        string output = PathOf("results" + extension);
        var summary = SweepFile.Run(Make(), output);
        Assert.Equal(15, summary.Points);
        var rows = SweepRowReader.Read(output, out var paths).ToList();
        Assert.Equal(["crises.crisis-1.statusQuo", "states.AAA.perception.credulity"], paths);
        Assert.Equal(Make().Rows().ToList(), rows);
        string sidecar = File.ReadAllText(output + SweepFile.SidecarSuffix);
        Assert.Contains("\"scenarioSha256\"", sidecar, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"grid\"", sidecar, StringComparison.Ordinal);
        Assert.Contains("\"library\"", sidecar, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output + SweepFile.PartialSuffix));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void BytesAreTheSameForOneAndTwoThreads(string extension)
    {
        SweepFile.Run(Make(threads: 1), PathOf("one" + extension));
        SweepFile.Run(Make(threads: 2), PathOf("two" + extension));
        Assert.Equal(File.ReadAllBytes(PathOf("one" + extension)), File.ReadAllBytes(PathOf("two" + extension)));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void ThreeShardsMergedEqualASingleProcessRun(string extension)
    {
        SweepFile.Run(Make(), PathOf("single" + extension));
        var shards = new List<string>();
        foreach (int i in new[] { 3, 1, 2 })
        {
            string shard = PathOf($"shard-{i}{extension}");
            SweepFile.Run(Make(threads: i), shard, new SweepFileOptions { Shard = new SweepShard(i, 3) });
            shards.Add(shard);
        }

        SweepFile.Merge(shards, PathOf("merged" + extension));
        Assert.Equal(File.ReadAllBytes(PathOf("single" + extension)), File.ReadAllBytes(PathOf("merged" + extension)));
    }

    [Fact]
    public void MergeRejectsMissingRepeatedAndForeignShards()
    {
        for (int i = 1; i <= 3; i++)
        {
            SweepFile.Run(Make(), PathOf($"s{i}.csv"), new SweepFileOptions { Shard = new SweepShard(i, 3) });
        }

        SweepFile.Run(Make(seed: 4), PathOf("other.csv"), new SweepFileOptions { Shard = new SweepShard(3, 3) });
        var missing = Assert.Throws<SweepFileException>(() => SweepFile.Merge([PathOf("s1.csv"), PathOf("s2.csv")], PathOf("m1.csv")));
        Assert.Contains("expected shards 1/3 to 3/3 once each, found 1/3, 2/3", missing.Message, StringComparison.Ordinal);
        Assert.Throws<SweepFileException>(() => SweepFile.Merge([PathOf("s1.csv"), PathOf("s2.csv"), PathOf("s2.csv")], PathOf("m2.csv")));
        var foreign = Assert.Throws<SweepFileException>(() => SweepFile.Merge([PathOf("s1.csv"), PathOf("s2.csv"), PathOf("other.csv")], PathOf("m3.csv")));
        Assert.Contains("different seed", foreign.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m1.csv")) || File.Exists(PathOf("m2.csv")) || File.Exists(PathOf("m3.csv")));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void ResumeAfterAnInterruptionEqualsAnUninterruptedRun(string extension)
    {
        // Batches of 2 points: the run is cancelled after a few batches.
        var sweep = Make(threads: 2);
        sweep.BatchPointsOverride = 2;
        string output = PathOf("resumed" + extension);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.PointsCompleted >= 5)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SweepFile.Run(sweep, output, progress: progress, cancellationToken: cancel.Token));
        Assert.False(File.Exists(output));
        int chunks = Directory.GetFiles(output + SweepFile.PartialSuffix, "points-*.csv").Length;
        Assert.InRange(chunks, 1, 6);

        // Without --resume the unfinished run is an error, not overwritten.
        Assert.Contains("--resume", Assert.Throws<SweepFileException>(() => SweepFile.Run(sweep, output)).Message, StringComparison.Ordinal);
        var summary = SweepFile.Run(Make(threads: 1), output, new SweepFileOptions { Resume = true });
        Assert.True(summary.PointsRun < 15);

        SweepFile.Run(Make(), PathOf("straight" + extension));
        Assert.Equal(File.ReadAllBytes(PathOf("straight" + extension)), File.ReadAllBytes(output));
    }

    [Fact]
    public void AnExistingOutputIsNeverOverwrittenAndResumeChecksItIsTheSameSweep()
    {
        string output = PathOf("r.csv");
        SweepFile.Run(Make(), output);
        byte[] before = File.ReadAllBytes(output);
        Assert.Contains("exists", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), output)).Message, StringComparison.Ordinal);
        Assert.True(SweepFile.Run(Make(), output, new SweepFileOptions { Resume = true }).AlreadyComplete);
        Assert.Contains("different seed", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(seed: 9), output, new SweepFileOptions { Resume = true })).Message, StringComparison.Ordinal);
        Assert.Contains("different design", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(statusQuo: "0.3:0.6:4"), output, new SweepFileOptions { Resume = true })).Message, StringComparison.Ordinal);
        Assert.Contains("different rounds", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(rounds: 501), output, new SweepFileOptions { Resume = true })).Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Contains(".csv or .parquet", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), PathOf("r.xlsx"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated at a row boundary")]
    [InlineData("a row deleted")]
    [InlineData("a point edited")]
    [InlineData("another shard's rows")]
    [InlineData("rows appended")]
    [InlineData("a rate edited")]
    [InlineData("a bound edited")]
    public void MergeChecksTheRowsOfEveryShard(string damage)
    {
        for (int i = 1; i <= 3; i++)
        {
            SweepFile.Run(Make(), PathOf($"d{i}.csv"), new SweepFileOptions { Shard = new SweepShard(i, 3) });
        }

        var lines = File.ReadAllLines(PathOf("d2.csv")).ToList();
        switch (damage)
        {
            case "truncated at a row boundary": lines = lines.Take(5).ToList(); break;
            case "a row deleted": lines.RemoveAt(4); break;
            case "a point edited": lines[3] = "999" + lines[3][lines[3].IndexOf(',', StringComparison.Ordinal)..]; break;
            case "another shard's rows": lines = File.ReadAllLines(PathOf("d3.csv")).ToList(); break;
            case "a rate edited": lines[2] = Edit(lines[2], 11, "0.5"); break;
            case "a bound edited": lines[2] = Edit(lines[2], 12, "0.99"); break;
            default: lines.Add(lines[^1]); break;
        }

        File.WriteAllText(PathOf("d2.csv"), string.Join("\n", lines) + "\n");
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Merge([PathOf("d1.csv"), PathOf("d2.csv"), PathOf("d3.csv")], PathOf("merged.csv")));
        Assert.Contains("d2.csv", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("merged.csv")));
        Assert.Empty(Directory.GetFiles(_folder, "merged.csv*"));
    }

    private static string Edit(string line, int column, string value)
    {
        var cells = line.Split(',');
        cells[column] = value;
        return string.Join(",", cells);
    }

    [Fact]
    public void LeftoversOfAKilledRunAreCleanedOnResume()
    {
        string output = PathOf("left.csv");
        SweepFile.Run(Make(), output);

        // Killed after the rename but before the chunks were removed, with a temporary file of an earlier attempt.
        Directory.CreateDirectory(output + SweepFile.PartialSuffix);
        File.WriteAllText(output + ".tmp-12345", "half a file");
        var summary = SweepFile.Run(Make(), output, new SweepFileOptions { Resume = true });
        Assert.True(summary.AlreadyComplete);
        Assert.False(Directory.Exists(output + SweepFile.PartialSuffix));
        Assert.False(File.Exists(output + ".tmp-12345"));

        // Killed during the assembly of another output: its temporary file goes when the run resumes.
        string second = PathOf("second.csv");
        Directory.CreateDirectory(second + SweepFile.PartialSuffix);
        File.WriteAllText(second + ".tmp-777", "partial output");
        SweepFile.Run(Make(), second, new SweepFileOptions { Resume = true });
        Assert.False(File.Exists(second + ".tmp-777"));
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(second));
    }

    [Fact]
    public void ResumeChecksTheChunksAndNamesADamagedOne()
    {
        var sweep = Make();
        sweep.BatchPointsOverride = 3;
        string output = PathOf("c.csv");
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.PointsCompleted >= 7)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SweepFile.Run(sweep, output, progress: progress, cancellationToken: cancel.Token));
        string chunk = Directory.GetFiles(output + SweepFile.PartialSuffix, "points-*.csv").Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(chunk);
        File.WriteAllText(chunk, string.Join("\n", lines.Take(lines.Length - 1)) + "\n");

        var e = Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), output, new SweepFileOptions { Resume = true }));
        Assert.Contains(Path.GetFileName(chunk), e.Message, StringComparison.Ordinal);
        Assert.Contains("delete this chunk and rerun with --resume", e.Message, StringComparison.Ordinal);

        File.Delete(chunk);
        SweepFile.Run(Make(), output, new SweepFileOptions { Resume = true });
        SweepFile.Run(Make(), PathOf("straight.csv"));
        Assert.Equal(File.ReadAllBytes(PathOf("straight.csv")), File.ReadAllBytes(output));

        // A finished output that was damaged is not taken as complete.
        File.WriteAllText(output, "point,replication\n0,0\n");
        Assert.Contains("delete it and its sidecar", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), output, new SweepFileOptions { Resume = true })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldersStaleSidecarsAndASecondProcessAreRefusedBeforeAnythingRuns()
    {
        Directory.CreateDirectory(PathOf("folder.csv"));
        Assert.Contains("is a folder", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), PathOf("folder.csv"))).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("folder.csv") + SweepFile.SidecarSuffix));
        Assert.False(Directory.Exists(PathOf("folder.csv") + SweepFile.PartialSuffix));

        File.WriteAllText(PathOf("stale.csv") + SweepFile.SidecarSuffix, "{}");
        Assert.Contains("left from an earlier run", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), PathOf("stale.csv"))).Message, StringComparison.Ordinal);

        string partial = PathOf("busy.csv") + SweepFile.PartialSuffix;
        Directory.CreateDirectory(partial);
        using (new FileStream(Path.Combine(partial, "lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Contains("another process", Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(), PathOf("busy.csv"), new SweepFileOptions { Resume = true })).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadingAnEditedCsvNamesTheLineColumnOrMissingColumn()
    {
        SweepFile.Run(Make(), PathOf("e.csv"));
        var lines = File.ReadAllLines(PathOf("e.csv"));
        var cells = lines[2].Split(',');
        cells[3] = "abc";
        File.WriteAllLines(PathOf("cell.csv"), [lines[0], lines[1], string.Join(",", cells)]);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(PathOf("cell.csv"), out _).ToList());
        Assert.Contains("line 3, column 4 (crises.crisis-1.statusQuo): expected a number, found 'abc'", e.Message, StringComparison.Ordinal);

        File.WriteAllLines(PathOf("column.csv"), lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 10))));
        e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(PathOf("column.csv"), out _).ToList());
        Assert.Contains("the column 'concession_upper' is missing", e.Message, StringComparison.Ordinal);

        File.WriteAllText(PathOf("other.csv"), "a,b,c\n1,2,3\n");
        e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(PathOf("other.csv"), out _).ToList());
        Assert.Contains("expected column 1 to be 'point', found 'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointsThatReachTheCapWithoutTheTargetAreCounted()
    {
        var sweep = new Sweep(SweepTests.Noisy(), ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:3")), new SweepOptions { Rounds = 200, Replications = 2, Seed = 1, Threads = 2, Precision = new PrecisionTarget("war", 0.0001, 3) });
        var summary = SweepFile.Run(sweep, PathOf("cap.csv"));
        Assert.Equal(3, summary.PointsAtCap);
        Assert.Contains("\"pointsAtReplicationCap\": 3", File.ReadAllText(PathOf("cap.csv") + SweepFile.SidecarSuffix), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvIsTheSameAndParseableUnderAGermanCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            SweepFile.Run(Make(), PathOf("de.csv"));
            var rows = SweepRowReader.Read(PathOf("de.csv"), out _).ToList();
            Assert.Equal(Make().Rows().ToList(), rows);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        SweepFile.Run(Make(), PathOf("invariant.csv"));
        Assert.Equal(File.ReadAllBytes(PathOf("invariant.csv")), File.ReadAllBytes(PathOf("de.csv")));
        string[] lines = File.ReadAllLines(PathOf("de.csv"));
        Assert.Equal(SweepColumns.For(["crises.crisis-1.statusQuo", "states.AAA.perception.credulity"]).Count, lines[1].Split(',').Length);
        Assert.Contains(",0.3,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredThousandPointDesignStreamsWithFlatMemory()
    {
        var sweep = new Sweep(
            SweepTests.Noisy(),
            ExperimentDesign.LatinHypercube(100_000, 1, Factor.Parse("crises.crisis-1.statusQuo=0.3:0.6")),
            new SweepOptions { Rounds = 1, Replications = 1, Seed = 1, Threads = 2 });
        long early = 0, late = 0;
        var progress = new Progress(p =>
        {
            if (p.PointsCompleted == 10_000)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (p.PointsCompleted == 95_000)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        });
        SweepFile.Run(sweep, PathOf("big.csv"), progress: progress);
        Assert.True(early > 0 && late > 0);
        Assert.True(late - early < 32L << 20, $"memory grew by {(late - early) >> 20} MiB between points 10,000 and 95,000");
        Assert.Equal(100_001, File.ReadLines(PathOf("big.csv")).Count());
    }

    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
