using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Tests.Experiments;
using MathNet.Numerics.Distributions;

namespace DeterrenceSim.Tests.IO;

/// <summary>
/// The attribution by mechanism in sweep files (issue 12): per factor butFor.F, _lower, _upper, _count and shapley.F,
/// _lower, _upper, _scaledSum, _scaledSumOfSquares, then shapley.rational, _lower, _upper, _count, at the very end of
/// the header. The expected numbers are computed here from the file's own integer columns by the formulas of the
/// contract (a rate is count / trials; a Shapley share is scaledSum / 8! / trials with the t interval of the per-round
/// values), not by the code under test.
/// </summary>
public sealed class SweepMechanismColumnsTests : IDisposable
{
    private const double Scale = 40320;

    private static readonly string[] Factors =
    [
        "challenger.ownCredulity", "challenger.opponentCredulity", "defender.ownCredulity", "defender.opponentCredulity",
        "challenger.capabilityBias", "defender.capabilityBias", "challenger.noise", "defender.noise",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-mechanisms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Header_EndsWithTheMechanismColumns_AfterTheReporters()
    {
        string[] expected =
        [
            .. Factors.SelectMany(f => new[]
            {
                $"butFor.{f}", $"butFor.{f}_lower", $"butFor.{f}_upper", $"butFor.{f}_count",
                $"shapley.{f}", $"shapley.{f}_lower", $"shapley.{f}_upper", $"shapley.{f}_scaledSum", $"shapley.{f}_scaledSumOfSquares",
            }),
            "shapley.rational", "shapley.rational_lower", "shapley.rational_upper", "shapley.rational_count",
        ];
        Assert.Equal(expected, SweepColumns.Mechanisms);
        var header = SweepColumns.For(["x.y"], ["usFights"]);
        Assert.Equal(["rational_count", "usFights", "usFights_lower", "usFights_upper", "usFights_count", .. expected], header.Skip(header.Count - expected.Length - 5));
    }

    [Fact]
    public void Csv_TheColumnsAreTheirCountsAndSums_ByTheContractsFormulas()
    {
        string output = PathOf("m.csv");
        SweepFile.Run(Make(), output);
        var (header, lines) = Table(output);
        int ran = 0;
        foreach (var cells in lines)
        {
            string Cell(string column) => cells[header.IndexOf(column)];
            long Whole(string column) => long.Parse(Cell(column), CultureInfo.InvariantCulture);
            double Number(string column) => double.Parse(Cell(column), CultureInfo.InvariantCulture);
            if (Cell("error").Length > 0)
            {
                Assert.All(SweepColumns.Mechanisms, c => Assert.Equal("", Cell(c)));
                continue;
            }

            ran++;
            long trials = Whole("trials"), wars = Whole("war_count");
            long total = Whole("shapley.rational_count") * 40320;
            foreach (string f in Factors)
            {
                long butFor = Whole($"butFor.{f}_count");
                Assert.InRange(butFor, 0, wars);
                Assert.Equal((double)butFor / trials, Number($"butFor.{f}"));
                var wilson = Proportion.Wilson(butFor, trials);
                Assert.Equal(wilson.Lower, Number($"butFor.{f}_lower"));
                Assert.Equal(wilson.Upper, Number($"butFor.{f}_upper"));

                // The mean of the per-round values and its t interval from their variance, cut to [-1, 1].
                long sum = Whole($"shapley.{f}_scaledSum"), squares = Whole($"shapley.{f}_scaledSumOfSquares");
                double mean = sum / Scale / trials;
                double variance = ((squares / (Scale * Scale)) - (trials * mean * mean)) / (trials - 1);
                double half = StudentT.InvCDF(0, 1, trials - 1, 0.975) * Math.Sqrt(variance / trials);
                Assert.Equal(mean, Number($"shapley.{f}"), 15);
                Assert.Equal(Math.Max(-1, mean - half), Number($"shapley.{f}_lower"), 12);
                Assert.Equal(Math.Min(1, mean + half), Number($"shapley.{f}_upper"), 12);
                total += sum;
            }

            // Efficiency: the Shapley sums and 8! times the rational wars are 8! times the wars, exactly.
            Assert.Equal(40320 * wars, total);
            Assert.Equal((double)Whole("shapley.rational_count") / trials, Number("shapley.rational"));
        }

        Assert.Equal(4, ran);
        Assert.Contains(lines, cells => cells[header.IndexOf("shapley.challenger.noise_scaledSum")] is not ("" or "0"));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void RoundTrip_RowsAreBitExact_WithTheirSums(string extension)
    {
        var rows = Make().Rows().ToList();
        Assert.All(rows, r => Assert.True(r.RecordsMechanisms));
        Assert.All(rows.Where(r => r.Ran), r => Assert.Equal(25, r.MechanismSums!.Length));
        string output = PathOf("trip" + extension);
        SweepFile.Run(Make(), output);
        var back = SweepRowReader.Read(output, out _).ToList();
        Assert.Equal(rows, back);
        Assert.All(rows.Zip(back), p => Assert.Equal(p.First.MechanismSums, p.Second.MechanismSums));
        foreach (var (row, read) in rows.Zip(back).Where(p => p.First.Ran))
        {
            foreach (var measure in Measure.Mechanisms)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(row.Estimate(measure)!.Value), BitConverter.DoubleToInt64Bits(read.Estimate(measure)!.Value));
            }
        }
    }

    [Fact]
    public void CsvAndParquet_HoldTheSameRows_AndMergedShardsEqualASingleRun()
    {
        foreach (string extension in (string[])[".csv", ".parquet"])
        {
            SweepFile.Run(Make(), PathOf("single" + extension));
            string[] shards = [PathOf("s1" + extension), PathOf("s2" + extension)];
            for (int i = 1; i <= 2; i++)
            {
                SweepFile.Run(Make(), shards[i - 1], new SweepFileOptions { Shard = new SweepShard(i, 2) });
            }

            SweepFile.Merge(shards, PathOf("merged" + extension));
            Assert.Equal(File.ReadAllBytes(PathOf("single" + extension)), File.ReadAllBytes(PathOf("merged" + extension)));
            Assert.Contains("\"formatVersion\": 3", File.ReadAllText(PathOf("merged" + extension) + SweepFile.SidecarSuffix), StringComparison.Ordinal);
        }

        Assert.Equal(SweepRowReader.Read(PathOf("single.csv"), out _).ToList(), SweepRowReader.Read(PathOf("single.parquet"), out _).ToList());
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void Resume_AfterAnInterruption_GivesTheUninterruptedFile(string extension)
    {
        var sweep = Make(points: "0.3:0.6:6");
        sweep.BatchPointsOverride = 1;
        string output = PathOf("resumed" + extension);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.PointsCompleted >= 3)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SweepFile.Run(sweep, output, progress: progress, cancellationToken: cancel.Token));
        Assert.NotEmpty(Directory.GetFiles(output + SweepFile.PartialSuffix, "points-*.csv"));
        Assert.True(SweepFile.Run(Make(points: "0.3:0.6:6"), output, new SweepFileOptions { Resume = true }).PointsRun < 6);
        SweepFile.Run(Make(points: "0.3:0.6:6"), PathOf("straight" + extension));
        Assert.Equal(File.ReadAllBytes(PathOf("straight" + extension)), File.ReadAllBytes(output));
        Assert.True(SweepFile.Run(Make(points: "0.3:0.6:6"), output, new SweepFileOptions { Resume = true }).AlreadyComplete);
    }

    [Fact]
    public void Resume_OfAPartialRunOfFormatVersion2_IsRefusedNamingIt()
    {
        var sweep = Make(points: "0.3:0.6:6");
        sweep.BatchPointsOverride = 1;
        string output = PathOf("old.csv");
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => SweepFile.Run(sweep, output, progress: new Progress(_ => cancel.Cancel()), cancellationToken: cancel.Token));
        string manifest = Path.Combine(output + SweepFile.PartialSuffix, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"formatVersion\": 3", "\"formatVersion\": 2", StringComparison.Ordinal));
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Run(Make(points: "0.3:0.6:6"), output, new SweepFileOptions { Resume = true }));
        Assert.Contains("records a different formatVersion: 2 there, 3 in this run (files of formatVersion 3 and later end with the mechanism columns", e.Message, StringComparison.Ordinal);
        Assert.Contains("finish a run with the version that started it, or start again", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shapley.defender.ownCredulity", "'shapley.defender.ownCredulity' and its bounds are not shapley.defender.ownCredulity_scaledSum")]
    [InlineData("shapley.defender.ownCredulity_upper", "'shapley.defender.ownCredulity' and its bounds are not")]
    [InlineData("shapley.challenger.noise_scaledSumOfSquares", "'shapley.challenger.noise' and its bounds are not")]
    [InlineData("butFor.defender.noise", "'butFor.defender.noise' and its bounds are not butFor.defender.noise_count")]
    [InlineData("butFor.defender.noise_count", "'butFor.defender.noise' and its bounds are not butFor.defender.noise_count")]
    [InlineData("shapley.rational_lower", "'shapley.rational' and its bounds are not shapley.rational_count")]
    public void AnEditedEstimateBoundOrSum_IsRefusedNamingTheLineAndColumn(string column, string message)
    {
        string output = PathOf("edited.csv");
        SweepFile.Run(Make(), output);
        var (header, lines) = Table(output);
        int line = lines.FindIndex(l => l[header.IndexOf("error")].Length == 0 && long.Parse(l[header.IndexOf("war_count")], CultureInfo.InvariantCulture) > 0);
        var cells = lines[line];
        int i = header.IndexOf(column);
        // A count one less (or one more from 0), so that it stays within the wars; one more unit in a sum of squares.
        long whole = column.EndsWith("count", StringComparison.Ordinal) || column.EndsWith("Squares", StringComparison.Ordinal) ? long.Parse(cells[i], CultureInfo.InvariantCulture) : -1;
        cells[i] = whole >= 0
            ? (column.EndsWith("count", StringComparison.Ordinal) && whole > 0 ? whole - 1 : whole + 1).ToString(CultureInfo.InvariantCulture)
            : (double.Parse(cells[i], CultureInfo.InvariantCulture) + 1e-9).ToString("R", CultureInfo.InvariantCulture);
        Write(output, header, lines);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(output, out _).ToList());
        Assert.Contains($"edited.csv, line {line + 2}: {message}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASumThatBreaksEfficiency_IsRefused_EvenWithItsOwnShareAndBounds()
    {
        // One more unit of 1/8! in a Shapley sum, with the share and bounds of the edited sums: each column is
        // consistent, but the Shapley sums and 8! times the rational wars no longer add up to 8! times the wars.
        string output = PathOf("efficiency.csv");
        SweepFile.Run(Make(), output);
        var (header, lines) = Table(output);
        var c = CultureInfo.InvariantCulture;
        int line = lines.FindIndex(l => l[header.IndexOf("error")].Length == 0 && long.Parse(l[header.IndexOf("war_count")], c) > 0);
        var cells = lines[line];
        const string F = "shapley.defender.ownCredulity";
        long sum = long.Parse(cells[header.IndexOf(F + "_scaledSum")], c) + 1;
        long squares = long.Parse(cells[header.IndexOf(F + "_scaledSumOfSquares")], c);
        long trials = long.Parse(cells[header.IndexOf("trials")], c);
        var mean = MeanEstimate.FromSums(trials, sum / Scale, squares / (Scale * Scale), -1, 1);
        cells[header.IndexOf(F + "_scaledSum")] = sum.ToString(c);
        cells[header.IndexOf(F)] = mean.Mean!.Value.ToString("R", c);
        cells[header.IndexOf(F + "_lower")] = mean.Lower.ToString("R", c);
        cells[header.IndexOf(F + "_upper")] = mean.Upper.ToString("R", c);
        Write(output, header, lines);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(output, out _).ToList());
        Assert.Contains($"line {line + 2}: the columns shapley.NAME_scaledSum add up to", e.Message, StringComparison.Ordinal);
        Assert.Contains("(efficiency)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AButForCountAboveTheWars_IsRefused_EvenWithItsOwnRate()
    {
        string output = PathOf("butfor.csv");
        SweepFile.Run(Make(), output);
        var (header, lines) = Table(output);
        var c = CultureInfo.InvariantCulture;
        int line = lines.FindIndex(l => l[header.IndexOf("error")].Length == 0);
        var cells = lines[line];
        long wars = long.Parse(cells[header.IndexOf("war_count")], c), trials = long.Parse(cells[header.IndexOf("trials")], c);
        var rate = Proportion.Wilson(wars + 1, trials);
        const string F = "butFor.challenger.noise";
        cells[header.IndexOf(F + "_count")] = (wars + 1).ToString(c);
        cells[header.IndexOf(F)] = rate.Estimate!.Value.ToString("R", c);
        cells[header.IndexOf(F + "_lower")] = rate.Lower.ToString("R", c);
        cells[header.IndexOf(F + "_upper")] = rate.Upper.ToString("R", c);
        Write(output, header, lines);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(output, out _).ToList());
        Assert.Contains($"line {line + 2}: {F}_count is {wars + 1}, expected it within [0, {wars}], the war count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_ARowThatBreaksEfficiency_IsRefusedOnReading()
    {
        var row = Make().Rows().First(r => r.Ran && r[Measure.War].Count > 0);
        long[] sums = [.. row.MechanismSums!];
        sums[24]++; // one more rational war, within the wars, but the sums no longer add up
        using var stream = new MemoryStream();
        using (var writer = new SweepParquetWriter(stream, ["crises.crisis-1.statusQuo"]))
        {
            writer.Write(row with { MechanismSums = sums });
        }

        stream.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => SweepParquetReader.Read(stream, "bad.parquet", out _).ToList());
        Assert.Contains("bad.parquet, row group 0, row 0: the columns shapley.NAME_scaledSum add up to", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithSomeMechanismColumnsOnly_IsNotSweepResults()
    {
        string output = PathOf("cut.csv");
        SweepFile.Run(Make(), output);
        var lines = File.ReadAllLines(output).Select(l => string.Join(",", l.Split(',')[..^1])).ToArray();
        File.WriteAllLines(output, lines);
        var e = Assert.Throws<InvalidDataException>(() => SweepRowReader.Read(output, out _).ToList());
        Assert.Contains("not sweep results: the column 'butFor.challenger.ownCredulity' is one of the mechanism columns, which end the header all together in order", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_RefuseRowsOfTheOtherLayout()
    {
        var rows = Make().Rows().ToList();
        string[] factors = ["crises.crisis-1.statusQuo"];
        using (var writer = SweepRowWriter.Create(PathOf("w.csv"), factors, [], mechanisms: false))
        {
            Assert.Contains("mechanisms: true", Assert.Throws<ArgumentException>(() => writer.Write(rows[0])).Message, StringComparison.Ordinal);
        }

        using (var writer = SweepRowWriter.Create(PathOf("w.parquet"), factors))
        {
            Assert.Contains("mechanisms: false", Assert.Throws<ArgumentException>(() => writer.Write(rows[0] with { MechanismSums = null, RecordsMechanisms = false })).Message, StringComparison.Ordinal);
            writer.Write(rows[0]);
        }

        Assert.Equal([rows[0]], SweepRowReader.Read(PathOf("w.parquet"), out _).ToList());
    }

    [Fact]
    public void ARowWithoutTheAttribution_SaysItsFileWasWrittenBefore()
    {
        var row = Make().Rows().First(r => r.Ran) with { MechanismSums = null, RecordsMechanisms = false };
        Assert.Equal(row[Measure.War].Estimate, row.Estimate(Measure.War));
        foreach (var measure in Measure.Mechanisms)
        {
            var e = Assert.Throws<InvalidOperationException>(() => row.Estimate(measure));
            Assert.Contains($"no '{measure.Name}': this row's sweep did not record the attribution by mechanism (a file written before sweep results had the mechanism columns", e.Message, StringComparison.Ordinal);
        }

        Assert.Throws<InvalidOperationException>(() => row.Estimate("shapley.rational"));
    }

    [Fact]
    public void Kinds_TheIndexerIsForRates_MeanForShapleyShares_EstimateForBoth()
    {
        var row = Make().Rows().First(r => r.Ran);
        var shapley = Measure.Shapley(MechanismFactor.ChallengerNoise);
        var butFor = Measure.ButFor(MechanismFactor.ChallengerNoise);
        Assert.Contains("row.Mean(measure)", Assert.Throws<ArgumentException>(() => row[shapley]).Message, StringComparison.Ordinal);
        Assert.Contains("row[measure]", Assert.Throws<ArgumentException>(() => row.Mean(butFor)).Message, StringComparison.Ordinal);
        Assert.Equal(row.MechanismSums![19] / Scale / row.Trials, row.Estimate(shapley));
        Assert.Equal(row.Estimate(shapley), row.Estimate("shapley.challenger.noise"));
        Assert.Equal((double)row.MechanismSums[18] / row.Trials, row.Estimate("butFor.challenger.noise"));
        Assert.Equal(row.MechanismSums[18], row[butFor].Count);

        // A point that could not run: no observations, the intervals of no data.
        var failed = Make().Rows().First(r => !r.Ran);
        Assert.True(failed.RecordsMechanisms);
        Assert.Null(failed.Mean(shapley).Mean);
        Assert.Equal((-1.0, 1.0), (failed.Mean(shapley).Lower, failed.Mean(shapley).Upper));
        Assert.Null(failed[butFor].Estimate);
        Assert.Null(failed.Estimate(shapley));
    }

    /// <summary>Three points of 400 rounds, two replications each; the last cannot run (status quo above 1).</summary>
    private static Sweep Make(string points = "0.4:1.6:3") => new(
        SweepTests.Noisy(),
        ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=" + points)),
        new SweepOptions { Rounds = 400, Replications = 2, Seed = 5, Threads = 2 });

    /// <summary>A CSV file as its header and the cells of each line (the test's own reading of the text).</summary>
    private static (List<string> Header, List<string[]> Lines) Table(string path)
    {
        var lines = File.ReadAllLines(path);
        return ([.. lines[0].Split(',')], [.. lines.Skip(1).Select(SplitQuoted)]);
    }

    private static void Write(string path, List<string> header, List<string[]> lines) =>
        File.WriteAllLines(path, [string.Join(",", header), .. lines.Select(cells => string.Join(",", cells.Select(Quote)))]);

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>Splits a CSV line with quoted fields (an error message may hold commas).</summary>
    private static string[] SplitQuoted(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
