using DeterrenceSim;
using System.Text.Json;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Tests.Experiments;

namespace DeterrenceSim.Tests.Outcomes;

/// <summary>Researchers' own measures: a reporter that restates a built-in measure must count exactly what the engine
/// counts (the same rounds, the same draws), reporters must not change the built-in results, and their counts travel
/// through run, simulate and sweep output and back.</summary>
public sealed class ReporterTests : IDisposable
{
    private static readonly Reporter Wars = Reporter.OfRounds("wars", r => r.Outcome == Outcome.War);
    private static readonly Reporter Preventive = Reporter.OfRounds("preventiveWars", r => r.Cause == WarCause.Preventive);
    private static readonly Reporter Optimistic = Reporter.OfRounds("optimistic", r => r.ChallengerBelief > 0.5);

    private readonly string _folder = Directory.CreateTempSubdirectory("reporters-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("1war")]
    [InlineData("us_fights")]
    [InlineData("war")]
    [InlineData("defenderMisperception")]
    [InlineData("trials")]
    [InlineData("error")]
    public void ANameThatIsNotAnIdentifierOrIsTaken_IsRefused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Reporter.OfRounds(name, _ => true));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AReporterRestatingABuiltInMeasure_CountsExactlyItsRounds_AndChangesNothingElse()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(SweepTests.Noisy()));
        var plain = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 20_000, Seed = 9, Threads = 2 });
        var reported = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 20_000, Seed = 9, Threads = 2, Reporters = [Wars, Preventive, Optimistic] });
        Assert.Equal(plain[Measure.War], reported[Wars.Measure]);
        Assert.Equal(plain[WarCause.Preventive], reported[Preventive.Measure]);
        Assert.All(Measure.All, m => Assert.Equal(plain[m], reported[m]));
        Assert.Equal(["wars", "preventiveWars", "optimistic"], reported.Reported.Keys);
        Assert.InRange(reported[Optimistic.Measure].Count, 1, 19_999);
        Assert.Equal(20_000, reported[Optimistic.Measure].Trials);

        // Threads do not change a count.
        var one = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 20_000, Seed = 9, Threads = 1, Reporters = [Optimistic] });
        Assert.Equal(reported[Optimistic.Measure], one[Optimistic.Measure]);
        var e = Assert.Throws<ArgumentException>(() => one[Wars.Measure]);
        Assert.Contains("no reporter named 'wars' (it counted optimistic)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonAndCsv_HaveTheReportedRates_OnlyWhenThereAreReporters()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(SweepTests.Noisy()));
        var result = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 2_000, Seed = 9, Reporters = [Wars] });
        using var document = JsonDocument.Parse(SimulationResultJson.ToJson(result));
        var wars = document.RootElement.GetProperty("reported").GetProperty("wars");
        Assert.Equal(result[Measure.War].Count, wars.GetProperty("count").GetInt64());
        using var writer = new StringWriter();
        SimulationResultCsv.Write([result], writer);
        Assert.Contains($",reported,wars,{result[Measure.War].Count},2000,", writer.ToString(), StringComparison.Ordinal);

        var plain = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 2_000, Seed = 9 });
        using var none = JsonDocument.Parse(SimulationResultJson.ToJson(plain));
        Assert.False(none.RootElement.TryGetProperty("reported", out _));
    }

    [Fact]
    public void Run_TheTableHtmlAndDataFrame_ListTheReporters()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(SweepTests.Noisy()));
        var result = monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 2_000, Seed = 9, Reporters = [Wars] });
        Assert.Contains("reported: wars", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("reported: wars", result.ToHtml(), StringComparison.Ordinal);
        var frame = result.ToDataFrame();
        Assert.Equal(Measure.All.Count + 1 + 17, frame.Rows.Count); // then the 17 rows of the mechanisms
        Assert.Equal("wars", frame["measure"][Measure.All.Count]);
        Assert.Equal(result[Measure.War].Count, (long)frame["count"][Measure.All.Count]!);
    }

    [Fact]
    public void Summaries_OfRowsThatRepeat_AreRefusedNamingTheRow()
    {
        var sweep = MakeSweep(threads: 2);
        var rows = sweep.Rows().ToList();
        var e = Assert.Throws<ArgumentException>(() => DesignPointSummary.Of(rows.Concat(rows), ["crises.crisis-1.statusQuo"]));
        Assert.Contains("point 0, replication 0 comes twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AReporterOfTheOtherKindOrTwoOfOneName_AreRefusedNamingTheField()
    {
        var periods = Reporter.OfPeriods("wars", r => r.Outcome == Outcome.War);
        var e = Assert.Throws<ArgumentException>(() => new RoundOptions { Reporters = [periods] }.Validate());
        Assert.Contains("Reporters: 'wars' counts periods of runs, but this simulation plays single rounds", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new RunOptions { Reporters = [Wars] }.Validate());
        Assert.Contains("make it with Reporter.OfPeriods", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new RoundOptions { Reporters = [Wars, Reporter.OfRounds("wars", _ => false)] }.Validate());
        Assert.Contains("two reporters are named 'wars'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SweepOptions { Periods = 3, Reporters = [Wars] }.Validate());
    }

    [Fact]
    public void Simulate_APeriodReporterRestatingWar_CountsTheWarPeriodsOfEachCrisis()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(SweepTests.Noisy()));
        var atWar = Reporter.OfPeriods("atWar", r => r.Outcome == Outcome.War);
        var result = monteCarlo.Simulate(new RunOptions { Periods = 6, Replications = 40, Seed = 4, Threads = 2, Reporters = [atWar] });
        foreach (var crisis in result.Crises)
        {
            long wars = crisis.WarByPeriod.Sum(p => p.Count);
            Assert.Equal(Proportion.Wilson(wars, 6 * 40), crisis.Reported["atWar"]);
        }

        using var document = JsonDocument.Parse(DynamicsResultJson.ToJson(result));
        Assert.True(document.RootElement.GetProperty("crises").EnumerateObject().First().Value.TryGetProperty("reported", out _));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void Sweep_ReportersAreCountedInEveryRow_WrittenAsColumns_AndReadBack(string extension)
    {
        var sweep = MakeSweep(threads: 2);
        var rows = sweep.Rows().ToList();
        Assert.All(rows.Where(r => r.Ran), r =>
        {
            Assert.Equal(r[Measure.War], r[Wars.Measure]);
            Assert.Equal(r[Measure.War].Estimate, r.Estimate("wars"));
        });

        string output = Path.Combine(_folder, "reported" + extension);
        SweepFile.Run(sweep, output);
        var back = SweepRowReader.Read(output, out _).ToList();
        Assert.Equal(rows, back);
        Assert.Equal([Wars.Measure, Optimistic.Measure], back[0].Reported);
        if (extension == ".csv")
        {
            string header = File.ReadLines(output).First();
            // The reporters' columns follow the counts; the mechanism columns end the header.
            Assert.EndsWith(",rational_count,wars,wars_lower,wars_upper,wars_count,optimistic,optimistic_lower,optimistic_upper,optimistic_count," + string.Join(",", SweepColumns.Mechanisms), header, StringComparison.Ordinal);
        }

        using var sidecar = JsonDocument.Parse(File.ReadAllText(output + SweepFile.SidecarSuffix));
        Assert.Equal(["wars", "optimistic"], sidecar.RootElement.GetProperty("identity").GetProperty("reporters").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void Sweep_ShardsWithReportersMerge_IntoTheSingleProcessFile()
    {
        SweepFile.Run(MakeSweep(threads: 2), Path.Combine(_folder, "single.csv"));
        var shards = new List<string>();
        for (int i = 1; i <= 2; i++)
        {
            string shard = Path.Combine(_folder, $"shard-{i}.csv");
            SweepFile.Run(MakeSweep(threads: i), shard, new SweepFileOptions { Shard = new SweepShard(i, 2) });
            shards.Add(shard);
        }

        SweepFile.Merge(shards, Path.Combine(_folder, "merged.csv"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "single.csv")), File.ReadAllBytes(Path.Combine(_folder, "merged.csv")));
    }

    [Fact]
    public void Sweep_AnEditedReporterCount_IsRefused()
    {
        string output = Path.Combine(_folder, "edited.csv");
        SweepFile.Run(MakeSweep(threads: 2), output);
        var lines = File.ReadAllLines(output);
        var cells = lines[1].Split(',');
        int last = File.ReadLines(output).First().Split(',').ToList().IndexOf("optimistic_count");
        cells[last] = (long.Parse(cells[last], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[1] = string.Join(",", cells);
        File.WriteAllLines(output, lines);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(output, out _).ToList());
        Assert.Contains("line 2: 'optimistic' and its bounds are not optimistic_count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_AndDataFrames_CarryTheReporters()
    {
        var sweep = MakeSweep(threads: 2);
        var summaries = sweep.Summarise();
        Assert.All(summaries, p =>
        {
            Assert.Equal(p.Pooled(Measure.War), p.Pooled(Wars.Measure));
            Assert.Equal(p.MeanOfReplications(Measure.War), p.MeanOfReplications(Wars.Measure));
        });
        var frame = summaries.ToDataFrame();
        Assert.Equal(summaries[0].Pooled(Optimistic.Measure).Count, (long)frame["optimistic_count"][0]!);
        var rows = sweep.ToDataFrame();
        Assert.Equal(sweep.Rows().First()[Wars.Measure].Count, (long)rows["wars_count"][0]!);
        Assert.Throws<ArgumentException>(() => summaries[0].Pooled(Reporter.OfRounds("other", _ => true).Measure));
    }

    [Fact]
    public async Task Plot_AReporterColumn_IsAMetric_AndAnUnknownOneIsNamedWithTheReporters()
    {
        string output = Path.Combine(_folder, "plot.csv");
        SweepFile.Run(MakeSweep(threads: 2), output);
        var (code, _, stderr) = await DeterrenceSim.Tests.Cli.CliRunner.Run("plot", output, "--x", "crises.crisis-1.statusQuo", "--z", "optimistic", "-o", Path.Combine(_folder, "p.svg"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await DeterrenceSim.Tests.Cli.CliRunner.Run("plot", output, "--x", "crises.crisis-1.statusQuo", "--z", "pessimistic", "-o", Path.Combine(_folder, "q.svg"));
        Assert.Equal(2, code);
        Assert.Contains("or a reporter of " + output + " (wars, optimistic), found 'pessimistic'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AThrowingReporter_IsReportedByName_NotWrapped()
    {
        var throws = Reporter.OfRounds("fragile", r => r.ChallengerBelief > 0.5 ? throw new FormatException("boom") : false);
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(SweepTests.Noisy()));
        var e = Assert.Throws<InvalidOperationException>(() => monteCarlo.Run("crisis-1", new RoundOptions { Rounds = 2_000, Threads = 2, Reporters = [throws] }));
        Assert.StartsWith("The reporter 'fragile' threw in round ", e.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(e.InnerException);
        var sweep = new Sweep(SweepTests.Noisy(), ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.3:0.6:4")), new SweepOptions { Rounds = 500, Replications = 1, Threads = 2, Reporters = [throws] });
        e = Assert.Throws<InvalidOperationException>(() => sweep.Rows().ToList());
        Assert.StartsWith("The reporter 'fragile' threw", e.Message, StringComparison.Ordinal);
        Assert.Contains("'War' is 'war' but for case", Assert.Throws<ArgumentException>(() => Reporter.OfRounds("War", _ => true)).Message, StringComparison.Ordinal);
    }

    private static Sweep MakeSweep(int threads) => new(
        SweepTests.Noisy(),
        ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.3:0.6:3")),
        new SweepOptions { Rounds = 500, Replications = 2, Seed = 3, Threads = threads, Reporters = [Wars, Optimistic] });
}
