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

    [Fact]
    public void SetAll_ProtocolBeforeItsBound_ValidatesOnlyOnceBothAreSet()
    {
        var scenario = MinimalScenario.Parse();
        string crisis = "crises." + scenario.Crises[0].Id + ".bargaining.";
        var forward = ParameterPaths.SetAll(scenario, [new(crisis + "protocol", "TakeItOrLeaveIt"), new(crisis + "defenderCostUpperBound", "0.3")]);
        var backward = ParameterPaths.SetAll(scenario, [new(crisis + "defenderCostUpperBound", "0.3"), new(crisis + "protocol", "TakeItOrLeaveIt")]);
        Assert.Equal(ScenarioLoader.ToJson(forward), ScenarioLoader.ToJson(backward));
        Assert.Equal(0.3, forward.Crises[0].Bargaining.DefenderCostUpperBound);
    }

    [Fact]
    public void SetAll_ProtocolWithoutItsBound_BlamesAllOverrides()
    {
        var scenario = MinimalScenario.Parse();
        string crisis = "crises." + scenario.Crises[0].Id;
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.SetAll(scenario, [new(crisis + ".discount", "0.8"), new(crisis + ".bargaining.protocol", "TakeItOrLeaveIt")]));
        Assert.Equal("$.crises[0].bargaining.defenderCostUpperBound", e.JsonPath);
        Assert.Contains(crisis + ".bargaining.protocol", e.ParameterPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdWithControlCharacters_MessageStaysOnePrintableLine()
    {
        string json = MinimalScenario.Replace("\"id\": \"AAA\"", "\"id\": \"A\\nA\\u001b[31m\"");
        var e = MinimalScenario.ParseError(json, "$.states[0].id");
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
        Assert.Contains("\\u000a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Directory_SaysItIsADirectory()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(Path.GetTempPath()));
        Assert.Equal("a directory", e.Found);
    }
}
