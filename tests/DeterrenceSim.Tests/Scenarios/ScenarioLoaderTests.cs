using System.Globalization;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Reading scenario documents (DESIGN.md section 6): structure, types, defaults, syntax errors, files, round trip.</summary>
public class ScenarioLoaderTests
{
    // ---- the minimal scenario and its defaults --------------------------------------------------------------

    [Fact]
    public void Parse_MinimalScenario_ReadsGivenValues()
    {
        var s = MinimalScenario.Parse();

        Assert.Equal("minimal", s.Name);
        Assert.Equal(["AAA", "BBB", "CCC"], s.States.Select(x => x.Id));
        Assert.Equal("Gamma", s.States[2].Name);
        Assert.Equal(0.125, s.States[2].Capability);
        Assert.Equal("West", s.States[2].HomeRegion);
        var alliance = Assert.Single(s.Alliances);
        Assert.Equal("ALL", alliance.Id);
        Assert.Equal(["BBB", "CCC"], alliance.Members);
        var commitment = Assert.Single(s.Commitments);
        Assert.Equal(("CCC", "BBB", CommitmentKind.BilateralDefence, 0.7, 0.8), (commitment.Supporter, commitment.Protege, commitment.Kind, commitment.Reliability, commitment.Signal));
        var crisis = Assert.Single(s.Crises);
        Assert.Equal(("crisis-1", "AAA", "BBB", "East"), (crisis.Id, crisis.Challenger, crisis.Defender, crisis.Theatre.Region));
        Assert.Equal((0.45, 0.15, (double?)0.05), (crisis.StatusQuo, crisis.ChallengerCost, crisis.DefenderCost));
    }

    [Fact]
    public void Parse_ScenarioOptionalFieldsAbsent_UsesDesignDefaults()
    {
        var s = MinimalScenario.Parse();

        Assert.Null(s.Year);
        Assert.Equal("", s.Description);
        Assert.Empty(s.Sources);
    }

    [Fact]
    public void Parse_AlliancesAndCommitmentsAbsent_DefaultToEmpty()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            root.Remove("alliances");
            root.Remove("commitments");
        }));

        Assert.Empty(s.Alliances);
        Assert.Empty(s.Commitments);
    }

    [Fact]
    public void Parse_StateOptionalFieldsAbsent_UsesDesignDefaults()
    {
        var state = MinimalScenario.Parse().States[2];

        Assert.Equal(["West"], state.Regions);
        Assert.Equal(0.0, state.GrowthRate);
        Assert.Equal(0.0, state.Perception.Credulity);
        Assert.Equal(0.0, state.Perception.Noise);
        Assert.Equal(0.0, state.Perception.SupporterNoise);
        Assert.Equal(0.0, state.Perception.CapabilityBias);
        Assert.True(state.Perception.IsAccurate);
    }

    [Fact]
    public void Parse_PerceptionPartlyGiven_DefaultsTheRestToZero()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
            MinimalScenario.Item(root, "states")["perception"] = new JsonObject { ["noise"] = 0.6 }));

        Assert.Equal(new PerceptionProfile(0, 0.6, 0, 0), s.States[0].Perception);
    }

    [Fact]
    public void Parse_AllianceOptionalFieldsAbsent_UsesDesignDefaults()
    {
        var alliance = MinimalScenario.Parse().Alliances[0];

        Assert.Empty(alliance.Scope);
        Assert.Equal(DecisionRule.Consensus, alliance.DecisionRule);
        Assert.Equal(0.0, alliance.MemberReliability);
    }

    [Fact]
    public void Parse_CommitmentOptionalFieldsAbsent_UsesDesignDefaults()
    {
        var commitment = MinimalScenario.Parse().Commitments[0];

        Assert.Empty(commitment.Scope);
        Assert.Equal(0.0, commitment.OutOfScopeReliability);
        Assert.Equal(new Deepening(0, 0), commitment.Deepening);
        Assert.Null(commitment.Alliance);
        Assert.Equal(0.0, commitment.InformationSharing);
    }

    [Fact]
    public void Parse_CrisisOptionalFieldsAbsent_UsesDesignDefaults()
    {
        var crisis = MinimalScenario.Parse().Crises[0];

        Assert.Equal(1.0, crisis.Theatre.DefaultProjection);
        Assert.Empty(crisis.Theatre.Projection);
        Assert.Equal(0.9, crisis.Discount);
        Assert.Equal(1.0, crisis.Decisiveness);
        Assert.Equal(1, crisis.Foresight);
        Assert.Equal(BargainingProtocol.NashSplit, crisis.Bargaining.Protocol);
        Assert.Equal(0.5, crisis.Bargaining.ChallengerPower);
        Assert.Null(crisis.Bargaining.DefenderCostUpperBound);
        Assert.Empty(crisis.Escalation);
    }

    [Fact]
    public void Parse_BargainingObjectWithProtocolOnly_DefaultsChallengerPower()
    {
        var crisis = MinimalScenario.Parse(MinimalScenario.With(root =>
            MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["protocol"] = "NashSplit" })).Crises[0];

        Assert.Equal(new Bargaining(BargainingProtocol.NashSplit, 0.5, null), crisis.Bargaining);
    }

    [Fact]
    public void Parse_EveryOptionalFieldGiven_ReadsEachValue()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            root["year"] = 2031;
            root["description"] = "all fields";
            root["sources"] = new JsonArray("S1", "S2");
            var state = MinimalScenario.Item(root, "states", 1);
            state["regions"] = new JsonArray("East", "Pacific");
            state["growthRate"] = -0.25;
            state["perception"] = new JsonObject { ["credulity"] = 0.5, ["noise"] = 0.6, ["supporterNoise"] = 0.7, ["capabilityBias"] = -0.3 };
            var alliance = MinimalScenario.Item(root, "alliances");
            alliance["scope"] = new JsonArray("West");
            alliance["decisionRule"] = "Majority";
            alliance["memberReliability"] = 0.4;
            var commitment = MinimalScenario.Item(root, "commitments");
            commitment["scope"] = new JsonArray("East");
            commitment["outOfScopeReliability"] = 0.2;
            commitment["deepening"] = new JsonObject { ["reliability"] = 0.01, ["signal"] = -0.02 };
            commitment["alliance"] = "ALL";
            commitment["informationSharing"] = 0.3;
            var crisis = MinimalScenario.Item(root, "crises");
            crisis["theatre"] = new JsonObject { ["region"] = "East", ["defaultProjection"] = 0.2, ["projection"] = new JsonObject { ["CCC"] = 0.6 } };
            crisis["discount"] = 0.95;
            crisis["decisiveness"] = 2.5;
            crisis["foresight"] = 3;
            crisis["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["challengerPower"] = 0.25, ["defenderCostUpperBound"] = 0.4 };
            crisis["escalation"] = new JsonArray(new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1 });
        }));

        Assert.Equal(2031, s.Year);
        Assert.Equal("all fields", s.Description);
        Assert.Equal(["S1", "S2"], s.Sources);
        Assert.Equal(["East", "Pacific"], s.States[1].Regions);
        Assert.Equal(-0.25, s.States[1].GrowthRate);
        Assert.Equal(new PerceptionProfile(0.5, 0.6, 0.7, -0.3), s.States[1].Perception);
        Assert.Equal(["West"], s.Alliances[0].Scope);
        Assert.Equal(DecisionRule.Majority, s.Alliances[0].DecisionRule);
        Assert.Equal(0.4, s.Alliances[0].MemberReliability);
        var c = s.Commitments[0];
        Assert.Equal(["East"], c.Scope);
        Assert.Equal(0.2, c.OutOfScopeReliability);
        Assert.Equal(new Deepening(0.01, -0.02), c.Deepening);
        Assert.Equal("ALL", c.Alliance);
        Assert.Equal(0.3, c.InformationSharing);
        var k = s.Crises[0];
        Assert.Equal(0.2, k.Theatre.DefaultProjection);
        Assert.Equal(0.6, k.Theatre.Projection["CCC"]);
        Assert.Equal(0.95, k.Discount);
        Assert.Equal(2.5, k.Decisiveness);
        Assert.Equal(3, k.Foresight);
        Assert.Equal(new Bargaining(BargainingProtocol.TakeItOrLeaveIt, 0.25, 0.4), k.Bargaining);
        Assert.Equal(new EscalationStrike("CCC", "West", 0.1), Assert.Single(k.Escalation));
    }

    // ---- unknown fields -------------------------------------------------------------------------------------

    [Fact]
    public void Parse_UnknownTopLevelField_FailsAtThatField()
    {
        var e = MinimalScenario.ParseError(root => root["nmae"] = "typo", "$.nmae");

        Assert.Contains("nmae", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltStateField_FailsAtTheMisspeltField()
    {
        string json = MinimalScenario.Replace("\"capability\": 0.125", "\"capabilty\": 0.125");

        var e = MinimalScenario.ParseError(json, "$.states[2].capabilty");

        Assert.Contains("capabilty", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("perception", "$.states[0].perception.credulityy")]
    [InlineData("deepening", "$.commitments[0].deepening.credulityy")]
    [InlineData("theatre", "$.crises[0].theatre.credulityy")]
    [InlineData("bargaining", "$.crises[0].bargaining.credulityy")]
    [InlineData("escalation", "$.crises[0].escalation[0].credulityy")]
    public void Parse_UnknownFieldInNestedObject_FailsAtThatField(string where, string expectedPath)
    {
        MinimalScenario.ParseError(
            root =>
            {
                switch (where)
                {
                    case "perception":
                        MinimalScenario.Item(root, "states")["perception"] = new JsonObject { ["credulityy"] = 0.5 };
                        break;
                    case "deepening":
                        MinimalScenario.Item(root, "commitments")["deepening"] = new JsonObject { ["credulityy"] = 0.5 };
                        break;
                    case "theatre":
                        MinimalScenario.Item(root, "crises")["theatre"]!["credulityy"] = 0.5;
                        break;
                    case "bargaining":
                        MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["credulityy"] = 0.5 };
                        break;
                    default:
                        MinimalScenario.Item(root, "crises")["escalation"] = new JsonArray(
                            new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1, ["credulityy"] = 0.5 });
                        break;
                }
            },
            expectedPath);
    }

    [Theory]
    [InlineData("alliances", "$.alliances[0].memberReliabilty")]
    [InlineData("commitments", "$.commitments[0].memberReliabilty")]
    [InlineData("crises", "$.crises[0].memberReliabilty")]
    public void Parse_UnknownFieldInCollectionItem_FailsAtThatField(string collection, string expectedPath)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, collection)["memberReliabilty"] = 0.5, expectedPath);
    }

    [Fact]
    public void Parse_FieldNameInWrongCase_IsUnknown()
    {
        MinimalScenario.ParseError(MinimalScenario.Replace("\"statusQuo\"", "\"statusquo\""), "$.crises[0].statusquo");
    }

    // ---- duplicate JSON properties --------------------------------------------------------------------------

    [Fact]
    public void Parse_DuplicatePropertyInState_FailsAtTheDuplicate()
    {
        string json = MinimalScenario.Replace("\"capability\": 0.125", "\"capability\": 0.125, \"capability\": 0.5");

        var e = MinimalScenario.ParseError(json, "$.states[2].capability");

        Assert.Contains("duplicate", e.Found, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_DuplicateTopLevelProperty_FailsAtTheDuplicate()
    {
        MinimalScenario.ParseError(MinimalScenario.Replace("\"name\": \"minimal\",", "\"name\": \"minimal\", \"name\": \"again\","), "$.name");
    }

    [Fact]
    public void Parse_DuplicateProjectionKey_FailsAtTheDuplicate()
    {
        string json = MinimalScenario.Replace("\"region\": \"East\" }", "\"region\": \"East\", \"projection\": { \"CCC\": 0.5, \"CCC\": 0.6 } }");

        MinimalScenario.ParseError(json, "$.crises[0].theatre.projection.CCC");
    }

    // ---- missing required fields ----------------------------------------------------------------------------

    [Theory]
    [InlineData("name", "$.name")]
    [InlineData("states", "$.states")]
    [InlineData("crises", "$.crises")]
    public void Parse_MissingRequiredTopLevelField_FailsWhereItBelongs(string field, string expectedPath)
    {
        var e = MinimalScenario.ParseError(root => root.Remove(field), expectedPath);

        Assert.Contains("missing", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("states", "id", "$.states[1].id")]
    [InlineData("states", "name", "$.states[1].name")]
    [InlineData("states", "capability", "$.states[1].capability")]
    [InlineData("states", "homeRegion", "$.states[1].homeRegion")]
    [InlineData("alliances", "id", "$.alliances[0].id")]
    [InlineData("alliances", "members", "$.alliances[0].members")]
    [InlineData("commitments", "supporter", "$.commitments[0].supporter")]
    [InlineData("commitments", "protege", "$.commitments[0].protege")]
    [InlineData("commitments", "kind", "$.commitments[0].kind")]
    [InlineData("commitments", "reliability", "$.commitments[0].reliability")]
    [InlineData("commitments", "signal", "$.commitments[0].signal")]
    [InlineData("crises", "id", "$.crises[0].id")]
    [InlineData("crises", "challenger", "$.crises[0].challenger")]
    [InlineData("crises", "defender", "$.crises[0].defender")]
    [InlineData("crises", "theatre", "$.crises[0].theatre")]
    [InlineData("crises", "statusQuo", "$.crises[0].statusQuo")]
    [InlineData("crises", "challengerCost", "$.crises[0].challengerCost")]
    public void Parse_MissingRequiredItemField_FailsWhereItBelongs(string collection, string field, string expectedPath)
    {
        int index = collection == "states" ? 1 : 0;

        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, collection, index).Remove(field), expectedPath);

        Assert.Contains("missing", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingTheatreRegion_FailsWhereItBelongs()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["theatre"] = new JsonObject(), "$.crises[0].theatre.region");
    }

    [Theory]
    [InlineData("target", "$.crises[0].escalation[0].target")]
    [InlineData("region", "$.crises[0].escalation[0].region")]
    [InlineData("probability", "$.crises[0].escalation[0].probability")]
    public void Parse_MissingEscalationField_FailsWhereItBelongs(string field, string expectedPath)
    {
        MinimalScenario.ParseError(
            root =>
            {
                var strike = new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1 };
                strike.Remove(field);
                MinimalScenario.Item(root, "crises")["escalation"] = new JsonArray(strike);
            },
            expectedPath);
    }

    // ---- wrong JSON types -----------------------------------------------------------------------------------

    [Fact]
    public void Parse_StringForNumber_FailsWithFoundValue()
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace("\"capability\": 0.125", "\"capability\": \"0.125\""), "$.states[2].capability");

        Assert.Contains("0.125", e.Found, StringComparison.Ordinal);
        Assert.Contains("number", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberForString_FailsWithFoundValue()
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace("\"name\": \"Gamma\"", "\"name\": 42"), "$.states[2].name");

        Assert.Contains("42", e.Found, StringComparison.Ordinal);
        Assert.Contains("string", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ObjectForArray_Fails()
    {
        var e = MinimalScenario.ParseError(root => root["states"] = new JsonObject(), "$.states");

        Assert.Contains("array", e.Expected, StringComparison.Ordinal);
        Assert.Contains("object", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StringForStringArray_FailsAtTheField()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "alliances")["members"] = "BBB", "$.alliances[0].members");
    }

    [Fact]
    public void Parse_NumberInsideStringArray_FailsAtTheItem()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "alliances")["members"] = new JsonArray("BBB", 3), "$.alliances[0].members[1]");
    }

    [Fact]
    public void Parse_ArrayForObject_FailsAtTheField()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["theatre"] = new JsonArray(), "$.crises[0].theatre");
    }

    [Fact]
    public void Parse_NumberForStateItem_FailsAtTheItem()
    {
        MinimalScenario.ParseError(root => root["states"]!.AsArray().Add(JsonValue.Create(7)), "$.states[3]");
    }

    [Fact]
    public void Parse_RootIsArray_FailsAtRoot()
    {
        var e = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse("[]"));

        Assert.Equal("$", e.JsonPath);
    }

    [Fact]
    public void Parse_BooleanForNumber_Fails()
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace("\"reliability\": 0.7", "\"reliability\": true"), "$.commitments[0].reliability");

        Assert.Contains("true", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"name\": \"minimal\"", "\"name\": null", "$.name")]
    [InlineData("\"capability\": 0.125", "\"capability\": null", "$.states[2].capability")]
    [InlineData("\"id\": \"AAA\"", "\"id\": null", "$.states[0].id")]
    [InlineData("\"reliability\": 0.7", "\"reliability\": null", "$.commitments[0].reliability")]
    [InlineData("\"statusQuo\": 0.45", "\"statusQuo\": null", "$.crises[0].statusQuo")]
    [InlineData("\"kind\": \"BilateralDefence\"", "\"kind\": null", "$.commitments[0].kind")]
    public void Parse_NullForRequiredField_Fails(string oldText, string newText, string expectedPath)
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace(oldText, newText), expectedPath);

        Assert.Equal("null", e.Found);
    }

    [Fact]
    public void Parse_NullForRequiredStatesArray_Fails()
    {
        MinimalScenario.ParseError(root => root["states"] = null, "$.states");
    }

    [Fact]
    public void Parse_FractionalYear_FailsAsNotAnInteger()
    {
        var e = MinimalScenario.ParseError(root => root["year"] = 2023.5, "$.year");

        Assert.Contains("2023.5", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StringYear_Fails()
    {
        MinimalScenario.ParseError(root => root["year"] = "2023", "$.year");
    }

    [Fact]
    public void Parse_FractionalForesight_FailsAsNotAnInteger()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["foresight"] = 1.5, "$.crises[0].foresight");

        Assert.Contains("1.5", e.Found, StringComparison.Ordinal);
        Assert.Contains("integer", e.Expected, StringComparison.Ordinal);
    }

    // ---- enumerations ---------------------------------------------------------------------------------------

    [Fact]
    public void Parse_UnknownProtocol_FailsListingTheNames()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["protocol"] = "Nash" },
            "$.crises[0].bargaining.protocol");

        Assert.Contains("Nash", e.Found, StringComparison.Ordinal);
        Assert.Contains("NashSplit", e.Expected, StringComparison.Ordinal);
        Assert.Contains("TakeItOrLeaveIt", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Defence")]
    [InlineData("bilateralDefence")]
    [InlineData("1")]
    public void Parse_UnknownCommitmentKind_Fails(string kind)
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace("\"BilateralDefence\"", "\"" + kind + "\""), "$.commitments[0].kind");

        Assert.Contains(kind, e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumericEnumValue_Fails()
    {
        MinimalScenario.ParseError(MinimalScenario.Replace("\"BilateralDefence\"", "1"), "$.commitments[0].kind");
    }

    [Fact]
    public void Parse_UnknownDecisionRule_Fails()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "alliances")["decisionRule"] = "Unanimity", "$.alliances[0].decisionRule");

        Assert.Contains("Unanimity", e.Found, StringComparison.Ordinal);
    }

    // ---- non-finite numbers ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("\"capability\": 0.125", "\"capability\": 1e999", "$.states[2].capability")]
    [InlineData("\"capability\": 0.125", "\"capability\": -1e999", "$.states[2].capability")]
    [InlineData("\"reliability\": 0.7", "\"reliability\": 1e400", "$.commitments[0].reliability")]
    [InlineData("\"statusQuo\": 0.45", "\"statusQuo\": 1E+999", "$.crises[0].statusQuo")]
    public void Parse_NumberThatOverflowsToInfinity_FailsAsNonFinite(string oldText, string newText, string expectedPath)
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace(oldText, newText), expectedPath);

        Assert.Contains("finite", e.Expected, StringComparison.Ordinal);
        Assert.Contains(newText[(newText.IndexOf(':', StringComparison.Ordinal) + 2)..], e.Found, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("\"capability\": 0.125", "\"capability\": 6e-1000", "$.states[2].capability")]
    [InlineData("\"reliability\": 0.7", "\"reliability\": 1e-400", "$.commitments[0].reliability")]
    [InlineData("\"statusQuo\": 0.45", "\"statusQuo\": -2.5E-330", "$.crises[0].statusQuo")]
    [InlineData("\"region\": \"East\" }", "\"region\": \"East\", \"projection\": { \"CCC\": 1e-400 } }", "$.crises[0].theatre.projection.CCC")]
    public void Parse_NumberThatUnderflowsToZero_FailsNamingItsText(string oldText, string newText, string expectedPath)
    {
        // The parser reads these as 0 without a word (as 1e999 as infinity): refused, with the number as written.
        var e = MinimalScenario.ParseError(MinimalScenario.Replace(oldText, newText), expectedPath);

        Assert.Contains("5e-324", e.Expected, StringComparison.Ordinal);
        Assert.Contains("e-", e.Found, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToJson_NegativeZeroInAFileOrARecord_IsWrittenAsZero()
    {
        // -0 and 0 are one number: one canonical document, one scenarioSha256 (Provenance hashes this text).
        var zero = MinimalScenario.Parse(MinimalScenario.Replace("\"reliability\": 0.7", "\"reliability\": 0"));
        var negative = MinimalScenario.Parse(MinimalScenario.Replace("\"reliability\": 0.7", "\"reliability\": -0.0"));
        Assert.Equal(ScenarioLoader.ToJson(zero), ScenarioLoader.ToJson(negative));

        var state = zero.States[0];
        var built = zero with { States = [state with { Perception = state.Perception with { CapabilityBias = -0.0 } }, .. zero.States.Skip(1)] };
        Assert.Equal(ScenarioLoader.ToJson(zero), ScenarioLoader.ToJson(built));
    }

    [Fact]
    public void Parse_OverflowingNumberInOptionalField_FailsAsNonFinite()
    {
        MinimalScenario.ParseError(
            MinimalScenario.Replace("\"homeRegion\": \"West\"", "\"homeRegion\": \"West\", \"growthRate\": 1e999"),
            "$.states[2].growthRate");
    }

    [Fact]
    public void Parse_OverflowingProjection_FailsAsNonFinite()
    {
        MinimalScenario.ParseError(
            MinimalScenario.Replace("\"region\": \"East\" }", "\"region\": \"East\", \"projection\": { \"CCC\": 1e999 } }"),
            "$.crises[0].theatre.projection.CCC");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Parse_NonFiniteLiteral_IsASyntaxErrorWithLineAndColumn(string literal)
    {
        string json = MinimalScenario.Replace("\"capability\": 0.125", "\"capability\": " + literal);
        int expectedLine = LineOf(json, "\"capability\": " + literal);

        var e = MinimalScenario.ParseError(json, "$");

        Assert.Contains($"line {expectedLine}", e.Found, StringComparison.Ordinal);
        Assert.Contains("column", e.Found, StringComparison.Ordinal);
        Assert.Contains($"line {expectedLine}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NaNLiteral_ReportsTheColumnOfTheLiteral()
    {
        string json = "{\n  \"name\": NaN\n}";

        var e = MinimalScenario.ParseError(json, "$");

        Assert.Contains("line 2, column 11", e.Found, StringComparison.Ordinal);
    }

    // ---- syntax errors --------------------------------------------------------------------------------------

    [Fact]
    public void Parse_TrailingGarbage_IsASyntaxErrorAtTheGarbageLine()
    {
        string json = MinimalScenario.Json + "\n\nxyz";
        int expectedLine = json.Split('\n').Length;

        var e = MinimalScenario.ParseError(json, "$");

        Assert.Contains($"line {expectedLine}", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecondRootValue_IsASyntaxError()
    {
        MinimalScenario.ParseError(MinimalScenario.Json + " {}", "$");
    }

    [Fact]
    public void Parse_TruncatedDocument_IsASyntaxErrorWithLineNumber()
    {
        string json = MinimalScenario.Json[..(MinimalScenario.Json.IndexOf("\"crises\"", StringComparison.Ordinal) - 1)];
        int lastLine = json.Split('\n').Length;

        var e = MinimalScenario.ParseError(json, "$");

        Assert.Contains($"line {lastLine}", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingCommaBetweenFields_IsASyntaxErrorAtThatLine()
    {
        string json = MinimalScenario.Replace("\"name\": \"minimal\",", "\"name\": \"minimal\"");

        var e = MinimalScenario.ParseError(json, "$");

        Assert.Contains($"line {LineOf(json, "\"states\"")}", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingComma_IsASyntaxError()
    {
        MinimalScenario.ParseError(MinimalScenario.Replace("\"defenderCost\": 0.05 }", "\"defenderCost\": 0.05, }"), "$");
    }

    [Fact]
    public void Parse_EmptyText_IsASyntaxError()
    {
        MinimalScenario.ParseError("", "$");
    }

    [Fact]
    public void Parse_Comments_AreSyntaxErrors()
    {
        // Strict JSON: a file with comments would not load in other JSON tools either.
        var e = MinimalScenario.ParseError(MinimalScenario.Replace("\"name\": \"minimal\",", "// a comment\n\"name\": \"minimal\","), "$");

        Assert.Contains("line 2", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"homeRegion\": \"West\" }", "\"homeRegion\": \"West\", \"perception\": null }", "$.states[2].perception")]
    [InlineData("\"homeRegion\": \"West\" }", "\"homeRegion\": \"West\", \"regions\": null }", "$.states[2].regions")]
    [InlineData("\"homeRegion\": \"West\" }", "\"homeRegion\": \"West\", \"growthRate\": null }", "$.states[2].growthRate")]
    [InlineData("\"signal\": 0.8 }", "\"signal\": 0.8, \"scope\": null }", "$.commitments[0].scope")]
    public void Parse_NullForOptionalFieldWithDefault_FailsAtTheField(string oldText, string newText, string path)
    {
        var e = MinimalScenario.ParseError(MinimalScenario.Replace(oldText, newText), path);
        Assert.Equal("null", e.Found);
    }

    [Fact]
    public void Parse_NullForNullableOptionalFields_MeansUnset()
    {
        var s = MinimalScenario.Parse(MinimalScenario.Replace("\"name\": \"minimal\",", "\"name\": \"minimal\", \"year\": null,"));
        Assert.Null(s.Year);
    }

    [Fact]
    public void Parse_NullJson_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ScenarioLoader.Parse(null!, MinimalScenario.Source));
    }

    [Fact]
    public void Parse_DefaultSource_IsNamedInErrors()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{"));

        Assert.Equal("<string>", e.Source);
        Assert.Contains("<string>", e.Message, StringComparison.Ordinal);
    }

    // ---- files ----------------------------------------------------------------------------------------------

    [Fact]
    public void LoadFile_MissingFile_ThrowsScenarioExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "deterrencesim-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path));

        Assert.Equal(path, e.Source);
        Assert.Equal("$", e.JsonPath);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFileThatIsNoEmbeddedName_ThrowsScenarioExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "deterrencesim-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ValidFile_LoadsIt()
    {
        string path = Path.Combine(Path.GetTempPath(), "deterrencesim-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, MinimalScenario.Json);
        try
        {
            var s = ScenarioLoader.LoadFile(path);

            Assert.Equal(ScenarioLoader.ToJson(MinimalScenario.Parse()), ScenarioLoader.ToJson(s));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_InvalidFile_ErrorNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "deterrencesim-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, MinimalScenario.Replace("\"capability\": 0.125", "\"capability\": -0.125"));
        try
        {
            var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path));

            Assert.Equal(path, e.Source);
            Assert.Equal("$.states[2].capability", e.JsonPath);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- embedded scenario ----------------------------------------------------------------------------------

    [Fact]
    public void LoadEmbedded_IndoPacific2023_HasFortyStates()
    {
        var s = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        Assert.Equal("indo-pacific-2023", s.Name);
        Assert.Equal(2023, s.Year);
        Assert.Equal(40, s.States.Count);
        Assert.Equal(40, s.States.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void LoadEmbedded_IndoPacific2023_NatoHasThirtyOneMembers()
    {
        var s = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        var nato = Assert.Single(s.Alliances, a => a.Id == "NATO");
        Assert.Equal(31, nato.Members.Count);
        Assert.Contains("FIN", nato.Members);
        Assert.DoesNotContain("SWE", nato.Members);
    }

    [Fact]
    public void LoadEmbedded_IndoPacific2023_HasThreeCrisesInFileOrder()
    {
        var s = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        Assert.Equal(["east-china-sea", "korean-peninsula", "baltic"], s.Crises.Select(c => c.Id));
        Assert.Equal(("CHN", "JPN"), (s.Crises[0].Challenger, s.Crises[0].Defender));
        Assert.Equal(("PRK", "KOR"), (s.Crises[1].Challenger, s.Crises[1].Defender));
        Assert.Equal(("RUS", "EST"), (s.Crises[2].Challenger, s.Crises[2].Defender));
    }

    [Fact]
    public void Load_EmbeddedName_LoadsTheEmbeddedScenario()
    {
        Assert.Contains(ScenarioLoader.DefaultScenarioName, ScenarioLoader.EmbeddedNames);

        var s = ScenarioLoader.Load(ScenarioLoader.DefaultScenarioName);

        Assert.Equal(40, s.States.Count);
    }

    [Fact]
    public void LoadEmbedded_UnknownName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ScenarioLoader.LoadEmbedded("no-such-scenario"));
    }

    // ---- round trip -----------------------------------------------------------------------------------------

    [Fact]
    public void ToJson_EmbeddedScenario_RoundTripsToIdenticalText()
    {
        var original = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        string first = ScenarioLoader.ToJson(original);
        var reparsed = ScenarioLoader.Parse(first, "round-trip");
        string second = ScenarioLoader.ToJson(reparsed);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToJson_EmbeddedScenario_RoundTripKeepsValues()
    {
        var original = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        var s = ScenarioLoader.Parse(ScenarioLoader.ToJson(original), "round-trip");

        Assert.Equal(original.Name, s.Name);
        Assert.Equal(original.Year, s.Year);
        Assert.Equal(original.Description, s.Description);
        Assert.Equal(original.Sources, s.Sources);
        Assert.Equal(original.States.Count, s.States.Count);
        for (int i = 0; i < original.States.Count; i++)
        {
            var (a, b) = (original.States[i], s.States[i]);
            Assert.Equal((a.Id, a.Name, a.Capability, a.HomeRegion, a.GrowthRate), (b.Id, b.Name, b.Capability, b.HomeRegion, b.GrowthRate));
            Assert.Equal(a.Regions, b.Regions);
            Assert.Equal(a.Perception, b.Perception);
        }

        Assert.Equal(original.Alliances.Count, s.Alliances.Count);
        for (int i = 0; i < original.Alliances.Count; i++)
        {
            var (a, b) = (original.Alliances[i], s.Alliances[i]);
            Assert.Equal((a.Id, a.DecisionRule, a.MemberReliability), (b.Id, b.DecisionRule, b.MemberReliability));
            Assert.Equal(a.Members, b.Members);
            Assert.Equal(a.Scope, b.Scope);
        }

        Assert.Equal(original.Commitments.Count, s.Commitments.Count);
        for (int i = 0; i < original.Commitments.Count; i++)
        {
            var (a, b) = (original.Commitments[i], s.Commitments[i]);
            Assert.Equal(
                (a.Supporter, a.Protege, a.Kind, a.Reliability, a.Signal, a.OutOfScopeReliability, a.Deepening, a.Alliance, a.InformationSharing),
                (b.Supporter, b.Protege, b.Kind, b.Reliability, b.Signal, b.OutOfScopeReliability, b.Deepening, b.Alliance, b.InformationSharing));
            Assert.Equal(a.Scope, b.Scope);
        }

        Assert.Equal(original.Crises.Count, s.Crises.Count);
        for (int i = 0; i < original.Crises.Count; i++)
        {
            var (a, b) = (original.Crises[i], s.Crises[i]);
            Assert.Equal(
                (a.Id, a.Challenger, a.Defender, a.StatusQuo, a.ChallengerCost, a.DefenderCost, a.Discount, a.Decisiveness, a.Foresight, a.Bargaining),
                (b.Id, b.Challenger, b.Defender, b.StatusQuo, b.ChallengerCost, b.DefenderCost, b.Discount, b.Decisiveness, b.Foresight, b.Bargaining));
            Assert.Equal((a.Theatre.Region, a.Theatre.DefaultProjection), (b.Theatre.Region, b.Theatre.DefaultProjection));
            Assert.Equal(a.Theatre.Projection.OrderBy(kv => kv.Key, StringComparer.Ordinal), b.Theatre.Projection.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(a.Escalation, b.Escalation);
        }
    }

    [Fact]
    public void ToJson_EmbeddedScenario_SpotValuesSurvive()
    {
        var s = ScenarioLoader.Parse(ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023")), "round-trip");

        var eastChinaSea = s.Crises[0];
        Assert.Equal(0.6, eastChinaSea.Theatre.Projection["USA"]);
        Assert.Equal(0.05, eastChinaSea.Theatre.DefaultProjection);
        Assert.Equal(0.75, eastChinaSea.StatusQuo);
        Assert.Equal(new EscalationStrike("USA", "Pacific", 0.05), eastChinaSea.Escalation[1]);
        Assert.Equal(0.2, eastChinaSea.Bargaining.DefenderCostUpperBound);
        Assert.Equal(1.0, s.Crises[2].Theatre.Projection["LTU"]);
        Assert.Equal(31, s.Alliances.Single(a => a.Id == "NATO").Members.Count);
    }

    [Fact]
    public void ToJson_MinimalScenario_WritesDefaultsExplicitly()
    {
        var node = JsonNode.Parse(ScenarioLoader.ToJson(MinimalScenario.Parse()))!;

        Assert.Equal(0.9, node["crises"]![0]!["discount"]!.GetValue<double>());
        Assert.Equal("NashSplit", node["crises"]![0]!["bargaining"]!["protocol"]!.GetValue<string>());
        Assert.Equal(0.0, node["states"]![0]!["perception"]!["credulity"]!.GetValue<double>());
        Assert.Equal("East", node["states"]![0]!["regions"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_MinimalScenarioWithoutOptionalValues_RoundTripsToIdenticalText()
    {
        string first = ScenarioLoader.ToJson(MinimalScenario.Parse());

        string second = ScenarioLoader.ToJson(ScenarioLoader.Parse(first, "round-trip"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToJson_AwkwardDoubles_RoundTripExactly()
    {
        double capability = 0.1 + 0.2;
        double bias = -1.0 / 3.0;
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            MinimalScenario.Item(root, "states")["capability"] = capability;
            MinimalScenario.Item(root, "states")["perception"] = new JsonObject { ["capabilityBias"] = bias };
            MinimalScenario.Item(root, "states", 1)["capability"] = double.Epsilon;
        }));

        var back = ScenarioLoader.Parse(ScenarioLoader.ToJson(s), "round-trip");

        Assert.Equal(capability, back.States[0].Capability);
        Assert.Equal(bias, back.States[0].Perception.CapabilityBias);
        Assert.Equal(double.Epsilon, back.States[1].Capability);
    }

    // ---- culture independence -------------------------------------------------------------------------------

    [Fact]
    public void Parse_UnderGermanCulture_GivesIdenticalScenario()
    {
        string invariant = ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
        var saved = CultureInfo.CurrentCulture;
        string german;
        Scenario minimal;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = ScenarioLoader.ToJson(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
            minimal = MinimalScenario.Parse();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariant, german);
        Assert.Equal(0.125, minimal.States[2].Capability);
        Assert.Equal(ScenarioLoader.ToJson(MinimalScenario.Parse()), ScenarioLoader.ToJson(minimal));
    }

    [Fact]
    public void Parse_ErrorUnderGermanCulture_ShowsInvariantNumber()
    {
        string json = MinimalScenario.Replace("\"capability\": 0.125", "\"capability\": -0.125");
        var saved = CultureInfo.CurrentCulture;
        ScenarioException e;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            e = Assert.Throws<ScenarioException>(() => MinimalScenario.Parse(json));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("-0.125", e.Found);
        Assert.DoesNotContain("0,125", e.Message, StringComparison.Ordinal);
    }

    private static int LineOf(string text, string fragment)
    {
        int at = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{fragment}' not found");
        return text.AsSpan(0, at).Count('\n') + 1;
    }
}
