using System.Globalization;
using System.Xml.Linq;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Outcomes;

public class ResultRenderingTests
{
    private static readonly SimulationResult Result = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")))
        .Run("east-china-sea", new RoundOptions { Rounds = 20_000, Seed = 5, Threads = 1 });

    [Fact]
    public void MarkdownHasARowPerOutcomeAndCauseWithItsNumbers()
    {
        string markdown = Result.ToMarkdown();
        var lines = markdown.Split('\n');
        Assert.StartsWith("indo-pacific-2023 / east-china-sea: 20000 rounds, seed 5", lines[0], StringComparison.Ordinal);
        var war = Result[Outcome.War];
        string expected = string.Create(CultureInfo.InvariantCulture, $"| war | {war.Estimate:F4} | [{war.Lower:F4}, {war.Upper:F4}] | {war.Count}/20000 |");
        Assert.Contains(expected, lines);
        var cause = Result[WarCause.ChallengerMisperception];
        Assert.Contains(lines, l => l.StartsWith("| war: challenger misperception | " + cause.Estimate!.Value.ToString("F4", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var share = Result.Mechanisms[MechanismFactor.DefenderOwnCredulity].Shapley;
        Assert.Contains(lines, l => l.StartsWith("| Shapley share: the defender believes its own coalition's signals of engagement | " + share.Mean!.Value.ToString("F4", CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Outcomes, war causes, the eight factors' but-for and Shapley shares and the rational wars, then the two last.
        Assert.Equal(3 + 5 + 8 + 8 + 1 + 2, lines.Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public void HtmlIsAWellFormedTableWithTheSameRows()
    {
        var table = XElement.Parse(Result.ToHtml());
        Assert.Equal("table", table.Name.LocalName);
        var rows = table.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(27, rows.Count);
        var deterred = rows.Single(r => (string)r.Elements("td").First() == "deterred");
        Assert.Equal(Result[Outcome.Deterred].Estimate!.Value.ToString("F4", CultureInfo.InvariantCulture), (string)deterred.Elements("td").ElementAt(1));
        Assert.Contains("P(challenger wins | war)", Result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RunsRenderTheirRunLevelOutcomes()
    {
        var runs = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")))
            .Simulate(new RunOptions { Periods = 5, Replications = 50, Seed = 3, Threads = 1 });
        var table = XElement.Parse(runs.ToHtml());
        Assert.Equal(2 + (3 * runs.Crises.Count), table.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Contains("| baltic: war in period 5 |", runs.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains(runs.AnyWar.Estimate!.Value.ToString("F4", CultureInfo.InvariantCulture), runs.ToString(), StringComparison.Ordinal);
    }
}
