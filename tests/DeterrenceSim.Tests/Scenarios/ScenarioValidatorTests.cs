using System.Text.Json.Nodes;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>Domains and cross-references of DESIGN.md section 6, through the loader and on records built in code.</summary>
public class ScenarioValidatorTests
{
    // ---- empty collections ----------------------------------------------------------------------------------

    [Fact]
    public void Parse_EmptyStates_FailsAtStates()
    {
        var e = MinimalScenario.ParseError(root => root["states"] = new JsonArray(), "$.states");

        Assert.Contains("empty", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyCrises_FailsAtCrises()
    {
        var e = MinimalScenario.ParseError(root => root["crises"] = new JsonArray(), "$.crises");

        Assert.Contains("empty", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_BlankName_Fails(string name)
    {
        MinimalScenario.ParseError(root => root["name"] = name, "$.name");
    }

    [Theory]
    [InlineData("name", "$.states[1].name")]
    [InlineData("homeRegion", "$.states[1].homeRegion")]
    public void Parse_EmptyStateString_Fails(string field, string expectedPath)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states", 1)[field] = "", expectedPath);
    }

    [Fact]
    public void Parse_EmptyTheatreRegion_Fails()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["theatre"]!["region"] = "", "$.crises[0].theatre.region");
    }

    [Fact]
    public void Parse_EmptyRegionInRegions_FailsAtTheItem()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states")["regions"] = new JsonArray("East", ""), "$.states[0].regions[1]");
    }

    // ---- ids ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("A.B")]
    [InlineData("A>B")]
    [InlineData("A*")]
    [InlineData("A=B")]
    [InlineData("A B")]
    [InlineData("")]
    public void Parse_InvalidStateIdCharacters_FailsAtTheId(string id)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states", 2)["id"] = id, "$.states[2].id");

        Assert.Contains("\"" + id + "\"", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidAllianceIdCharacters_FailsAtTheId()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "alliances")["id"] = "A.B", "$.alliances[0].id");

        Assert.Contains("A.B", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidCrisisIdCharacters_FailsAtTheId()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["id"] = "crisis.1", "$.crises[0].id");

        Assert.Contains("crisis.1", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdWithAllAllowedCharacters_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root => MinimalScenario.Item(root, "crises")["id"] = "Az_09-x"));

        Assert.Equal("Az_09-x", s.Crises[0].Id);
    }

    [Fact]
    public void Parse_DuplicateStateId_FailsAtTheSecondOccurrence()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states", 2)["id"] = "AAA", "$.states[2].id");

        Assert.Contains("AAA", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateAllianceId_FailsAtTheSecondOccurrence()
    {
        var e = MinimalScenario.ParseError(
            root => root["alliances"]!.AsArray().Add(new JsonObject { ["id"] = "ALL", ["members"] = new JsonArray("AAA") }),
            "$.alliances[1].id");

        Assert.Contains("ALL", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateCrisisId_FailsAtTheSecondOccurrence()
    {
        var e = MinimalScenario.ParseError(
            root => root["crises"]!.AsArray().Add(MinimalScenario.Item(root, "crises").DeepClone()),
            "$.crises[1].id");

        Assert.Contains("crisis-1", e.Found, StringComparison.Ordinal);
    }

    // ---- state domains --------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.0, "0")]
    public void Parse_NonPositiveCapability_Fails(double capability, string found)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states", 1)["capability"] = capability, "$.states[1].capability");

        Assert.Equal(found, e.Found);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1.5)]
    public void Parse_GrowthRateAtOrBelowMinusOne_Fails(double growthRate)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "states")["growthRate"] = growthRate, "$.states[0].growthRate");
    }

    [Fact]
    public void Parse_GrowthRateJustAboveMinusOne_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root => MinimalScenario.Item(root, "states")["growthRate"] = -0.99));

        Assert.Equal(-0.99, s.States[0].GrowthRate);
    }

    [Theory]
    [InlineData("credulity", -0.1, "-0.1")]
    [InlineData("credulity", 1.5, "1.5")]
    [InlineData("noise", -0.1, "-0.1")]
    [InlineData("supporterNoise", -2.0, "-2")]
    public void Parse_PerceptionOutOfDomain_FailsWithFoundValue(string field, double value, string found)
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "states", 1)["perception"] = new JsonObject { [field] = value },
            "$.states[1].perception." + field);

        Assert.Equal(found, e.Found);
    }

    [Fact]
    public void Parse_PerceptionBoundaries_AreAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
            MinimalScenario.Item(root, "states")["perception"] = new JsonObject { ["credulity"] = 1, ["noise"] = 0, ["supporterNoise"] = 0, ["capabilityBias"] = -5 }));

        Assert.Equal(new PerceptionProfile(1, 0, 0, -5), s.States[0].Perception);
    }

    // ---- commitment domains and references ------------------------------------------------------------------

    [Theory]
    [InlineData("reliability", -0.01)]
    [InlineData("reliability", 1.01)]
    [InlineData("outOfScopeReliability", -0.2)]
    [InlineData("outOfScopeReliability", 1.2)]
    [InlineData("informationSharing", 1.5)]
    [InlineData("informationSharing", -0.5)]
    public void Parse_CommitmentProbabilityOutOfRange_Fails(string field, double value)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "commitments")[field] = value, "$.commitments[0]." + field);

        Assert.Contains("[0, 1]", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Parse_ReliabilityAtBounds_IsAccepted(double reliability)
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root => MinimalScenario.Item(root, "commitments")["reliability"] = reliability));

        Assert.Equal(reliability, s.Commitments[0].Reliability);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.5, "1.5")]
    public void Parse_SignalOutsideOpenInterval_Fails(double signal, string found)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "commitments")["signal"] = signal, "$.commitments[0].signal");

        Assert.Equal(found, e.Found);
    }

    [Fact]
    public void Parse_SignalJustInsideOpenInterval_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root => MinimalScenario.Item(root, "commitments")["signal"] = 0.999999));

        Assert.Equal(0.999999, s.Commitments[0].Signal);
    }

    [Theory]
    [InlineData("supporter", "$.commitments[0].supporter")]
    [InlineData("protege", "$.commitments[0].protege")]
    public void Parse_CommitmentToUnknownState_FailsAtTheReference(string field, string expectedPath)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "commitments")[field] = "ZZZ", expectedPath);

        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommitmentFromStateToItself_FailsAtProtege()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "commitments")["protege"] = "CCC", "$.commitments[0].protege");

        Assert.Contains("CCC", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecondCommitmentForSamePair_FailsAtTheSecond()
    {
        var e = MinimalScenario.ParseError(
            root =>
            {
                var second = MinimalScenario.Item(root, "commitments").DeepClone();
                second["kind"] = "Partnership";
                root["commitments"]!.AsArray().Add(second);
            },
            "$.commitments[1]");

        Assert.Contains("CCC>BBB", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReverseCommitmentPair_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            var reverse = MinimalScenario.Item(root, "commitments").DeepClone();
            reverse["supporter"] = "BBB";
            reverse["protege"] = "CCC";
            root["commitments"]!.AsArray().Add(reverse);
        }));

        Assert.Equal(2, s.Commitments.Count);
    }

    [Fact]
    public void Parse_CommitmentNamingUnknownAlliance_FailsAtAlliance()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "commitments")["alliance"] = "SEATO", "$.commitments[0].alliance");

        Assert.Contains("SEATO", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommitmentNamingKnownAlliance_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root => MinimalScenario.Item(root, "commitments")["alliance"] = "ALL"));

        Assert.Equal("ALL", s.Commitments[0].Alliance);
    }

    [Theory]
    [InlineData("reliability", "$.commitments[0].deepening.reliability")]
    [InlineData("signal", "$.commitments[0].deepening.signal")]
    public void Parse_DeepeningOverflowing_FailsAsNonFinite(string field, string expectedPath)
    {
        string json = MinimalScenario.Replace("\"signal\": 0.8 }", "\"signal\": 0.8, \"deepening\": { \"" + field + "\": -1e999 } }");

        MinimalScenario.ParseError(json, expectedPath);
    }

    [Fact]
    public void Parse_StateSupportingBothSidesOfACrisis_Fails()
    {
        var e = MinimalScenario.ParseError(
            root => root["commitments"]!.AsArray().Add(new JsonObject
            {
                ["supporter"] = "CCC",
                ["protege"] = "AAA",
                ["kind"] = "Alignment",
                ["reliability"] = 0.1,
                ["signal"] = 0.2,
            }),
            "$.commitments[1]");

        Assert.Contains("CCC", e.Found, StringComparison.Ordinal);
        Assert.Contains("crisis-1", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StateSupportingBothSidesListedChallengerFirst_FailsAtTheSecondCommitment()
    {
        var e = MinimalScenario.ParseError(
            root =>
            {
                var commitments = root["commitments"]!.AsArray();
                commitments.Insert(0, new JsonObject
                {
                    ["supporter"] = "CCC",
                    ["protege"] = "AAA",
                    ["kind"] = "Alignment",
                    ["reliability"] = 0.1,
                    ["signal"] = 0.2,
                });
            },
            "$.commitments[1]");

        Assert.Contains("CCC", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProtagonistCommittedToTheOtherProtagonist_IsAccepted()
    {
        // Commitments from the challenger or defender themselves play no part in the crisis (DESIGN.md section 3).
        var s = MinimalScenario.Parse(MinimalScenario.With(root => root["commitments"]!.AsArray().Add(new JsonObject
        {
            ["supporter"] = "BBB",
            ["protege"] = "AAA",
            ["kind"] = "Alignment",
            ["reliability"] = 0.1,
            ["signal"] = 0.2,
        })));

        Assert.Equal(2, s.Commitments.Count);
    }

    // ---- alliances ------------------------------------------------------------------------------------------

    [Fact]
    public void Parse_AllianceMemberUnknown_FailsAtTheMember()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "alliances")["members"] = new JsonArray("BBB", "ZZZ"),
            "$.alliances[0].members[1]");

        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllianceMemberDuplicated_FailsAtTheSecondOccurrence()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "alliances")["members"] = new JsonArray("BBB", "CCC", "BBB"),
            "$.alliances[0].members[2]");

        Assert.Contains("BBB", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Parse_MemberReliabilityOutOfRange_Fails(double value)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "alliances")["memberReliability"] = value, "$.alliances[0].memberReliability");
    }

    // ---- crisis domains and references ----------------------------------------------------------------------

    [Theory]
    [InlineData("challenger", "$.crises[0].challenger")]
    [InlineData("defender", "$.crises[0].defender")]
    public void Parse_CrisisProtagonistUnknown_FailsAtTheReference(string field, string expectedPath)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")[field] = "ZZZ", expectedPath);

        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChallengerEqualsDefender_FailsAtDefender()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["defender"] = "AAA", "$.crises[0].defender");

        Assert.Contains("AAA", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statusQuo", -0.1)]
    [InlineData("statusQuo", 1.1)]
    [InlineData("challengerCost", -0.1)]
    [InlineData("challengerCost", 1.1)]
    [InlineData("defenderCost", -0.1)]
    [InlineData("defenderCost", 1.1)]
    public void Parse_CrisisProbabilityOutOfRange_Fails(string field, double value)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")[field] = value, "$.crises[0]." + field);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    public void Parse_DiscountOutsideOpenInterval_Fails(double discount, string found)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["discount"] = discount, "$.crises[0].discount");

        Assert.Equal(found, e.Found);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Parse_NonPositiveDecisiveness_Fails(double decisiveness)
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["decisiveness"] = decisiveness, "$.crises[0].decisiveness");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Parse_ForesightBelowOne_Fails(int foresight)
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["foresight"] = foresight, "$.crises[0].foresight");

        Assert.Equal(foresight.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Found);
    }

    [Fact]
    public void Parse_ForesightOutOfIntRange_Fails()
    {
        MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises")["foresight"] = 1e12, "$.crises[0].foresight");
    }

    [Fact]
    public void Parse_NashSplitWithoutDefenderCost_FailsWhereDefenderCostBelongs()
    {
        var e = MinimalScenario.ParseError(root => MinimalScenario.Item(root, "crises").Remove("defenderCost"), "$.crises[0].defenderCost");

        Assert.Contains("missing", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitNashSplitWithoutDefenderCost_FailsWhereDefenderCostBelongs()
    {
        MinimalScenario.ParseError(
            root =>
            {
                var crisis = MinimalScenario.Item(root, "crises");
                crisis.Remove("defenderCost");
                crisis["bargaining"] = new JsonObject { ["protocol"] = "NashSplit", ["defenderCostUpperBound"] = 0.3 };
            },
            "$.crises[0].defenderCost");
    }

    [Fact]
    public void Parse_TakeItOrLeaveItWithoutUpperBound_FailsWhereTheBoundBelongs()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt" },
            "$.crises[0].bargaining.defenderCostUpperBound");

        Assert.Contains("missing", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TakeItOrLeaveItWithoutDefenderCost_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
        {
            var crisis = MinimalScenario.Item(root, "crises");
            crisis.Remove("defenderCost");
            crisis["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["defenderCostUpperBound"] = 1 };
        }));

        Assert.Null(s.Crises[0].DefenderCost);
        Assert.Equal(1.0, s.Crises[0].Bargaining.DefenderCostUpperBound);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    public void Parse_UpperBoundOutsideHalfOpenInterval_Fails(double bound)
    {
        MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["protocol"] = "TakeItOrLeaveIt", ["defenderCostUpperBound"] = bound },
            "$.crises[0].bargaining.defenderCostUpperBound");
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void Parse_ChallengerPowerOutOfRange_Fails(double power)
    {
        MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["bargaining"] = new JsonObject { ["challengerPower"] = power },
            "$.crises[0].bargaining.challengerPower");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Parse_DefaultProjectionOutOfRange_Fails(double projection)
    {
        MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["theatre"]!["defaultProjection"] = projection,
            "$.crises[0].theatre.defaultProjection");
    }

    [Theory]
    [InlineData("CCC", -0.1)]
    [InlineData("CCC", 1.1)]
    [InlineData("AAA", 0.0)]
    [InlineData("BBB", 0.0)]
    public void Parse_ProjectionOutOfRange_FailsAtTheKey(string stateId, double projection)
    {
        MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["theatre"]!["projection"] = new JsonObject { [stateId] = projection },
            "$.crises[0].theatre.projection." + stateId);
    }

    [Fact]
    public void Parse_ZeroProjectionOfSupporter_IsAccepted()
    {
        var s = MinimalScenario.Parse(MinimalScenario.With(root =>
            MinimalScenario.Item(root, "crises")["theatre"]!["projection"] = new JsonObject { ["CCC"] = 0.0 }));

        Assert.Equal(0.0, s.Crises[0].Theatre.Projection["CCC"]);
    }

    [Fact]
    public void Parse_ProjectionForUnknownState_FailsAtTheKey()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["theatre"]!["projection"] = new JsonObject { ["ZZZ"] = 0.5 },
            "$.crises[0].theatre.projection.ZZZ");

        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EscalationTargetUnknown_FailsAtTarget()
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["escalation"] = new JsonArray(
                new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = 0.1 },
                new JsonObject { ["target"] = "ZZZ", ["region"] = "West", ["probability"] = 0.1 }),
            "$.crises[0].escalation[1].target");

        Assert.Contains("ZZZ", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.1, "1.1")]
    public void Parse_EscalationProbabilityOutOfRange_Fails(double probability, string found)
    {
        var e = MinimalScenario.ParseError(
            root => MinimalScenario.Item(root, "crises")["escalation"] = new JsonArray(
                new JsonObject { ["target"] = "CCC", ["region"] = "West", ["probability"] = probability }),
            "$.crises[0].escalation[0].probability");

        Assert.Equal(found, e.Found);
    }

    [Fact]
    public void Parse_SecondCrisisInvalid_FailsAtItsIndex()
    {
        MinimalScenario.ParseError(
            root =>
            {
                var second = MinimalScenario.Item(root, "crises").DeepClone().AsObject();
                second["id"] = "crisis-2";
                second["challenger"] = "CCC";
                second["defender"] = "CCC";
                root["crises"]!.AsArray().Add(second);
            },
            "$.crises[1].defender");
    }

    // ---- Validate on records built in code ------------------------------------------------------------------

    private static Scenario CodeScenario() => new(
        "code",
        [new State("AAA", "Alpha", 0.3, "East"), new State("BBB", "Beta", 0.2, "East"), new State("CCC", "Gamma", 0.1, "West")],
        [new Crisis("crisis-1", "AAA", "BBB", new Theatre("East"), StatusQuo: 0.5, ChallengerCost: 0.1) { DefenderCost = 0.1 }])
    {
        Commitments = [new Commitment("CCC", "BBB", CommitmentKind.BilateralDefence, 0.7, 0.8)],
    };

    [Fact]
    public void Validate_ValidCodeScenario_DoesNotThrow()
    {
        var ex = Record.Exception(() => ScenarioValidator.Validate(CodeScenario(), "code.json"));

        Assert.Null(ex);
    }

    [Fact]
    public void Validate_NaNCapability_FailsWithSourceAndPath()
    {
        var s = CodeScenario() with { States = [new State("AAA", "Alpha", double.NaN, "East"), new State("BBB", "Beta", 0.2, "East"), new State("CCC", "Gamma", 0.1, "West")] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.states[0].capability", e.JsonPath);
        Assert.Equal("code.json", e.Source);
        Assert.Contains("code.json", e.Message, StringComparison.Ordinal);
        Assert.Equal("NaN", e.Found);
    }

    [Fact]
    public void Validate_InfiniteCredulity_Fails()
    {
        var s = CodeScenario();
        s = s with { States = [s.States[0] with { Perception = new PerceptionProfile(Credulity: double.PositiveInfinity) }, s.States[1], s.States[2]] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.states[0].perception.credulity", e.JsonPath);
    }

    [Fact]
    public void Validate_NaNCapabilityBias_Fails()
    {
        var s = CodeScenario();
        s = s with { States = [s.States[0], s.States[1] with { Perception = new PerceptionProfile(CapabilityBias: double.NaN) }, s.States[2]] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.states[1].perception.capabilityBias", e.JsonPath);
    }

    [Fact]
    public void Validate_UndefinedEnumValue_Fails()
    {
        var s = CodeScenario();
        s = s with { Crises = [s.Crises[0] with { Bargaining = new Bargaining((BargainingProtocol)7) }] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.crises[0].bargaining.protocol", e.JsonPath);
        Assert.Equal("7", e.Found);
    }

    [Fact]
    public void Validate_UndefinedCommitmentKind_Fails()
    {
        var s = CodeScenario();
        s = s with { Commitments = [s.Commitments[0] with { Kind = (CommitmentKind)(-1) }] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.commitments[0].kind", e.JsonPath);
    }

    [Fact]
    public void Validate_NullRegions_FailsAtRegions()
    {
        var s = CodeScenario();
        s = s with { States = [s.States[0], s.States[1], s.States[2] with { Regions = null! }] };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s, "code.json"));

        Assert.Equal("$.states[2].regions", e.JsonPath);
    }

    [Fact]
    public void Validate_NoSource_UsesCodeAsSource()
    {
        var s = CodeScenario() with { Name = "" };

        var e = Assert.Throws<ScenarioException>(() => ScenarioValidator.Validate(s));

        Assert.Equal("<code>", e.Source);
        Assert.Equal("$.name", e.JsonPath);
    }

    [Fact]
    public void Validate_NullScenario_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ScenarioValidator.Validate(null!, "code.json"));
    }

    [Fact]
    public void Validate_EmbeddedScenario_IsValid()
    {
        var ex = Record.Exception(() => ScenarioValidator.Validate(ScenarioLoader.LoadEmbedded("indo-pacific-2023"), "embedded"));

        Assert.Null(ex);
    }
}
