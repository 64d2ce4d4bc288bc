using System.Globalization;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>The parameter catalog against the loader, the validator and the parameter paths it describes.</summary>
public class ParameterCatalogTests
{
    private static readonly Scenario Embedded = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

    [Fact]
    public void Describe_EveryPathOfTheEmbeddedScenario_ResolvesToTheValueItLists()
    {
        var parameters = ParameterCatalog.Describe(Embedded);
        Assert.True(parameters.Count > 500, parameters.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(parameters.Count, parameters.Select(p => p.Path).Distinct(StringComparer.Ordinal).Count());
        foreach (var p in parameters)
        {
            var found = ParameterPaths.Get(Embedded, p.Path);
            Assert.Single(found);
            Assert.Equal(p.Value, found[0].Value);
        }
    }

    [Fact]
    public void Describe_CoversEveryLeafFieldThatIsNotAnIdentifierNameOrList()
    {
        // Every scalar field the writer writes is described, except identifiers and texts.
        var described = ParameterCatalog.Describe(Embedded).Select(p => ParameterCatalog.PatternOf(p.Path)).ToHashSet(StringComparer.Ordinal);
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        Leaves(ScenarioJsonWriter.ToNode(Embedded), "", leaves);
        leaves.ExceptWith(["name", "description", "states.*.id", "states.*.name", "alliances.*.id", "crises.*.id"]);
        leaves.RemoveWhere(l => l.StartsWith("variants.", StringComparison.Ordinal)); // overrides, not parameters
        Assert.Equal(leaves.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Defaults_AreWhatARecordBuiltWithItsDefaultsHolds()
    {
        // A scenario in code with every optional field left at its record default, and one item of every kind.
        var scenario = new Scenario(
            "defaults",
            [new State("AAA", "Alpha", 0.3, "East"), new State("BBB", "Beta", 0.2, "East"), new State("CCC", "Gamma", 0.1, "West")],
            [new Crisis("c", "AAA", "BBB", new Theatre("East") { Projection = new Dictionary<string, double> { ["CCC"] = 1 } }, 0.5, 0.1) { DefenderCost = 0.1, Escalation = [new EscalationStrike("CCC", "West", 0.1)] }])
        {
            Alliances = [new Alliance("ALL", ["BBB", "CCC"]) { Preferences = new Dictionary<string, MemberPreference> { ["CCC"] = MemberPreference.AlwaysYes } }],
            Commitments = [new Commitment("CCC", "BBB", CommitmentKind.BilateralDefence, 0.5, 0.5)],
        };
        var parameters = ParameterCatalog.Describe(scenario);
        int compared = 0;
        foreach (var p in parameters.Where(p => p.Default is not null && p.Path is not "year" && !p.Path.EndsWith(".defenderCost", StringComparison.Ordinal)))
        {
            if (p.Default == "theatre.defaultProjection")
            {
                continue;
            }

            Assert.True(p.Default == p.Value, $"{p.Path}: the catalog's default is {p.Default}, a record built with its defaults holds {p.Value}");
            compared++;
        }

        Assert.True(compared >= 25, compared.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Domains_AgreeWithTheValidator_OnBothSidesOfEveryBound()
    {
        var parameters = ParameterCatalog.Describe(Embedded);
        var checkedPatterns = new List<string>();
        foreach (var spec in ScenarioKinds.Fields.Where(f => f.Type is ScenarioFieldType.Number or ScenarioFieldType.Integer))
        {
            // A path of this pattern whose bounds are the catalog's alone (not a protagonist's projection).
            var p = parameters.FirstOrDefault(d => ParameterCatalog.PatternOf(d.Path) == spec.Pattern && !IsProtagonistProjection(d.Path));
            if (p is null)
            {
                continue;
            }

            checkedPatterns.Add(spec.Pattern);
            double step = spec.Type == ScenarioFieldType.Integer ? 1 : 1e-9;
            if (spec.Min is double min)
            {
                Assert.Equal(!spec.MinOpen, Accepts(p.Path, min));
                Assert.False(Accepts(p.Path, min - step), $"{p.Path} accepts {min - step}, below its domain {p.Domain}");
                Assert.True(Accepts(p.Path, min + step), $"{p.Path} refuses {min + step}, inside its domain {p.Domain}");
            }
            else
            {
                double low = spec.Type == ScenarioFieldType.Integer ? -1000 : -1e300;
                Assert.True(Accepts(p.Path, low), $"{p.Path} refuses {low}, inside its domain {p.Domain}");
            }

            if (spec.Max is double max)
            {
                Assert.Equal(!spec.MaxOpen, Accepts(p.Path, max));
                Assert.False(Accepts(p.Path, max + step), $"{p.Path} accepts {max + step}, above its domain {p.Domain}");
                Assert.True(Accepts(p.Path, max - step), $"{p.Path} refuses {max - step}, inside its domain {p.Domain}");
            }
            else if (spec.Type == ScenarioFieldType.Number)
            {
                Assert.True(Accepts(p.Path, 1e300), $"{p.Path} refuses 1e300, inside its domain {p.Domain}");
            }

            // null where the domain allows it; defenderCost only under a protocol that does not need it.
            string[] protocol = p.Path.EndsWith(".defenderCost", StringComparison.Ordinal) ? [p.Path[..^".defenderCost".Length] + ".bargaining.protocol=TakeItOrLeaveIt"] : [];
            Assert.True(spec.Nullable == AcceptsText(p.Path, "null", protocol), $"{p.Path}: null is {(spec.Nullable ? "refused" : "accepted")}, its domain is {p.Domain}");
        }

        Assert.True(checkedPatterns.Count >= 25, string.Join(", ", checkedPatterns));
    }

    [Theory]
    [InlineData("states.CHN.perception.credulity", "states.*.perception.credulity")]
    [InlineData("commitments.Partnership.signal", "commitments.*.signal")]
    [InlineData("commitments.USA>JPN.deepening.reliability", "commitments.*.deepening.reliability")]
    [InlineData("alliances.NATO.preferences.FRA.support", "alliances.*.preferences.*.support")]
    [InlineData("crises.baltic.theatre.projection.USA", "crises.*.theatre.projection.*")]
    [InlineData("crises.east-china-sea.escalation.0.probability", "crises.*.escalation.*.probability")]
    [InlineData("periods", "periods")]
    public void PatternOf_ReplacesSelectorsAndMapKeys(string path, string pattern) => Assert.Equal(pattern, ParameterCatalog.PatternOf(path));

    [Theory]
    [InlineData("learning", true)]
    [InlineData("alliances.NATO.votePeriod", true)]
    [InlineData("alliances.*.preferences.FRA.supportUnderThreat", true)]
    [InlineData("states.CHN.perception.credulity", false)]
    [InlineData("commitments.Partnership.deepening.signal", false)]
    [InlineData("no.such.path", false)]
    public void IsRunsOnly_MarksTheFieldsThatActBetweenPeriods(string path, bool runsOnly) => Assert.Equal(runsOnly, ParameterCatalog.IsRunsOnly(path));

    private static bool IsProtagonistProjection(string path) =>
        path.Contains(".theatre.projection.", StringComparison.Ordinal)
        && Embedded.Crises.Any(c => path.StartsWith("crises." + c.Id + ".", StringComparison.Ordinal) && (path.EndsWith("." + c.Challenger, StringComparison.Ordinal) || path.EndsWith("." + c.Defender, StringComparison.Ordinal)));

    private static bool Accepts(string path, double value) => AcceptsText(path, value.ToString("R", CultureInfo.InvariantCulture));

    private static bool AcceptsText(string path, string value, string[]? also = null)
    {
        try
        {
            ParameterPaths.SetAll(Embedded, [.. (also ?? []).Select(ParameterPaths.ParseAssignment), new(path, value)]);
            return true;
        }
        catch (ScenarioException)
        {
            return false;
        }
    }

    private static void Leaves(System.Text.Json.Nodes.JsonObject node, string path, HashSet<string> leaves)
    {
        foreach (var (key, child) in node)
        {
            string childPath = ParameterCatalog.PatternOf(path.Length == 0 ? key : path + "." + key);
            if (child is System.Text.Json.Nodes.JsonObject obj)
            {
                Leaves(obj, childPath, leaves);
            }
            else if (child is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    Leaves(item, childPath + ".*", leaves);
                }
            }
            else
            {
                leaves.Add(childPath);
            }
        }
    }
}
