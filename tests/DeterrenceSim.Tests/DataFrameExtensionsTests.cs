using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Tests.Experiments;
using Microsoft.Data.Analysis;

namespace DeterrenceSim.Tests;

public class DataFrameExtensionsTests
{
    private static readonly string[] Paths = ["states.B.perception.noise", "crises.a.challengerCost"];

    /// <summary>Counts in the order of <see cref="Measure.All"/>: deterred, concession, war, preventive,
    /// challengerMisperception, defenderMisperception, mutualMisperception, rational.</summary>
    private static List<SweepRow> Rows() =>
    [
        new(0, 0, 7, [0.5, 2.0], 100, [50, 32, 18, 0, 10, 5, 3, 0], null),
        new(0, 1, 7, [0.5, 2.0], 100, [50, 30, 20, 1, 10, 5, 4, 0], null),
        new(0, 2, 7, [0.5, 2.0], 100, [48, 30, 22, 5, 10, 5, 2, 0], null),
        new(1, 0, 7, [0.75, 3.0], 0, null, "crises.a.challengerCost: expected a value in [0; 1]"),
    ];

    [Fact]
    public void ToDataFrame_SimulationResult_HasOneRowPerMeasure()
    {
        var result = TestScenarios.Run(SweepTests.Noisy(), 4_000, crisis: "crisis-1");
        var frame = result.ToDataFrame();
        Assert.Equal(["measure", "count", "trials", "estimate", "lower", "upper"], frame.Columns.Select(c => c.Name));
        Assert.Equal(Measure.All.Count + 8 + 8 + 1, frame.Rows.Count);
        for (int i = 0; i < Measure.All.Count; i++)
        {
            var rate = result[Measure.All[i]];
            Assert.Equal(Measure.All[i].Name, frame["measure"][i]);
            Assert.Equal(rate.Count, frame["count"][i]);
            Assert.Equal(4_000L, frame["trials"][i]);
            Assert.Equal(rate.Estimate, frame["estimate"][i]);
            Assert.Equal(rate.Lower, frame["lower"][i]);
            Assert.Equal(rate.Upper, frame["upper"][i]);
        }

        // Then the mechanisms: eight but-for rates, eight Shapley means (no count) and the rational wars.
        int first = Measure.All.Count;
        var noise = result.Mechanisms[MechanismFactor.ChallengerNoise];
        Assert.Equal("butFor.challenger.noise", frame["measure"][first + (int)MechanismFactor.ChallengerNoise]);
        Assert.Equal(noise.ButFor.Count, frame["count"][first + (int)MechanismFactor.ChallengerNoise]);
        Assert.Equal("shapley.challenger.noise", frame["measure"][first + 8 + (int)MechanismFactor.ChallengerNoise]);
        Assert.Null(frame["count"][first + 8 + (int)MechanismFactor.ChallengerNoise]);
        Assert.Equal(noise.Shapley.Mean, frame["estimate"][first + 8 + (int)MechanismFactor.ChallengerNoise]);
        Assert.Equal("shapley.rational", frame["measure"][first + 16]);
        Assert.Equal(result.Mechanisms.Rational.Count, frame["count"][first + 16]);
    }

    [Fact]
    public void ToDataFrame_SweepRows_HoldsTheCsvFilesColumnsAndCells()
    {
        // Rows made by hand, without the attribution by mechanism: a file of formatVersion 2's columns.
        var frame = Rows().ToDataFrame(Paths);
        var csv = new StringWriter();
        SweepCsv.WriteHeader(csv, Paths, [], mechanisms: false);
        foreach (var row in Rows())
        {
            SweepCsv.WriteRow(csv, row);
        }

        AssertSameCells(csv.ToString(), frame);
        Assert.IsType<DoubleDataFrameColumn>(frame["war"]);
        Assert.IsType<Int64DataFrameColumn>(frame["war_count"]);
        Assert.Null(frame["war"][3]);
        Assert.Null(frame["trials"][3]);
        Assert.Null(frame["error"][0]);
    }

    [Fact]
    public void ToDataFrame_SweepRowsWithTheAttribution_HoldsTheCsvFilesMechanismColumnsAndCells()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.statusQuo=0.4:1.6:3"));
        var rows = new Sweep(SweepTests.Noisy(), design, new SweepOptions { Rounds = 800, Replications = 2, Seed = 3, Threads = 1 }).Rows().ToList();
        var frame = rows.ToDataFrame(["crises.crisis-1.statusQuo"]);
        var csv = new StringWriter();
        SweepCsv.WriteHeader(csv, ["crises.crisis-1.statusQuo"]);
        foreach (var row in rows)
        {
            SweepCsv.WriteRow(csv, row);
        }

        AssertSameCells(csv.ToString(), frame);
        Assert.IsType<Int64DataFrameColumn>(frame["shapley.defender.noise_scaledSum"]);
        Assert.IsType<DoubleDataFrameColumn>(frame["shapley.defender.noise"]);
        Assert.Null(frame["shapley.defender.noise"][5]);
    }

    /// <summary>A CSV line's fields; a quoted field (an error message) may hold commas.</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>The frame has the file's columns in order, and each cell is the file's text.</summary>
    private static void AssertSameCells(string text, DataFrame frame)
    {
        string[][] lines = [.. text.TrimEnd('\n').Split('\n').Select(Split)];
        Assert.Equal(lines[0], frame.Columns.Select(c => c.Name));
        Assert.Equal(lines.Length - 1, frame.Rows.Count);
        for (int r = 1; r < lines.Length; r++)
        {
            Assert.Equal(lines[0].Length, lines[r].Length);
            for (int c = 0; c < lines[r].Length; c++)
            {
                object? cell = frame.Columns[c][r - 1];
                string value = cell switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => cell.ToString()!,
                };
                Assert.True(lines[r][c] == value, $"row {r}, column {lines[0][c]}: the file has '{lines[r][c]}', the frame '{value}'");
            }
        }
    }

    [Fact]
    public void ToDataFrame_Sweep_IsItsRowsWithTheDesignsPaths()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("crises.crisis-1.challengerCost=0.05:0.25:2"));
        var sweep = new Sweep(SweepTests.Noisy(), design, new SweepOptions { Rounds = 500, Replications = 2, Seed = 3, Threads = 1 });
        var frame = sweep.ToDataFrame();
        Assert.Equal(SweepColumns.For(["crises.crisis-1.challengerCost"]), frame.Columns.Select(c => c.Name));
        var rows = sweep.Rows().ToList();
        Assert.Equal(rows.Count, frame.Rows.Count);
        Assert.Equal(rows.Select(r => (long?)r[Measure.War].Count), frame["war_count"].Cast<long?>());
    }

    [Fact]
    public void ToDataFrame_Summaries_HasPooledAndMeanColumnsPerMeasure()
    {
        var frame = DesignPointSummary.Of(Rows(), Paths).ToDataFrame();
        string[] expected =
        [
            "point", .. Paths, "replications", "trials", "error",
            .. Measure.All.SelectMany(m => new[] { "", "_lower", "_upper", "_count", "_mean", "_mean_lower", "_mean_upper" }.Select(s => m.Name + s)),
        ];
        Assert.Equal(expected, frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);

        // Point 0: 60 wars in 300 rounds (Wilson by hand), replication rates 0.18, 0.20, 0.22 (t(0.975, 2) = 4.3027 from tables).
        Assert.Equal(0L, frame["point"][0]);
        Assert.Equal(2.0, frame["crises.a.challengerCost"][0]);
        Assert.Equal(3, frame["replications"][0]);
        Assert.Equal(300L, frame["trials"][0]);
        Assert.Null(frame["error"][0]);
        Assert.Equal(0.2, (double)frame["war"][0], 15);
        Assert.Equal(0.1586568589669413, (double)frame["war_lower"][0], 12);
        Assert.Equal(0.24892892376778628, (double)frame["war_upper"][0], 12);
        Assert.Equal(60L, frame["war_count"][0]);
        Assert.Equal(0.2, (double)frame["war_mean"][0], 12);
        Assert.Equal(0.2 - (4.302652729696143 * 0.02 / Math.Sqrt(3)), (double)frame["war_mean_lower"][0], 9);
        Assert.Equal(0.2 + (4.302652729696143 * 0.02 / Math.Sqrt(3)), (double)frame["war_mean_upper"][0], 9);
        Assert.Equal(0.0, frame["preventive_mean_lower"][0]);

        // Point 1 could not run: its rates are missing and its error is there.
        Assert.Equal(0.75, frame["states.B.perception.noise"][1]);
        Assert.Equal("crises.a.challengerCost: expected a value in [0; 1]", frame["error"][1]);
        Assert.All(frame.Columns.Skip(6), c => Assert.Null(c[1]));
    }

    [Fact]
    public void ToDataFrame_SummariesOfDifferentSweeps_Throws()
    {
        var summaries = DesignPointSummary.Of(Rows(), Paths).Concat(DesignPointSummary.Of(Rows(), ["x", "y"]));
        var e = Assert.Throws<ArgumentException>(() => summaries.ToDataFrame());
        Assert.Contains("summarise one sweep at a time", e.Message, StringComparison.Ordinal);
    }
}
