using System.Text.Json.Nodes;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Named variants (issue 13): the <c>variants</c> field read, written, validated and applied.</summary>
public class ScenarioVariantsTests
{
    /// <summary>A tiny documented example: a variant of the minimal scenario with a number, a name and a null.</summary>
    internal static JsonArray Variants() => (JsonArray)JsonNode.Parse("""
        [
          { "name": "credulous-alpha", "description": "Alpha believes signals and bargains take-it-or-leave-it.",
            "overrides": [
              { "path": "states.AAA.perception.credulity", "value": 0.8, "rationale": "A test value.", "sources": ["none: a test"] },
              { "path": "crises.crisis-1.bargaining.protocol", "value": "TakeItOrLeaveIt", "rationale": "A test choice.", "sources": ["none"] },
              { "path": "crises.crisis-1.bargaining.defenderCostUpperBound", "value": 0.5, "rationale": "Required by the protocol.", "sources": ["none"] }
            ] },
          { "name": "plain", "description": "Unsets an optional field.",
            "overrides": [ { "path": "states.AAA.perception.ownCredulity", "value": null, "rationale": "Default.", "sources": ["none"] } ] }
        ]
        """)!;

    private static string WithVariants(Action<JsonArray>? edit = null) => MinimalScenario.With(root =>
    {
        var variants = Variants();
        edit?.Invoke(variants);
        root["variants"] = variants;
    });

    private static JsonObject Override(JsonArray variants, int i = 0, int j = 0) => variants[i]!["overrides"]![j]!.AsObject();

    [Fact]
    public void Variants_RoundTripThroughTheCanonicalWriter()
    {
        var scenario = MinimalScenario.Parse(WithVariants());
        Assert.Equal(["credulous-alpha", "plain"], scenario.Variants.Select(v => v.Name));
        Assert.Equal("0.8", scenario.Variants[0].Overrides[0].Value);
        Assert.Equal("TakeItOrLeaveIt", scenario.Variants[0].Overrides[1].Value);
        Assert.Equal("null", scenario.Variants[1].Overrides[0].Value);
        Assert.Equal(["none: a test"], scenario.Variants[0].Overrides[0].Sources);

        string json = ScenarioLoader.ToJson(scenario);
        var node = JsonNode.Parse(json)!;
        Assert.Equal(0.8, node["variants"]![0]!["overrides"]![0]!["value"]!.GetValue<double>());
        Assert.Equal("TakeItOrLeaveIt", node["variants"]![0]!["overrides"]![1]!["value"]!.GetValue<string>());
        Assert.Null(node["variants"]![1]!["overrides"]![0]!["value"]);
        Assert.Equal(json, ScenarioLoader.ToJson(MinimalScenario.Parse(json)));
        Assert.Null(SchemaCheck.Errors(json));
    }

    [Fact]
    public void AScenarioWithoutVariants_IsWrittenWithoutTheKey_AsBefore()
    {
        foreach (string name in ScenarioLoader.EmbeddedNames)
        {
            var scenario = ScenarioLoader.LoadEmbedded(name) with { Variants = [] };
            string json = ScenarioLoader.ToJson(scenario);
            Assert.DoesNotContain("\"variants\"", json, StringComparison.Ordinal);
            Assert.Equal(json, ScenarioLoader.ToJson(ScenarioLoader.Parse(json)));

            // With its variants (the embedded scenario ships some), the key is written and read back unchanged.
            string withVariants = ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded(name));
            Assert.Contains("\"variants\"", withVariants, StringComparison.Ordinal);
            Assert.Equal(withVariants, ScenarioLoader.ToJson(ScenarioLoader.Parse(withVariants)));
        }

        Assert.DoesNotContain("\"variants\"", ScenarioLoader.ToJson(MinimalScenario.Parse()), StringComparison.Ordinal);
    }

    [Fact]
    public void WithVariant_AppliesItsOverrides_AndKeepsTheVariants()
    {
        var scenario = MinimalScenario.Parse(WithVariants());
        var varied = scenario.WithVariant("credulous-alpha");
        Assert.Equal(0.8, varied.States[0].Perception.Credulity);
        Assert.Equal(BargainingProtocol.TakeItOrLeaveIt, varied.Crises[0].Bargaining.Protocol);
        Assert.Equal(0.5, varied.Crises[0].Bargaining.DefenderCostUpperBound);
        Assert.Equal(2, varied.Variants.Count);
        Assert.Equal(0, scenario.States[0].Perception.Credulity);
    }

    [Fact]
    public void WithVariant_ThenWith_AdjustsTheVariantsValue()
    {
        var scenario = MinimalScenario.Parse(WithVariants());
        var adjusted = scenario.WithVariant("credulous-alpha").With("states.AAA.perception.credulity", 0.3);
        Assert.Equal(0.3, adjusted.States[0].Perception.Credulity);
        Assert.Equal(BargainingProtocol.TakeItOrLeaveIt, adjusted.Crises[0].Bargaining.Protocol);

        // The other order: the variant wins, as its override comes last.
        var overridden = scenario.With("states.AAA.perception.credulity", 0.3).WithVariant("credulous-alpha");
        Assert.Equal(0.8, overridden.States[0].Perception.Credulity);
    }

    [Fact]
    public void AnUnknownVariant_IsAnErrorListingTheKnownOnes()
    {
        var scenario = MinimalScenario.Parse(WithVariants());
        var e = Assert.Throws<ScenarioException>(() => scenario.WithVariant("nope"));
        Assert.Equal("$.variants", e.JsonPath);
        Assert.Contains("credulous-alpha, plain", e.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);

        var none = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse().WithVariant("nope"));
        Assert.Contains("has none", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetOnAScenarioWithVariants_KeepsThem()
    {
        var scenario = MinimalScenario.Parse(WithVariants());
        var changed = ParameterPaths.Set(scenario, "states.AAA.capability", 0.4);
        Assert.Equal(2, changed.Variants.Count);
        Assert.Throws<ScenarioException>(() => ParameterPaths.Set(scenario, "variants.0.overrides.0.value", 0.1));
    }

    [Fact]
    public void ADerivedScenario_IsNotInvalidatedByAVariantThatNoLongerApplies()
    {
        // A variant valid against the file (take-it-or-leave-it: defenderCost may be unset) but not after a --set of the
        // protocol: the derived scenario still compiles, is written and swept; applying the variant to it is an error.
        string json = MinimalScenario.With(root =>
        {
            MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["defenderCostUpperBound"] = 0.5 };
            root["variants"] = JsonNode.Parse("""
                [ { "name": "no-defender-cost", "description": "Unsets the defender's cost.",
                    "overrides": [ { "path": "crises.crisis-1.defenderCost", "value": null, "rationale": "A test.", "sources": ["none"] } ] } ]
                """);
        });
        var scenario = MinimalScenario.Parse(json);
        var derived = ParameterPaths.Set(scenario, "crises.crisis-1.bargaining.protocol", "NashSplit");
        Assert.NotNull(DeterrenceSim.Compilation.CompiledScenario.Compile(derived));
        Assert.Contains("no-defender-cost", ScenarioLoader.ToJson(derived), StringComparison.Ordinal);
        Assert.NotNull(derived.With("states.AAA.capability", 0.4));
        var e = Assert.Throws<ScenarioException>(() => derived.WithVariant("no-defender-cost"));
        Assert.StartsWith("$.variants[0].overrides", e.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_StructuralErrors_NameTheirPath()
    {
        MinimalScenario.ParseError(WithVariants(v => v[0]!["name"] = "bad name"), "$.variants[0].name");
        MinimalScenario.ParseError(WithVariants(v => v[1]!["name"] = "credulous-alpha"), "$.variants[1].name");
        MinimalScenario.ParseError(WithVariants(v => v[0]!["description"] = " "), "$.variants[0].description");
        MinimalScenario.ParseError(WithVariants(v => v[0]!["overrides"] = new JsonArray()), "$.variants[0].overrides");
        MinimalScenario.ParseError(WithVariants(v => Override(v).Remove("rationale")), "$.variants[0].overrides[0].rationale");
        MinimalScenario.ParseError(WithVariants(v => Override(v)["rationale"] = ""), "$.variants[0].overrides[0].rationale");
        MinimalScenario.ParseError(WithVariants(v => Override(v)["sources"] = new JsonArray()), "$.variants[0].overrides[0].sources");
        MinimalScenario.ParseError(WithVariants(v => Override(v).Remove("sources")), "$.variants[0].overrides[0].sources");
        MinimalScenario.ParseError(WithVariants(v => Override(v).Remove("value")), "$.variants[0].overrides[0].value");
        MinimalScenario.ParseError(WithVariants(v => Override(v)["value"] = new JsonArray()), "$.variants[0].overrides[0].value");
        MinimalScenario.ParseError(WithVariants(v => Override(v)["extra"] = 1), "$.variants[0].overrides[0].extra");
        MinimalScenario.ParseError(WithVariants(v => v[0]!["extra"] = 1), "$.variants[0].extra");
        MinimalScenario.ParseError(MinimalScenario.With(root => root["variants"] = new JsonObject()), "$.variants");
    }

    [Fact]
    public void Validation_AnOverrideWhosePathResolvesNowhere_IsAnErrorAtItsPath()
    {
        var e = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => Override(v, 1, 0)["path"] = "states.ZZZ.capability")));
        Assert.Equal("$.variants[1].overrides[0].path", e.JsonPath);
        Assert.Equal(MinimalScenario.Source, e.Source);
        Assert.Contains(MinimalScenario.Source, e.Message, StringComparison.Ordinal);
        Assert.Contains("'ZZZ'", e.Message, StringComparison.Ordinal);
        Assert.Equal("states.ZZZ.capability", e.ParameterPath);
    }

    [Fact]
    public void Validation_AnOverrideWithAValueOutOfItsDomain_IsAnErrorAtItsValue()
    {
        var e = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => Override(v, 0, 0)["value"] = 1.5)));
        Assert.Equal("$.variants[0].overrides[0].value", e.JsonPath);
        Assert.Contains("[0, 1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.states[0].perception.credulity", e.Message, StringComparison.Ordinal);

        var name = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => Override(v, 0, 1)["value"] = "Auction")));
        Assert.Equal("$.variants[0].overrides[1].value", name.JsonPath);

        var type = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => Override(v, 0, 0)["value"] = "high")));
        Assert.Equal("$.variants[0].overrides[0].value", type.JsonPath);

        var nullable = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => Override(v, 0, 0)["value"] = null)));
        Assert.Equal("$.variants[0].overrides[0].value", nullable.JsonPath);
    }

    [Fact]
    public void Validation_OverridesAreValidatedOnceAfterAllOfThem()
    {
        // The protocol alone is invalid (it needs the upper bound, which the next override gives): accepted together.
        Assert.Single(MinimalScenario.Parse(WithVariants(v => ((JsonArray)v[0]!["overrides"]!).RemoveAt(0))).Variants[0].Overrides, o => o.Path.EndsWith("protocol", StringComparison.Ordinal));

        // Without the upper bound: the error is the protocol's override's... or the scenario's rule, named at the variant.
        var e = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(WithVariants(v => ((JsonArray)v[0]!["overrides"]!).RemoveAt(2))));
        Assert.StartsWith("$.variants[0].overrides", e.JsonPath, StringComparison.Ordinal);
        Assert.Contains("defenderCostUpperBound", e.Message, StringComparison.Ordinal);
    }
}
