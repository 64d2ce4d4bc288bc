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
        console.WriteLine(string.Create(c, $"{Count(r.Rounds, "round")}, seed {r.Seed}, {Count(r.Threads, "thread")}; challenger's win probability under accurate perception p_acc = {r.AccurateWinProbability:0.0000}, expected in war E[p] = {(double.IsNaN(r.ExpectedWinProbability) ? "n/a (more than 12 distinct uncertain escalation strikes)" : r.ExpectedWinProbability.ToString("0.0000", c))}"));
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

    /// <summary>The attribution by mechanism, as shares of the wars: per factor, in words, the wars it was a but-for
    /// cause of and its Shapley share, each with its 95% interval (the Shapley shares and the rational wars add up to
    /// 100%; the but-for shares need not).</summary>
    private static void WriteMechanisms(IAnsiConsole console, SimulationResult r)
    {
        var c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(c, $"Which misperception caused the {r[Outcome.War].Count:N0} wars (shares of the wars; the Shapley shares and the rational wars add up to 100%):"));
        var table = new Table().AddColumn("mechanism").AddColumn("factor")
            .AddColumn(new TableColumn("war but for it").RightAligned()).AddColumn(new TableColumn("95% interval").RightAligned())
            .AddColumn(new TableColumn("Shapley share").RightAligned()).AddColumn(new TableColumn("95% interval").RightAligned());
        foreach (var share in r.Mechanisms.Factors)
        {
            var s = share.ShapleyOfWars;
            Cells(
                table,
                share.Description,
                share.Name,
                Percent(share.ButForOfWars.Estimate),
                Interval(share.ButForOfWars.Estimate, share.ButForOfWars.Lower, share.ButForOfWars.Upper),
                Percent(s.Mean),
                Interval(s.Mean, s.Lower, s.Upper));
        }

        var rational = r.Mechanisms.RationalOfWars;
        Cells(table, "no misperception (private information or a commitment problem)", "rational", "", "", Percent(rational.Estimate), Interval(rational.Estimate, rational.Lower, rational.Upper));
        console.Write(table);

        string Percent(double? x) => x is { } value ? Share(value, 1, percent: true) : "n/a";
        string Interval(double? x, double lower, double upper) =>
            x is null || !double.IsFinite(lower) || !double.IsFinite(upper) ? "n/a" : $"[{Share(lower, 1, percent: true)}, {Share(upper, 1, percent: true)}]";
    }

    /// <summary>
    /// A share or rate with <paramref name="decimals"/> decimals (as a percentage with <paramref name="percent"/>), or
    /// with up to three more where fewer would show a number that is not 0 or ±1 as 0 or ±1: 99.989% of the wars is
    /// 99.99%, not 100.0%, and 2 wars in 10^7 rounds are not 0.0000. Beyond that, a bound such as "&lt;0.0001%".
    /// </summary>
    internal static string Share(double x, int decimals, bool percent)
    {
        var c = CultureInfo.InvariantCulture;
        string suffix = percent ? "%" : "";
        double one = percent ? 100 : 1;
        for (int d = decimals; d <= decimals + 3; d++)
        {
            string text = x.ToString("0." + new string('0', d) + suffix, c);
            double shown = double.Parse(text.TrimEnd('%'), c);
            if ((shown != 0 || x == 0) && (Math.Abs(shown) != one || Math.Abs(x) == 1))
            {
                return text;
            }
        }

        int last = decimals + 3;
        double step = Math.Pow(10, -last); // in the units shown
        bool nearZero = Math.Abs(x) < 0.5;
        string magnitude = (nearZero ? step : one - step).ToString("0." + new string('0', last), c);
        return (nearZero ? (x > 0 ? "<" : ">-") : (x > 0 ? ">" : "<-")) + magnitude + suffix;
    }

    private static void Row(Table table, string name, Proportion rate)
    {
        var c = CultureInfo.InvariantCulture;
        Cells(
            table,
            name,
            rate.Estimate is { } estimate ? Share(estimate, 4, percent: false) : "n/a",
            $"[{Share(rate.Lower, 4, percent: false)}, {Share(rate.Upper, 4, percent: false)}]",
            string.Create(c, $"{rate.Count:N0} / {rate.Trials:N0}"));
    }

    /// <summary>Adds a row of plain text cells: no markup is interpreted, so brackets and ids print as they are.</summary>
    private static void Cells(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());

    /// <summary>A count and its noun, plural unless the count is 1 ("1 thread", "2,000 rounds").</summary>
    internal static string Count(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}
