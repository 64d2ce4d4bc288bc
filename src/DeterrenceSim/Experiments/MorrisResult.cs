using System.Globalization;
using System.Text;

namespace DeterrenceSim.Experiments;

/// <summary>Morris's screening measures of one metric over a design (<see cref="SensitivityAnalysis.RunMorris"/>).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Crisis">The crisis played.</param>
/// <param name="Design">The Morris design.</param>
/// <param name="Options">Rounds, replications and seed at each point.</param>
/// <param name="Indices">μ, μ* and σ of each factor, in factor order, with 95% bootstrap intervals; in units of the
/// metric (a rate or a Shapley share) per unit of the factor's normalised range.</param>
public sealed record MorrisResult(string Metric, string Crisis, ExperimentDesign Design, SweepOptions Options, MorrisIndices Indices)
{
    /// <summary>The measures as Markdown (a caption line, then a pipe table: each factor's μ, μ* and σ with its 95%
    /// bootstrap interval), for reports and notebooks.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => Outcomes.ResultRendering.Markdown(Caption, Rows(), "measure");

    /// <summary>The measures as an HTML <c>&lt;table&gt;</c> with a caption, for notebooks and web pages.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => Outcomes.ResultRendering.Html(Caption, Rows(), "measure");

    private string Caption => string.Create(CultureInfo.InvariantCulture, $"Morris elementary effects of {Metric} in {Crisis}: {Design.Samples} trajectories over {Design.Levels} levels, {Design.PointCount} points, seed {Options.Seed}");

    private IEnumerable<Outcomes.ResultRendering.Row> Rows()
    {
        var c = CultureInfo.InvariantCulture;
        for (int i = 0; i < Design.Factors.Count; i++)
        {
            foreach (var (name, index) in new[] { ("mu", Indices.Mu[i]), ("mu-star", Indices.MuStar[i]), ("sigma", Indices.Sigma[i]) })
            {
                yield return new Outcomes.ResultRendering.Row(
                    Design.Factors[i].Path + ": " + name,
                    index.Estimate.ToString("F4", c),
                    string.Create(c, $"[{index.Lower:F4}, {index.Upper:F4}]"),
                    "");
            }
        }
    }

    /// <summary>A plain-text table: each factor's μ, μ* and σ with their intervals.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Morris elementary effects of {Metric} in {Crisis}: {Design.Samples} trajectories over {Design.Levels} levels, {Design.PointCount} points, {(Options.Periods is int runPeriods ? $"{runPeriods}-period runs" : $"{Options.Rounds} rounds")} x {Options.Replications} replication{(Options.Replications == 1 ? "" : "s")}, seed {Options.Seed}\n");
        int width = Math.Max(9, Design.Factors.Max(f => f.Path.Length));
        text.Append(c, $"{"parameter".PadRight(width)}  {"mu [95%]",-28}  {"mu-star [95%]",-28}  {"sigma [95%]",-28}\n");
        for (int i = 0; i < Design.Factors.Count; i++)
        {
            text.Append(Design.Factors[i].Path.PadRight(width));
            foreach (var m in new[] { Indices.Mu[i], Indices.MuStar[i], Indices.Sigma[i] })
            {
                text.Append(c, $"  {m.Estimate,7:F4} [{m.Lower,7:F4}, {m.Upper,7:F4}]");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
