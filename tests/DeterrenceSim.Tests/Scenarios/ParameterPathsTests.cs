using System.Globalization;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Parameter paths (DESIGN.md section 6): overrides of any value, defaulted fields included, revalidated.</summary>
public class ParameterPathsTests
{
    /// <summary>The minimal scenario with an escalation list and a projection map to address.</summary>
    private static Scenario Rich() => MinimalScenario.Parse(MinimalScenario.With(root =>
    {
        var crisis = MinimalScenario.Item(root, "crises");
        crisis["theatre"]!["projection"] = new JsonObject { ["CCC"] = 0.6 };
        crisis["escalation"] = new JsonArray(
            new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1 },
            new JsonObject { ["target"] = "BBB", ["region"] = "East", ["probability"] = 0.2 });
    }));

    private static ScenarioException SetError(Scenario scenario, string path, string value)
    {
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(scenario, path, value));
        Assert.Equal(path, e.ParameterPath);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(scenario.Name, e.Message, StringComparison.Ordinal);
        return e;
    }

    // ---- setting values -------------------------------------------------------------------------------------

    [Fact]
    public void Set_StatePerceptionField_ChangesOnlyThatState()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.BBB.perception.credulity", "0.8");

        Assert.Equal(0.8, s.States[1].Perception.Credulity);
        Assert.Equal(0.0, s.States[0].Perception.Credulity);
        Assert.Equal(0.0, s.States[2].Perception.Credulity);
        Assert.Equal(0.0, s.States[1].Perception.Noise);
    }

    [Fact]
    public void Set_DoubleOverload_ChangesTheNumber()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.AAA.capability", 0.0625);

        Assert.Equal(0.0625, s.States[0].Capability);
    }

    [Fact]
    public void Set_CommitmentReliabilityBySupporterAndProtege_ChangesIt()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "commitments.CCC>BBB.reliability", "0.25");

        Assert.Equal(0.25, s.Commitments[0].Reliability);
        Assert.Equal(0.8, s.Commitments[0].Signal);
    }

    [Fact]
    public void Set_EmbeddedUsaJapanReliability_ChangesOnlyThatCommitment()
    {
        var original = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

        var s = ParameterPaths.Set(original, "commitments.USA>JPN.reliability", "0.5");

        int index = original.Commitments.ToList().FindIndex(c => c.Key == "USA>JPN");
        Assert.True(index >= 0);
        Assert.Equal(0.5, s.Commitments[index].Reliability);
        for (int i = 0; i < original.Commitments.Count; i++)
        {
            if (i != index)
            {
                Assert.Equal(original.Commitments[i].Reliability, s.Commitments[i].Reliability);
            }
        }
    }

    [Theory]
    [InlineData("commitments.*>JPN.signal")]
    [InlineData("commitments.GBR>*.signal")]
    [InlineData("commitments.Partnership.signal")]
    [InlineData("commitments.*>*.signal")]
    public void Set_CommitmentPatternsAndKinds_ChangeExactlyTheMatchingCommitments(string path)
    {
        var original = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        string selector = path.Split('.')[1];
        bool Matches(Commitment c) => selector switch
        {
            "*>JPN" => c.Protege == "JPN",
            "GBR>*" => c.Supporter == "GBR",
            "Partnership" => c.Kind == CommitmentKind.Partnership,
            _ => true,
        };

        var s = ParameterPaths.Set(original, path, "0.123");

        Assert.Contains(original.Commitments, Matches);
        for (int i = 0; i < original.Commitments.Count; i++)
        {
            Assert.Equal(Matches(original.Commitments[i]) ? 0.123 : original.Commitments[i].Signal, s.Commitments[i].Signal);
        }

        Assert.Equal(original.Commitments.Count(Matches), ParameterPaths.Get(original, path).Count);
    }

    [Theory]
    [InlineData("commitments.*>XXX.signal")]
    [InlineData("commitments.Alliance.signal")]
    public void Set_CommitmentPatternMatchingNothing_FailsListingTheForms(string path)
    {
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), path, "0.5"));
        Assert.Contains("a commitment kind", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.ParameterPath);
    }

    [Fact]
    public void Set_DefaultedDiscountAbsentFromJson_ChangesIt()
    {
        Assert.DoesNotContain("discount", MinimalScenario.Json, StringComparison.Ordinal);

        var s = ParameterPaths.Set(MinimalScenario.Parse(), "crises.crisis-1.discount", "0.8");

        Assert.Equal(0.8, s.Crises[0].Discount);
    }

    [Fact]
    public void Set_DefaultedPerceptionAbsentFromJson_ChangesIt()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.CCC.perception.capabilityBias", "-0.5");

        Assert.Equal(-0.5, s.States[2].Perception.CapabilityBias);
    }

    [Fact]
    public void SetAll_ProtocolToTakeItOrLeaveItWithBound_ChangesTheProtocol()
    {
        var s = ParameterPaths.SetAll(MinimalScenario.Parse(),
        [
            new("crises.crisis-1.bargaining.defenderCostUpperBound", "0.4"),
            new("crises.crisis-1.bargaining.protocol", "TakeItOrLeaveIt"),
        ]);

        Assert.Equal(new Bargaining(BargainingProtocol.TakeItOrLeaveIt, 0.5, 0.4), s.Crises[0].Bargaining);
    }

    [Fact]
    public void Set_ProtocolToTakeItOrLeaveItOnEmbedded_ChangesTheProtocol()
    {
        // The embedded crises carry defenderCostUpperBound, so the protocol switch alone is valid.
        var s = ParameterPaths.Set(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "crises.east-china-sea.bargaining.protocol", "TakeItOrLeaveIt");

        Assert.Equal(BargainingProtocol.TakeItOrLeaveIt, s.Crises[0].Bargaining.Protocol);
        Assert.Equal(BargainingProtocol.NashSplit, s.Crises[1].Bargaining.Protocol);
    }

    [Fact]
    public void Set_ProtocolToTakeItOrLeaveItWithoutBound_FailsAtTheBound()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.bargaining.protocol", "TakeItOrLeaveIt");

        Assert.Equal("$.crises[0].bargaining.defenderCostUpperBound", e.JsonPath);
    }

    [Fact]
    public void Set_UnknownProtocolName_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.bargaining.protocol", "Nash");

        Assert.Equal("$.crises[0].bargaining.protocol", e.JsonPath);
        Assert.Contains("Nash", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_WildcardStateNoise_SetsEveryState()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.*.perception.noise", "0.3");

        Assert.All(s.States, state => Assert.Equal(0.3, state.Perception.Noise));
    }

    [Fact]
    public void Set_WildcardStateNoiseOnEmbedded_SetsAllForty()
    {
        var s = ParameterPaths.Set(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "states.*.perception.noise", "0.3");

        Assert.Equal(40, s.States.Count(state => state.Perception.Noise == 0.3));
    }

    [Fact]
    public void Set_WildcardCommitmentDeepening_SetsEveryCommitment()
    {
        var scenario = ParameterPaths.Set(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "commitments.*.deepening.signal", "0.01");

        Assert.All(scenario.Commitments, c => Assert.Equal(0.01, c.Deepening.Signal));
    }

    [Fact]
    public void Set_ProjectionMapKey_ChangesIt()
    {
        var s = ParameterPaths.Set(Rich(), "crises.crisis-1.theatre.projection.CCC", "0.35");

        Assert.Equal(0.35, s.Crises[0].Theatre.Projection["CCC"]);
    }

    [Fact]
    public void Set_ProjectionKeyNotYetInMap_AddsIt()
    {
        var s = ParameterPaths.Set(Rich(), "crises.crisis-1.theatre.projection.AAA", "0.9");

        Assert.Equal(0.9, s.Crises[0].Theatre.Projection["AAA"]);
        Assert.Equal(0.6, s.Crises[0].Theatre.Projection["CCC"]);
    }

    [Fact]
    public void Set_EmbeddedProjection_ChangesIt()
    {
        var s = ParameterPaths.Set(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "crises.baltic.theatre.projection.USA", "0.7");

        Assert.Equal(0.7, s.Crises[2].Theatre.Projection["USA"]);
    }

    [Fact]
    public void Set_ProjectionForUnknownState_FailsAtTheKey()
    {
        var e = SetError(Rich(), "crises.crisis-1.theatre.projection.ZZZ", "0.5");

        Assert.Equal("$.crises[0].theatre.projection.ZZZ", e.JsonPath);
    }

    [Fact]
    public void Set_EscalationByIndex_ChangesThatEntry()
    {
        var s = ParameterPaths.Set(Rich(), "crises.crisis-1.escalation.1.probability", "0.75");

        Assert.Equal(0.1, s.Crises[0].Escalation[0].Probability);
        Assert.Equal(0.75, s.Crises[0].Escalation[1].Probability);
    }

    [Fact]
    public void Set_EscalationTargetByIndex_ChangesTheTarget()
    {
        var s = ParameterPaths.Set(Rich(), "crises.crisis-1.escalation.0.target", "BBB");

        Assert.Equal("BBB", s.Crises[0].Escalation[0].Target);
    }

    [Fact]
    public void Set_EscalationTargetToTheChallenger_FailsAtTheTarget()
    {
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(Rich(), "crises.crisis-1.escalation.0.target", "AAA"));

        Assert.Equal("$.crises[0].escalation[0].target", e.JsonPath);
    }

    [Theory]
    [InlineData("crises.crisis-1.id", "x")]
    [InlineData("states.AAA.name", "x")]
    [InlineData("states.AAA.perception.credulity", "null")]
    public void Set_IdentifierTextOrNullForNumber_Fails(string path, string value)
    {
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(Rich(), path, value));

        Assert.Equal(path, e.ParameterPath);
    }

    [Fact]
    public void Set_NullForNullableField_Unsets()
    {
        var s = ParameterPaths.Set(Rich(), "year", "null");

        Assert.Null(s.Year);
    }

    [Fact]
    public void Set_AllianceMemberReliability_ChangesIt()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "alliances.ALL.memberReliability", "0.6");

        Assert.Equal(0.6, s.Alliances[0].MemberReliability);
    }

    [Fact]
    public void Set_AllianceDecisionRule_ChangesIt()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "alliances.ALL.decisionRule", "Majority");

        Assert.Equal(DecisionRule.Majority, s.Alliances[0].DecisionRule);
    }

    [Fact]
    public void Set_UnsetOptionalDefenderCostUnderTakeItOrLeaveIt_SetsANumber()
    {
        var scenario = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            var crisis = MinimalScenario.Item(root, "crises");
            crisis.Remove("defenderCost");
            crisis["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["defenderCostUpperBound"] = 0.4 };
        }));

        var s = ParameterPaths.Set(scenario, "crises.crisis-1.defenderCost", "0.2");

        Assert.Equal(0.2, s.Crises[0].DefenderCost);
    }

    [Fact]
    public void Set_IntegerForesight_ChangesIt()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "crises.crisis-1.foresight", "3");

        Assert.Equal(3, s.Crises[0].Foresight);
    }

    [Fact]
    public void Set_FractionalForesight_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.foresight", "2.5");

        Assert.Equal("$.crises[0].foresight", e.JsonPath);
    }

    [Fact]
    public void Set_ForesightBeyond32Bits_SaysTheFieldsOwnRange()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.foresight", "3e9");

        Assert.Equal("$.crises[0].foresight", e.JsonPath);
        Assert.Contains("expected an integer from 1 to 2147483647, found 3000000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_ScientificNotation_IsAccepted()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.AAA.perception.noise", "1e-3");

        Assert.Equal(0.001, s.States[0].Perception.Noise);
    }

    [Fact]
    public void Set_Original_IsNotModified()
    {
        var original = MinimalScenario.Parse();
        string before = ScenarioLoader.ToJson(original);

        var changed = ParameterPaths.SetAll(original,
        [
            new("states.*.perception.noise", "0.4"),
            new("commitments.CCC>BBB.reliability", "0.1"),
            new("crises.crisis-1.discount", "0.5"),
        ]);

        Assert.Equal(before, ScenarioLoader.ToJson(original));
        Assert.Equal(0.0, original.States[0].Perception.Noise);
        Assert.Equal(0.7, original.Commitments[0].Reliability);
        Assert.Equal(0.9, original.Crises[0].Discount);
        Assert.NotEqual(before, ScenarioLoader.ToJson(changed));
    }

    [Fact]
    public void SetAll_LaterAssignment_SeesEarlierOne()
    {
        var s = ParameterPaths.SetAll(MinimalScenario.Parse(),
        [
            new("states.*.perception.noise", "0.4"),
            new("states.AAA.perception.noise", "0.9"),
        ]);

        Assert.Equal([0.9, 0.4, 0.4], s.States.Select(x => x.Perception.Noise));
    }

    [Fact]
    public void SetAll_NoAssignments_ReturnsAnEqualScenario()
    {
        var original = MinimalScenario.Parse();

        var s = ParameterPaths.SetAll(original, []);

        Assert.Equal(ScenarioLoader.ToJson(original), ScenarioLoader.ToJson(s));
    }

    // ---- Get ------------------------------------------------------------------------------------------------

    [Fact]
    public void Get_DefaultedField_ReturnsItsDefault()
    {
        var values = ParameterPaths.Get(MinimalScenario.Parse(), "crises.crisis-1.discount");

        var value = Assert.Single(values);
        Assert.Equal("crises.crisis-1.discount", value.Key);
        Assert.Equal(0.9, double.Parse(value.Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Get_Wildcard_ListsConcretePaths()
    {
        var values = ParameterPaths.Get(MinimalScenario.Parse(), "states.*.capability");

        Assert.Equal(["states.AAA.capability", "states.BBB.capability", "states.CCC.capability"], values.Select(v => v.Key));
        Assert.Equal(0.125, double.Parse(values[2].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Get_CommitmentKey_UsesSupporterAndProtege()
    {
        var value = Assert.Single(ParameterPaths.Get(MinimalScenario.Parse(), "commitments.*.signal"));

        Assert.Equal("commitments.CCC>BBB.signal", value.Key);
    }

    [Fact]
    public void Get_UnsetOptionalField_ReturnsNull()
    {
        var value = Assert.Single(ParameterPaths.Get(MinimalScenario.Parse(), "crises.crisis-1.bargaining.defenderCostUpperBound"));

        Assert.Equal("null", value.Value);
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    [Fact]
    public void Set_UnknownField_FailsAtTheField()
    {
        var e = SetError(MinimalScenario.Parse(), "states.AAA.perception.credulty", "0.5");

        Assert.Equal("$.states[0].perception.credulty", e.JsonPath);
        Assert.Contains("credulty", e.Found, StringComparison.Ordinal);
        Assert.Contains("credulity", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_UnknownTopLevelCollection_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "country.AAA.capability", "0.5");

        Assert.Equal("$.country", e.JsonPath);
    }

    [Fact]
    public void Set_UnknownStateId_FailsAtTheCollection()
    {
        var e = SetError(MinimalScenario.Parse(), "states.ZZZ.capability", "0.5");

        Assert.Equal("$.states", e.JsonPath);
        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_UnknownCommitmentPair_FailsAtTheCollection()
    {
        var e = SetError(MinimalScenario.Parse(), "commitments.BBB>CCC.reliability", "0.5");

        Assert.Equal("$.commitments", e.JsonPath);
        Assert.Contains("BBB>CCC", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_EscalationIndexOutOfRange_Fails()
    {
        var e = SetError(Rich(), "crises.crisis-1.escalation.5.probability", "0.5");

        Assert.Equal("$.crises[0].escalation", e.JsonPath);
    }

    [Fact]
    public void Set_CredulityOutOfRange_FailsAtTheRevalidatedJsonPath()
    {
        var e = SetError(MinimalScenario.Parse(), "states.BBB.perception.credulity", "2");

        Assert.Equal("$.states[1].perception.credulity", e.JsonPath);
        Assert.Equal("2", e.Found);
    }

    [Theory]
    [InlineData("ownCredulity")]
    [InlineData("opponentCredulity")]
    public void Set_CredulityByCoalitionOutOfRange_FailsAtTheRevalidatedJsonPath(string field)
    {
        var e = SetError(MinimalScenario.Parse(), "states.BBB.perception." + field, "1.5");

        Assert.Equal("$.states[1].perception." + field, e.JsonPath);
        Assert.Equal("1.5", e.Found);
    }

    [Fact]
    public void Set_CredulityByCoalition_DefaultsToCredulityAndUnsetsWithNull()
    {
        var s = ParameterPaths.Set(MinimalScenario.Parse(), "states.BBB.perception.credulity", "0.8");
        Assert.Null(s.States[1].Perception.OwnCredulity);
        Assert.Equal(0.8, s.States[1].Perception.EffectiveOwnCredulity);
        Assert.Equal(0.8, s.States[1].Perception.EffectiveOpponentCredulity);

        s = ParameterPaths.Set(s, "states.BBB.perception.ownCredulity", "0.2");
        Assert.Equal(0.2, s.States[1].Perception.EffectiveOwnCredulity);
        Assert.Equal(0.8, s.States[1].Perception.EffectiveOpponentCredulity);
        Assert.False(s.States[1].Perception.IsAccurate);

        s = ParameterPaths.Set(s, "states.BBB.perception.ownCredulity", "null");
        Assert.Equal(0.8, s.States[1].Perception.EffectiveOwnCredulity);
    }

    [Fact]
    public void Set_WildcardMakingOneItemInvalid_FailsAtThatItem()
    {
        var e = SetError(MinimalScenario.Parse(), "states.*.growthRate", "-1");

        Assert.Equal("$.states[0].growthRate", e.JsonPath);
    }

    [Fact]
    public void Set_SignalToOne_FailsAtTheSignal()
    {
        var e = SetError(MinimalScenario.Parse(), "commitments.CCC>BBB.signal", "1");

        Assert.Equal("$.commitments[0].signal", e.JsonPath);
    }

    [Fact]
    public void Set_DefenderToChallenger_FailsAtDefender()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.defender", "AAA");

        Assert.Equal("$.crises[0].defender", e.JsonPath);
    }

    [Fact]
    public void Set_StateIdToDuplicate_FailsAtTheSecondOccurrence()
    {
        var e = SetError(MinimalScenario.Parse(), "states.CCC.id", "AAA");

        Assert.Equal("$.states[2].id", e.JsonPath);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0,5")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Set_NonNumberForNumericField_Fails(string value)
    {
        var e = SetError(MinimalScenario.Parse(), "states.BBB.perception.credulity", value);

        Assert.Contains("'" + value + "'", e.Found, StringComparison.Ordinal);
        Assert.Contains("number", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-7e-325")]
    [InlineData("0.0000001e-320")]
    public void Set_NumberThatUnderflowsToZero_FailsNamingIt(string value)
    {
        // Read as 0 by the parser without a word, as 1e999 would be read as infinity.
        var e = SetError(MinimalScenario.Parse(), "states.BBB.perception.credulity", value);

        Assert.Contains("'" + value + "'", e.Found, StringComparison.Ordinal);
        Assert.Contains("5e-324", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.0e7")]
    [InlineData("0e-999")]
    public void Set_ZeroWrittenAnotherWay_GivesTheCanonicalDocumentOfZero(string value)
    {
        // -0 and 0 are one number: one canonical document, one scenarioSha256.
        var zero = ParameterPaths.Set(MinimalScenario.Parse(), "states.BBB.perception.credulity", "0");
        var other = ParameterPaths.Set(MinimalScenario.Parse(), "states.BBB.perception.credulity", value);

        Assert.Equal(ScenarioLoader.ToJson(zero), ScenarioLoader.ToJson(other));
    }

    [Fact]
    public void Set_NonNumberForUnsetOptionalNumber_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "crises.crisis-1.bargaining.defenderCostUpperBound", "high");

        Assert.Contains("high", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_PathEndingAtObject_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "states.AAA.perception", "0.5");

        Assert.Equal("$.states[0].perception", e.JsonPath);
        Assert.Contains("object", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_PathEndingAtArray_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "states.AAA.regions", "East");

        Assert.Equal("$.states[0].regions", e.JsonPath);
    }

    [Fact]
    public void Set_PathEndingAtItem_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "states.AAA", "0.5");

        Assert.Equal("$.states", e.JsonPath);
    }

    [Fact]
    public void Set_PathContinuingBelowANumber_Fails()
    {
        var e = SetError(MinimalScenario.Parse(), "states.AAA.capability.value", "0.5");

        Assert.Equal("$.states[0].capability", e.JsonPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("states..capability")]
    [InlineData(".states.AAA.capability")]
    public void Set_MalformedPath_Fails(string path)
    {
        var e = SetError(MinimalScenario.Parse(), path, "0.5");

        Assert.Equal("$", e.JsonPath);
    }

    [Fact]
    public void SetAll_SecondAssignmentInvalid_NamesTheSecondPath()
    {
        var e = Assert.Throws<ScenarioException>(() => ParameterPaths.SetAll(MinimalScenario.Parse(),
        [
            new("states.AAA.perception.noise", "0.4"),
            new("states.AAA.perception.noise", "-1"),
        ]));

        Assert.Equal("states.AAA.perception.noise", e.ParameterPath);
        Assert.Equal("$.states[0].perception.noise", e.JsonPath);
    }

    [Fact]
    public void Set_NullArguments_ThrowArgumentNullException()
    {
        var s = MinimalScenario.Parse();

        Assert.Throws<ArgumentNullException>(() => ParameterPaths.Set(null!, "states.AAA.capability", "0.5"));
        Assert.Throws<ArgumentNullException>(() => ParameterPaths.Set(s, null!, "0.5"));
        Assert.Throws<ArgumentNullException>(() => ParameterPaths.Set(s, "states.AAA.capability", null!));
    }

    // ---- ParseAssignment ------------------------------------------------------------------------------------

    [Fact]
    public void ParseAssignment_PathEqualsValue_SplitsAtFirstEquals()
    {
        var a = ParameterPaths.ParseAssignment("states.CHN.perception.credulity=0.8");

        Assert.Equal("states.CHN.perception.credulity", a.Key);
        Assert.Equal("0.8", a.Value);
    }

    [Fact]
    public void ParseAssignment_Whitespace_IsTrimmed()
    {
        var a = ParameterPaths.ParseAssignment(" commitments.USA>JPN.reliability = 0.5 ");

        Assert.Equal(new KeyValuePair<string, string>("commitments.USA>JPN.reliability", "0.5"), a);
    }

    [Theory]
    [InlineData("states.CHN.perception.credulity")]
    [InlineData("=0.8")]
    [InlineData("states.CHN.perception.credulity=")]
    [InlineData("")]
    public void ParseAssignment_NotPathEqualsValue_ThrowsFormatException(string text)
    {
        var e = Assert.Throws<FormatException>(() => ParameterPaths.ParseAssignment(text));

        Assert.Contains("path=value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseAssignment_ThenSet_AppliesTheOverride()
    {
        var a = ParameterPaths.ParseAssignment("commitments.CCC>BBB.signal=0.6");

        var s = ParameterPaths.SetAll(MinimalScenario.Parse(), [a]);

        Assert.Equal(0.6, s.Commitments[0].Signal);
    }

    // ---- culture independence -------------------------------------------------------------------------------

    [Fact]
    public void Set_UnderGermanCulture_GivesIdenticalResult()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        string invariantText = ScenarioLoader.ToJson(ParameterPaths.SetAll(scenario,
        [
            new("states.CHN.perception.credulity", "0.75"),
            new("crises.baltic.theatre.projection.USA", "0.125"),
        ]));
        string invariantDouble = ScenarioLoader.ToJson(ParameterPaths.Set(scenario, "commitments.USA>JPN.reliability", 0.625));

        var saved = CultureInfo.CurrentCulture;
        string germanText;
        string germanDouble;
        ScenarioException germanError;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            germanText = ScenarioLoader.ToJson(ParameterPaths.SetAll(scenario,
            [
                new("states.CHN.perception.credulity", "0.75"),
                new("crises.baltic.theatre.projection.USA", "0.125"),
            ]));
            germanDouble = ScenarioLoader.ToJson(ParameterPaths.Set(scenario, "commitments.USA>JPN.reliability", 0.625));
            germanError = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(scenario, "states.CHN.perception.credulity", "0,75"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariantText, germanText);
        Assert.Equal(invariantDouble, germanDouble);
        Assert.Contains("\"credulity\": 0.75", germanText, StringComparison.Ordinal);
        Assert.Equal("states.CHN.perception.credulity", germanError.ParameterPath);
    }

    [Fact]
    public void Set_OutOfRangeUnderGermanCulture_ShowsInvariantNumber()
    {
        var saved = CultureInfo.CurrentCulture;
        ScenarioException e;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            e = Assert.Throws<ScenarioException>(() => ParameterPaths.Set(MinimalScenario.Parse(), "states.AAA.perception.credulity", 1.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("1.5", e.Found);
    }
}
