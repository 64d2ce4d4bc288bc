using System.Globalization;
using System.Net;
using System.Text;

namespace DeterrenceSim.Outcomes;

/// <summary>Renders a result's rows (a label, an estimate, its 95% interval and its count) as plain text, Markdown or
/// HTML, for notebooks and reports; numbers in the invariant culture.</summary>
internal static class ResultRendering
{
    /// <summary>One row: the label and the estimate, interval and count as text.</summary>
    internal readonly record struct Row(string Label, string Estimate, string Interval, string Count);

    public static Row Of(string label, Proportion p) => new(
        label,
        p.Estimate is double e ? e.ToString("F4", CultureInfo.InvariantCulture) : "n/a",
        string.Create(CultureInfo.InvariantCulture, $"[{p.Lower:F4}, {p.Upper:F4}]"),
        string.Create(CultureInfo.InvariantCulture, $"{p.Count}/{p.Trials}"));

    public static Row Of(string label, MeanEstimate m) => new(
        label,
        m.Mean is double e ? e.ToString("F4", CultureInfo.InvariantCulture) : "n/a",
        m.Mean is null ? "" : string.Create(CultureInfo.InvariantCulture, $"[{m.Lower:F4}, {m.Upper:F4}]"),
        string.Create(CultureInfo.InvariantCulture, $"n = {m.Count}"));

    /// <summary>A word for an enum member: <c>ChallengerMisperception</c> becomes <c>challenger misperception</c>.</summary>
    public static string Words(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static string Markdown(string caption, IEnumerable<Row> rows, string labelHeader = "")
    {
        var text = new StringBuilder();
        text.Append(caption).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"| {labelHeader} | estimate | 95% interval | count |\n|---|---:|---|---:|\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Label.Replace("|", "\\|", StringComparison.Ordinal)} | {row.Estimate} | {row.Interval} | {row.Count} |\n");
        }

        return text.ToString();
    }

    public static string Html(string caption, IEnumerable<Row> rows, string labelHeader = "")
    {
        var text = new StringBuilder();
        text.Append("<table class=\"deterrencesim-result\">\n<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>\n");
        text.Append("<thead><tr><th>").Append(WebUtility.HtmlEncode(labelHeader)).Append("</th><th>estimate</th><th>95% interval</th><th>count</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            text.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Label))
                .Append("</td><td style=\"text-align:right\">").Append(row.Estimate)
                .Append("</td><td>").Append(row.Interval)
                .Append("</td><td style=\"text-align:right\">").Append(WebUtility.HtmlEncode(row.Count)).Append("</td></tr>\n");
        }

        text.Append("</tbody>\n</table>\n");
        return text.ToString();
    }

    public static string Text(string caption, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        int width = list.Count == 0 ? 0 : list.Max(r => r.Label.Length);
        var text = new StringBuilder(caption);
        foreach (var row in list)
        {
            text.Append('\n').Append("  ").Append(row.Label.PadRight(width)).Append("  ").Append(row.Estimate.PadLeft(7)).Append(' ').Append(row.Interval);
            if (row.Count.Length > 0)
            {
                text.Append(" (").Append(row.Count).Append(')');
            }
        }

        return text.ToString();
    }
}
