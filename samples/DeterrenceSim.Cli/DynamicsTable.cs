using System.Globalization;
using DeterrenceSim.Compilation;
using DeterrenceSim.Outcomes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeterrenceSim.Cli;

/// <summary>Renders a <see cref="DynamicsResult"/> as Spectre.Console tables, numbers in the invariant culture.</summary>
internal static class DynamicsTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, DynamicsResult r, CompiledScenario scenario, string? output)
    {
        console.WriteLine(string.Create(C, $"{r.Scenario}: {ResultTable.Count(r.Replications, "replication")} of {ResultTable.Count(r.Periods, "period")}, seed {r.Seed}, {ResultTable.Count(r.Threads, "thread")}"));
        console.WriteLine(string.Create(C, $"learning {(scenario.Scenario.Learning ? "on" : "off")} (prior strength {scenario.Scenario.PriorStrength}), overstretch {scenario.Scenario.Overstretch}"));
        console.WriteLine();

        // War risk by period: every period up to 25, else a selection.
        var periods = r.Periods <= 25
            ? Enumerable.Range(1, r.Periods).ToList()
            : new[] { 1, 2, 3, 5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000 }.Where(t => t < r.Periods).Append(r.Periods).ToList();
        var byPeriod = new Table().Title(Markup.Escape("war rate by period [95% interval]")).AddColumn(new TableColumn("period").RightAligned());
        foreach (var crisis in r.Crises)
        {
            byPeriod.AddColumn(new TableColumn(Markup.Escape(crisis.Crisis)).RightAligned());
        }

        foreach (int t in periods)
        {
            Cells(byPeriod, [t.ToString(C), .. r.Crises.Select(c => Rate(c.WarByPeriod[t - 1]))]);
        }

        console.Write(byPeriod);

        var runs = new Table().Title(Markup.Escape("over a run (means over replications [95% interval])"))
            .AddColumn("crisis").AddColumn(new TableColumn("P(any war)").RightAligned()).AddColumn(new TableColumn("first war: period").RightAligned())
            .AddColumn(new TableColumn("share of periods at war").RightAligned()).AddColumn(new TableColumn("cumulative concession").RightAligned())
            .AddColumn(new TableColumn("main cause of war").RightAligned()).AddColumn(new TableColumn("largest Shapley share (of wars)").RightAligned());
        foreach (var crisis in r.Crises)
        {
            var main = crisis.WarCauses.OrderByDescending(kv => kv.Value.Count).First();
            long wars = crisis.WarCauses.Values.Sum(p => p.Count);
            var largest = crisis.Mechanisms.Factors.OrderByDescending(s => s.Shapley.Mean ?? 0).First();
            Cells(runs, [
                crisis.Crisis,
                Rate(crisis.AnyWar),
                Mean(crisis.PeriodOfFirstWar, "0.0"),
                Mean(crisis.ShareOfPeriodsAtWar, "0.0000"),
                Mean(crisis.CumulativeConcession, "0.000"),
                main.Value.Count == 0 ? "no war" : string.Create(C, $"{main.Key} ({main.Value.Count:N0})"),
                wars == 0 || largest.ShapleyOfWars.Mean is not double share ? "no war" : string.Create(C, $"{largest.Description} ({largest.Name}): {share:0%} [{largest.ShapleyOfWars.Lower:0%}, {largest.ShapleyOfWars.Upper:0%}]"),
            ]);
        }

        Cells(runs, ["any crisis", Rate(r.AnyWar), Mean(r.PeriodOfFirstWar, "0.0"), "", "", "", ""]);
        console.Write(runs);

        // Beliefs: the commitments whose believed reliability moved most.
        const int shown = 10;
        var moved = r.Commitments
            .Where(c => c.BeliefByPeriod.Count > 0 && c.FinalBelief.Mean is not null && c.BeliefByPeriod[0].Mean is not null)
            .OrderByDescending(c => Math.Abs(c.FinalBelief.Mean!.Value - c.BeliefByPeriod[0].Mean!.Value))
            .ThenBy(c => c.Commitment, StringComparer.Ordinal)
            .Take(shown)
            .ToList();
        var beliefs = new Table().Title(Markup.Escape($"beliefs: the {moved.Count} commitments whose believed reliability moved most (of {r.Commitments.Count})"))
            .AddColumn(new TableColumn(new Text("commitment"))).AddColumn(new TableColumn("belief, period 1").RightAligned()).AddColumn(new TableColumn("belief, end").RightAligned())
            .AddColumn(new TableColumn("reliability, end").RightAligned()).AddColumn(new TableColumn("signal, end").RightAligned());
        foreach (var c in moved)
        {
            Cells(beliefs, [c.Commitment, Mean(c.BeliefByPeriod[0], "0.000"), Mean(c.FinalBelief, "0.000"), Mean(c.FinalReliability, "0.000"), Mean(c.FinalSignal, "0.000")]);
        }

        console.Write(beliefs);
        if (output is not null)
        {
            console.WriteLine($"Per-period rows written to {output}.");
        }
    }

    private static string Rate(Proportion p) =>
        p.Estimate is double e ? string.Create(C, $"{e:0.0000} [{p.Lower:0.0000}, {p.Upper:0.0000}]") : "n/a";

    private static string Mean(MeanEstimate m, string format) => m.Mean is not double mean
        ? "n/a"
        : double.IsFinite(m.Lower)
            ? string.Format(C, "{0} [{1}, {2}]", mean.ToString(format, C), m.Lower.ToString(format, C), m.Upper.ToString(format, C))
            : mean.ToString(format, C);

    private static void Cells(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)).ToArray());
}
