using System.Globalization;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>Renders a result as a Spectre.Console table, numbers in the invariant culture.</summary>
internal static class ResultTable
{
    public static void Write(IAnsiConsole console, SimulationResult r, Scenario scenario)
    {
        var crisis = scenario.Crises.First(c => c.Id == r.Crisis);
        var c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(c, $"{r.Scenario} / {r.Crisis}: {crisis.Challenger} challenges {crisis.Defender} in {crisis.Theatre.Region}"));
        console.WriteLine(string.Create(c, $"{r.Rounds:N0} rounds, seed {r.Seed}, {r.Threads} threads; challenger's win probability under accurate perception p_acc = {r.AccurateWinProbability:0.0000}, expected in war E[p] = {(double.IsNaN(r.ExpectedWinProbability) ? "n/a" : r.ExpectedWinProbability.ToString("0.0000", c))}"));
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn(new TableColumn("95% interval").RightAligned()).AddColumn(new TableColumn("count").RightAligned());
        foreach (var (outcome, rate) in r.Outcomes)
        {
            Row(table, outcome.ToString(), rate);
        }

        foreach (var (cause, rate) in r.WarCauses)
        {
            Row(table, "  war: " + cause, rate);
        }

        Row(table, "  preventive from misperception", r.PreventiveFromMisperception);
        Row(table, "P(challenger wins | war)", r.ChallengerVictoryGivenWar);
        var m = r.MeanSettlement;
        Cells(
            table,
            "mean settlement (peace)",
            m.Mean?.ToString("0.0000", c) ?? "n/a",
            m.Mean is null || !double.IsFinite(m.Lower) ? "n/a" : string.Create(c, $"[{m.Lower:0.0000}, {m.Upper:0.0000}]"),
            m.Count.ToString("N0", c));
        foreach (var (id, rate) in r.AlliancesTriggered)
        {
            Row(table, id + " triggered", rate);
        }

        const int shown = 10;
        var fought = r.SupportRates.Where(kv => kv.Value.Count > 0).OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        foreach (var (id, rate) in fought.Take(shown))
        {
            Row(table, id + " fought (given war)", rate);
        }

        console.Write(table);
        if (fought.Count > shown)
        {
            console.WriteLine(string.Create(c, $"Showing the {shown} supporters that fought most often of {fought.Count}; --format json or csv lists all {r.SupportRates.Count} potential supporters."));
        }

        WriteMechanisms(console, r);
    }

    /// <summary>The attribution by mechanism: per factor, in words, the rate of wars it was a but-for cause of and its
    /// Shapley share (the shares and the rational wars add up to the war rate), and that share as a part of the wars.</summary>
    private static void WriteMechanisms(IAnsiConsole console, SimulationResult r)
    {
        var c = CultureInfo.InvariantCulture;
        double? war = r[Outcome.War].Estimate;
        console.WriteLine("Which misperception caused the wars (rates over rounds; Shapley shares + rational = war rate):");
        var table = new Table().AddColumn("mechanism").AddColumn("factor")
            .AddColumn(new TableColumn("war but for it").RightAligned()).AddColumn(new TableColumn("Shapley share").RightAligned())
            .AddColumn(new TableColumn("95% interval").RightAligned()).AddColumn(new TableColumn("of wars").RightAligned());
        foreach (var share in r.Mechanisms.Factors)
        {
            var s = share.Shapley;
            Cells(
                table,
                share.Description,
                share.Name,
                share.ButFor.Estimate?.ToString("0.0000", c) ?? "n/a",
                s.Mean?.ToString("0.0000", c) ?? "n/a",
                s.Mean is null || !double.IsFinite(s.Lower) ? "n/a" : string.Create(c, $"[{s.Lower:0.0000}, {s.Upper:0.0000}]"),
                OfWars(s.Mean));
        }

        var rational = r.Mechanisms.Rational;
        Cells(
            table,
            "no misperception (private information)",
            "rational",
            "",
            rational.Estimate?.ToString("0.0000", c) ?? "n/a",
            string.Create(c, $"[{rational.Lower:0.0000}, {rational.Upper:0.0000}]"),
            OfWars(rational.Estimate));
        console.Write(table);

        string OfWars(double? share) => share is double x && war is double w && w > 0 ? (x / w).ToString("0.0%", c) : "n/a";
    }

    private static void Row(Table table, string name, Proportion rate)
    {
        var c = CultureInfo.InvariantCulture;
        Cells(
            table,
            name,
            rate.Estimate?.ToString("0.0000", c) ?? "n/a",
            string.Create(c, $"[{rate.Lower:0.0000}, {rate.Upper:0.0000}]"),
            string.Create(c, $"{rate.Count:N0} / {rate.Trials:N0}"));
    }

    /// <summary>Adds a row of plain text cells: no markup is interpreted, so brackets and ids print as they are.</summary>
    private static void Cells(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
}
