using System.Globalization;
using System.Text;

namespace DeterrenceSim.Experiments;

/// <summary>The Sobol indices of one metric over a design.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Crisis">The crisis played.</param>
/// <param name="Design">The Saltelli design.</param>
/// <param name="Options">Rounds, replications and seed at each point.</param>
/// <param name="Indices">First- and total-order indices, in factor order, with 95% bootstrap intervals.</param>
public sealed record SensitivityResult(string Metric, string Crisis, ExperimentDesign Design, SweepOptions Options, SobolIndices Indices)
{
    /// <summary>The indices as Markdown (a caption line, then a pipe table: each factor's first- and total-order index with
    /// its 95% bootstrap interval), for reports and notebooks.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => Outcomes.ResultRendering.Markdown(Caption, Rows(), "index");

    /// <summary>The indices as an HTML <c>&lt;table&gt;</c> with a caption, for notebooks and web pages.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => Outcomes.ResultRendering.Html(Caption, Rows(), "index");

    private string Caption => string.Create(CultureInfo.InvariantCulture, $"Sobol indices of {Metric} in {Crisis}: {Design.Samples} base samples, {Design.PointCount} points, seed {Options.Seed}");

    private IEnumerable<Outcomes.ResultRendering.Row> Rows()
    {
        var c = CultureInfo.InvariantCulture;
        for (int i = 0; i < Design.Factors.Count; i++)
        {
            foreach (var (name, index) in new[] { ("first order S1", Indices.FirstOrder[i]), ("total order ST", Indices.TotalOrder[i]) })
            {
                yield return new Outcomes.ResultRendering.Row(
                    Design.Factors[i].Path + ": " + name,
                    index.Estimate.ToString("F4", c),
                    string.Create(c, $"[{index.Lower:F4}, {index.Upper:F4}]"),
                    "");
            }
        }
    }

    /// <summary>A plain-text table: each factor's first- and total-order index with its interval.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Sobol indices of {Metric} in {Crisis}: {Design.Samples} base samples, {Design.PointCount} points, {(Options.Periods is int runPeriods ? $"{runPeriods}-period runs" : $"{Options.Rounds} rounds")} x {Options.Replications} replication{(Options.Replications == 1 ? "" : "s")}, seed {Options.Seed}\n");
        int width = Math.Max(9, Design.Factors.Max(f => f.Path.Length));
        text.Append(c, $"{"parameter".PadRight(width)}  {"first order S1 [95%]",-28}  {"total order ST [95%]",-28}\n");
        for (int i = 0; i < Design.Factors.Count; i++)
        {
            var s = Indices.FirstOrder[i];
            var t = Indices.TotalOrder[i];
            text.Append(c, $"{Design.Factors[i].Path.PadRight(width)}  {s.Estimate,7:F4} [{s.Lower,7:F4}, {s.Upper,7:F4}]  {t.Estimate,7:F4} [{t.Lower,7:F4}, {t.Upper,7:F4}]\n");
        }

        return text.ToString();
    }
}
