using System.Text.Json.Nodes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Regressions: bugs found while writing the scenario tests, fixed since.</summary>
public class RegressionTests
{
    [Fact]
    public void Set_NonNumberForNumericField_ReportsTheDocumentJsonPath()
    {
        // Every other error of a state field names $.states[i]...; a bad value for a number must name the same place.
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(MinimalScenario.Parse(), "states.BBB.perception.credulity", "abc"));

        Assert.Equal("states.BBB.perception.credulity", e.ParameterPath);
        Assert.Equal("$.states[1].perception.credulity", e.JsonPath);
    }

    [Theory]
    [InlineData("states", 3, "$.states[3].id")]
    [InlineData("alliances", 0, "$.alliances[0].id")]
    [InlineData("crises", 0, "$.crises[0].id")]
    public void Parse_IdWithTrailingNewline_FailsAtTheId(string collection, int index, string expectedPath)
    {
        // ^[A-Za-z0-9_-]+$ in .NET lets $ match before a final "\n", so "CCC\n" passes the id pattern.
        string json = MinimalScenario.With(root =>
        {
            root["states"]!.AsArray().Add(new JsonObject { ["id"] = "DDD", ["name"] = "Delta", ["capability"] = 0.01, ["homeRegion"] = "West" });
            var item = MinimalScenario.Item(root, collection, index);
            item["id"] = item["id"]!.GetValue<string>() + "\n";
        });

        MinimalScenario.ParseError(json, expectedPath);
    }

    [Fact]
    public void Parse_LeadingByteOrderMark_Accepted()
    {
        var scenario = ScenarioLoader.Parse("\uFEFF" + ScenarioLoader.ToJson(MinimalScenario.Parse()));
        Assert.Equal(MinimalScenario.Parse().Name, scenario.Name);
    }

    [Fact]
    public void Parse_SyntaxError_MessageStatesOnePositionOnly()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\n  \"name\": x\n}", "bad.json"));
        Assert.Equal("$", e.JsonPath);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_WildcardOverEmptyProjectionMap_Throws()
    {
        var scenario = MinimalScenario.Parse();
        var crisis = scenario.Crises[0];
        Assert.Empty(crisis.Theatre.Projection);
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(scenario, $"crises.{crisis.Id}.theatre.projection.*", "0.5"));
        Assert.NotNull(e.ParameterPath);
    }
}
