using System.Text.Json.Nodes;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>
/// A minimal valid scenario document (three states, one alliance, one commitment, one crisis, every optional field
/// absent) and helpers to mutate it per test.
/// </summary>
internal static class MinimalScenario
{
    /// <summary>The source name passed to the loader; every error message must name it.</summary>
    public const string Source = "minimal-test.json";

    /// <summary>
    /// The document. AAA challenges BBB; CCC supports BBB. Optional fields are absent so that defaults are exercised.
    /// Each number literal occurs once, so tests can replace it textually.
    /// </summary>
    public const string Json = """
        {
          "name": "minimal",
          "states": [
            { "id": "AAA", "name": "Alpha", "capability": 0.3, "homeRegion": "East" },
            { "id": "BBB", "name": "Beta", "capability": 0.2, "homeRegion": "East" },
            { "id": "CCC", "name": "Gamma", "capability": 0.125, "homeRegion": "West" }
          ],
          "alliances": [
            { "id": "ALL", "members": ["BBB", "CCC"] }
          ],
          "commitments": [
            { "supporter": "CCC", "protege": "BBB", "kind": "BilateralDefence", "reliability": 0.7, "signal": 0.8 }
          ],
          "crises": [
            { "id": "crisis-1", "challenger": "AAA", "defender": "BBB",
              "theatre": { "region": "East" },
              "statusQuo": 0.45, "challengerCost": 0.15, "defenderCost": 0.05 }
          ]
        }
        """;

    /// <summary>Returns a fresh mutable tree of <see cref="Json"/>.</summary>
    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Returns <see cref="Json"/> after an edit of its tree.</summary>
    public static string With(Action<JsonObject> edit)
    {
        var root = Node();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>Returns <see cref="Json"/> with one textual occurrence replaced; fails if the text is not there exactly once.</summary>
    public static string Replace(string oldText, string newText)
    {
        int first = Json.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{oldText}' is not in the minimal scenario");
        Assert.True(Json.IndexOf(oldText, first + 1, StringComparison.Ordinal) < 0, $"'{oldText}' occurs more than once in the minimal scenario");
        return string.Concat(Json.AsSpan(0, first), newText, Json.AsSpan(first + oldText.Length));
    }

    /// <summary>Parses a document with <see cref="Source"/>.</summary>
    public static Scenario Parse(string json) => ScenarioLoader.Parse(json, Source);

    /// <summary>Parses the unmodified minimal scenario.</summary>
    public static Scenario Parse() => Parse(Json);

    /// <summary>
    /// Asserts that parsing fails, that the message names the source and the JSON path, and that the scenario JSON
    /// Schema rejects the document too unless no schema can (<see cref="SchemaCheck.AssertRejects"/>): every malformed
    /// document of the scenario tests is also a test of docs/scenario.schema.json.
    /// </summary>
    public static ScenarioException ParseError(string json, string expectedJsonPath)
    {
        var e = Assert.Throws<ScenarioException>(() => Parse(json));
        Assert.Equal(expectedJsonPath, e.JsonPath);
        Assert.Equal(Source, e.Source);
        Assert.Contains(Source, e.Message, StringComparison.Ordinal);
        Assert.Contains(expectedJsonPath, e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Expected));
        Assert.False(string.IsNullOrWhiteSpace(e.Found));
        Assert.Null(e.ParameterPath);
        SchemaCheck.AssertRejects(json, e);
        return e;
    }

    /// <summary>Asserts that the tree, after an edit, fails to parse at a JSON path.</summary>
    public static ScenarioException ParseError(Action<JsonObject> edit, string expectedJsonPath) =>
        ParseError(With(edit), expectedJsonPath);

    /// <summary>Navigates to the first state, alliance, commitment or crisis of a tree.</summary>
    public static JsonObject Item(JsonObject root, string collection, int index = 0) => root[collection]![index]!.AsObject();
}
