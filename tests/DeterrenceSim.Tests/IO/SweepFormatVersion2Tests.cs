using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.IO;

/// <summary>
/// Files of sidecar formatVersion 2, written by the library before the mechanism columns (commit e97921c; see
/// IO/Fixtures/sweep-v2/README.md): they read as before, without the attribution by mechanism, write back to the same
/// bytes, and their shards merge as before, but not with shards of formatVersion 3.
/// </summary>
public sealed class SweepFormatVersion2Tests : IDisposable
{
    private static readonly string[] Factors = ["commitments.Partnership.signal", "states.JPN.perception.credulity"];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-v2-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A file of the fixtures (copied beside the tests).</summary>
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", "sweep-v2", name);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData("sweep", 0)]
    [InlineData("reporters", 1)]
    public void Files_ReadAsBefore_CsvAndParquetAlike_WithoutTheAttribution(string name, int reporters)
    {
        var csv = SweepRowReader.Read(Fixture(name + ".csv"), out var paths).ToList();
        var parquet = SweepRowReader.Read(Fixture(name + ".parquet"), out var parquetPaths).ToList();
        Assert.Equal(Factors, paths);
        Assert.Equal(Factors, parquetPaths);
        Assert.Equal(csv, parquet);
        Assert.Equal(8, csv.Count);
        Assert.Equal(4, csv.Count(r => !r.Ran));
        Assert.All(csv, r => Assert.False(r.RecordsMechanisms));
        Assert.All(csv, r => Assert.Null(r.MechanismSums));
        Assert.All(csv, r => Assert.Equal(reporters, r.Reported.Count));

        // The counts are the file's text.
        var lines = File.ReadAllLines(Fixture(name + ".csv"));
        var header = lines[0].Split(',').ToList();
        Assert.DoesNotContain(header, c => c.StartsWith("shapley.", StringComparison.Ordinal) || c.StartsWith("butFor.", StringComparison.Ordinal));
        var last = lines[^1].Split(',');
        Assert.Equal(long.Parse(last[header.IndexOf("war_count")], CultureInfo.InvariantCulture), csv[^1][Measure.War].Count);
        Assert.Equal(long.Parse(last[header.IndexOf("trials")], CultureInfo.InvariantCulture), csv[^1].Trials);

        var e = Assert.Throws<InvalidOperationException>(() => csv[^1].Estimate("shapley.defender.ownCredulity"));
        Assert.Contains("written before sweep results had the mechanism columns", e.Message, StringComparison.Ordinal);
        var summary = DesignPointSummary.Of(csv, paths);
        Assert.All(summary, s => Assert.False(s.RecordsMechanisms));
        Assert.Equal(csv.Where(r => r.Point == 3).Sum(r => r[Measure.War].Count), summary[3].Pooled(Measure.War).Count);
    }

    [Theory]
    [InlineData("sweep.csv")]
    [InlineData("reporters.csv")]
    [InlineData("sweep.parquet")]
    [InlineData("reporters.parquet")]
    public void Rows_WriteBackToTheSameBytes_WithoutTheMechanismColumns(string name)
    {
        var rows = SweepRowReader.Read(Fixture(name), out var paths).ToList();
        string copy = PathOf(name);
        using (var writer = SweepRowWriter.Create(copy, paths, rows[0].Reported.Select(m => m.Name), mechanisms: false))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }

        Assert.Equal(File.ReadAllBytes(Fixture(name)), File.ReadAllBytes(copy));
    }

    [Fact]
    public void Shards_MergeAsBefore_IntoTheSingleProcessFile()
    {
        string[] shards = [PathOf("shard-1.csv"), PathOf("shard-2.csv")];
        foreach (string shard in shards)
        {
            File.Copy(Fixture(Path.GetFileName(shard)), shard);
            File.Copy(Fixture(Path.GetFileName(shard) + SweepFile.SidecarSuffix), shard + SweepFile.SidecarSuffix);
        }

        SweepFile.Merge(shards, PathOf("merged.csv"));
        Assert.Equal(File.ReadAllBytes(Fixture("sweep.csv")), File.ReadAllBytes(PathOf("merged.csv")));
        Assert.Contains("\"formatVersion\": 2", File.ReadAllText(PathOf("merged.csv") + SweepFile.SidecarSuffix), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_AShardOfFormatVersion2WithOneOfFormatVersion3_IsRefusedNamingTheVersions()
    {
        // Shard 2/2 of the fixtures' sweep run again by this version, beside shard 1/2 of formatVersion 2.
        File.Copy(Fixture("shard-1.csv"), PathOf("shard-1.csv"));
        File.Copy(Fixture("shard-1.csv" + SweepFile.SidecarSuffix), PathOf("shard-1.csv") + SweepFile.SidecarSuffix);
        var design = ExperimentDesign.Grid(Factor.Parse("commitments.Partnership.signal=0:0.9:2"), Factor.Parse("states.JPN.perception.credulity=0:1:2"));
        var sweep = new Sweep(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), design, new SweepOptions { Rounds = 3000, Replications = 2, Seed = 21, Threads = 1 });
        SweepFile.Run(sweep, PathOf("shard-2.csv"), new SweepFileOptions { Shard = new SweepShard(2, 2) });
        Assert.EndsWith(",shapley.rational_count", File.ReadLines(PathOf("shard-2.csv")).First(), StringComparison.Ordinal);
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Merge([PathOf("shard-1.csv"), PathOf("shard-2.csv")], PathOf("merged.csv")));
        Assert.Contains("the shards come from different sweeps: " + PathOf("shard-2.csv") + SweepFile.SidecarSuffix + " records a different formatVersion: 3 there, 2 in this run", e.Message, StringComparison.Ordinal);
        Assert.Contains("merge the shards of one version", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("merged.csv")));
    }
}
