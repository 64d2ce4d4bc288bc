using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Strings that JSON can escape but Unicode text cannot hold: a lone half of a UTF-16 surrogate pair.</summary>
public class ScenarioUnicodeTests
{
    [Theory]
    [InlineData("\"name\": \"minimal\"", "\"name\": \"mini\\udc00mal\"", "$.name")]
    [InlineData("\"homeRegion\": \"West\"", "\"homeRegion\": \"We\\ud800st\"", "$.states[2].homeRegion")]
    [InlineData("\"kind\": \"BilateralDefence\"", "\"kind\": \"Bilateral\\udc00Defence\"", "$.commitments[0].kind")]
    public void Parse_LoneSurrogateEscapeInAString_IsAScenarioErrorNamingItsPath(string oldText, string newText, string jsonPath)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(MinimalScenario.Replace(oldText, newText), MinimalScenario.Source));
        Assert.Equal(jsonPath, e.JsonPath);
        Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateEscapeInAFieldName_IsAScenarioError()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(MinimalScenario.Replace("\"name\": \"minimal\"", "\"na\\ud800me\": \"minimal\""), MinimalScenario.Source));
        Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ASurrogatePairEscape_IsText()
    {
        var scenario = ScenarioLoader.Parse(MinimalScenario.Replace("\"name\": \"minimal\"", "\"name\": \"mini\\ud83d\\ude00mal\""), MinimalScenario.Source);
        Assert.Equal("mini\U0001F600mal", scenario.Name);
    }
}
