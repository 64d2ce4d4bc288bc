using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Tests.Experiments;

namespace DeterrenceSim.Tests.IO;

/// <summary>Sweep rows as CSV: counts and trials are columns, the rates are recomputed from them and checked, and files
/// of DeterrenceSim 0.1.0 (rates only) still read when their trials are given.</summary>
public sealed class SweepCsvTests
{
    private static readonly string[] Factors = ["crises.crisis-1.statusQuo"];

    [Fact]
    public void Header_EndsWithErrorThenTrialsThenOneCountPerMeasure_ThenTheMechanismColumns()
    {
        var header = SweepColumns.For(Factors);
        int error = header.ToList().IndexOf("error");
        Assert.Equal(["trials", .. Measure.All.Select(m => m.Name + "_count")], header.Skip(error + 1).Take(1 + Measure.All.Count));
        Assert.Equal(SweepColumns.Mechanisms, header.Skip(error + 2 + Measure.All.Count));
        Assert.Equal(["war", "war_lower", "war_upper"], header.SkipWhile(c => c != "war").Take(3));
        Assert.Equal(header.Take(header.Count - 76), SweepColumns.For(Factors, [], mechanisms: false));
    }

    [Fact]
    public void Rows_RoundTrip_WithCountsAndTheRatesOfThoseCounts()
    {
        var rows = Rows();
        var back = SweepCsv.Read(new StringReader(Csv(rows)), "memory", out var paths).ToList();
        Assert.Equal(Factors, paths);
        Assert.Equal(rows, back);

        // The rate columns are each count's Wilson interval, and the indexer gives the same numbers.
        var c = CultureInfo.InvariantCulture;
        string[] line = Csv(rows).Split('\n')[1].Split(',');
        var header = SweepColumns.For(Factors).ToList();
        var ran = back[0];
        foreach (var measure in Measure.All)
        {
            long count = long.Parse(line[header.IndexOf(measure.Name + "_count")], c);
            Assert.Equal(ran.Counts![measure.Index], count);
            var wilson = Proportion.Wilson(count, 400);
            Assert.Equal(wilson, ran[measure]);
            Assert.Equal(wilson.Estimate, double.Parse(line[header.IndexOf(measure.Name)], c));
            Assert.Equal(wilson.Upper, double.Parse(line[header.IndexOf(measure.Name + "_upper")], c));
        }

        Assert.Equal(400, long.Parse(line[header.IndexOf("trials")], c));
    }

    [Fact]
    public void AFailedPoint_HasEmptyRatesTrialsAndCounts_AndNoTrials()
    {
        var rows = Rows();
        var failed = rows.First(r => r.Error is not null);
        string line = Csv([failed]).Split('\n')[1];
        Assert.EndsWith("," + new string(',', Measure.All.Count + 76), line, StringComparison.Ordinal);
        Assert.False(failed.Ran);
        Assert.Equal(Proportion.Wilson(0, 0), failed[Measure.War]);
    }

    [Theory]
    [InlineData("war_count")]
    [InlineData("war")]
    [InlineData("war_lower")]
    [InlineData("trials")]
    public void AnEditedRateCountOrTrials_IsRefusedNamingTheLineAndTheMeasure(string column)
    {
        var header = SweepColumns.For(Factors).ToList();
        var lines = Csv(Rows()).Split('\n');
        var cells = lines[2].Split(',');
        int i = header.IndexOf(column);
        cells[i] = column.EndsWith("_count", StringComparison.Ordinal) || column == "trials"
            ? (long.Parse(cells[i], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)
            : "0.5";
        lines[2] = string.Join(",", cells);
        var e = Assert.Throws<InvalidDataException>(() => SweepCsv.Read(new StringReader(string.Join("\n", lines)), "edited.csv", out _).ToList());
        Assert.StartsWith("edited.csv, line 3: '", e.Message, StringComparison.Ordinal);
        Assert.Contains("with its 95% Wilson interval", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsThatDoNotAddUp_AreRefused_EvenWithTheirOwnRates()
    {
        // One more war, with the war rate and bounds of that count: each column is consistent, the row is not.
        var c = CultureInfo.InvariantCulture;
        var header = SweepColumns.For(Factors).ToList();
        var lines = Csv(Rows()).Split('\n');
        var cells = lines[1].Split(',');
        long wars = long.Parse(cells[header.IndexOf("war_count")], c) + 1;
        var rate = Proportion.Wilson(wars, 400);
        cells[header.IndexOf("war_count")] = wars.ToString(c);
        cells[header.IndexOf("war")] = rate.Estimate!.Value.ToString("R", c);
        cells[header.IndexOf("war_lower")] = rate.Lower.ToString("R", c);
        cells[header.IndexOf("war_upper")] = rate.Upper.ToString("R", c);
        lines[1] = string.Join(",", cells);
        var e = Assert.Throws<InvalidDataException>(() => SweepCsv.Read(new StringReader(string.Join("\n", lines)), "sums.csv", out _).ToList());
        Assert.Contains("sums.csv, line 2: the outcome counts add up to 401, not to the 400 trials", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOfVersion010_WithoutCountColumns_ReadsWithItsTrials_AndOnlyWithThem()
    {
        // The columns up to error, as DeterrenceSim 0.1.0 wrote them.
        var rows = Rows();
        string old = string.Join("\n", Csv(rows).Split('\n').Select(l => l.Length == 0 ? l : string.Join(",", l.Split(',')[..^(1 + Measure.All.Count + 76)])));
        var e = Assert.Throws<InvalidDataException>(() => SweepCsv.Read(new StringReader(old), "old.csv", out _));
        Assert.Contains("old.csv: written before sweep results had the columns 'trials' and 'deterred_count'", e.Message, StringComparison.Ordinal);
        Assert.Equal(rows.Select(r => r with { MechanismSums = null, RecordsMechanisms = false }), SweepCsv.Read(new StringReader(old), "old.csv", out _, trials: 400).ToList());

        // The wrong trials cannot pass: 0.1.0's rates are held to their Wilson intervals of the trials given.
        var wrong = Assert.Throws<InvalidDataException>(() => SweepCsv.Read(new StringReader(old), "old.csv", out _, trials: 399).ToList());
        Assert.Contains("are not a rate of 399 trials", wrong.Message, StringComparison.Ordinal);
    }

    /// <summary>Two points of 400 rounds, two replications each, then a point that cannot run (status quo above 1).</summary>
    private static List<SweepRow> Rows()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.4:1.6:3"));
        return [.. new Sweep(SweepTests.Noisy(), design, new SweepOptions { Rounds = 400, Replications = 2, Seed = 5, Threads = 1 }).Rows()];
    }

    private static string Csv(IEnumerable<SweepRow> rows)
    {
        using var writer = new StringWriter();
        SweepCsv.WriteHeader(writer, Factors);
        foreach (var row in rows)
        {
            SweepCsv.WriteRow(writer, row);
        }

        return writer.ToString();
    }
}
