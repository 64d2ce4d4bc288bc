using System.Text.Json;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Writes a scenario in the format of DESIGN.md section 6 with every field explicit, defaults included, so that the
/// document is also the map of every parameter path (a defaulted field can be overridden like any other).
/// </summary>
internal static class ScenarioJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Scenario s) => ToNode(s).ToJsonString(Indented);

    public static JsonObject ToNode(Scenario s) => new()
    {
        ["name"] = s.Name,
        ["year"] = s.Year,
        ["description"] = s.Description,
        ["sources"] = Strings(s.Sources),
        ["states"] = Array(s.States, State),
        ["alliances"] = Array(s.Alliances, Alliance),
        ["commitments"] = Array(s.Commitments, Commitment),
        ["crises"] = Array(s.Crises, Crisis),
        ["periods"] = s.Periods,
        ["learning"] = s.Learning,
        ["priorStrength"] = s.PriorStrength,
        ["overstretch"] = s.Overstretch,
    };

    private static JsonObject State(State s) => new()
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["capability"] = s.Capability,
        ["homeRegion"] = s.HomeRegion,
        ["regions"] = Strings(s.Regions),
        ["growthRate"] = s.GrowthRate,
        ["perception"] = new JsonObject
        {
            ["credulity"] = s.Perception.Credulity,
            ["noise"] = s.Perception.Noise,
            ["supporterNoise"] = s.Perception.SupporterNoise,
            ["capabilityBias"] = s.Perception.CapabilityBias,
        },
    };

    private static JsonObject Alliance(Alliance a) => new()
    {
        ["id"] = a.Id,
        ["members"] = Strings(a.Members),
        ["scope"] = Strings(a.Scope),
        ["decisionRule"] = a.DecisionRule.ToString(),
        ["memberReliability"] = a.MemberReliability,
        ["votePeriod"] = a.VotePeriod,
        ["preferences"] = Preferences(a.Preferences),
    };

    private static JsonObject Preferences(IReadOnlyDictionary<string, MemberPreference> preferences)
    {
        var node = new JsonObject();
        foreach (var (id, preference) in preferences)
        {
            node[id] = new JsonObject { ["support"] = preference.Support, ["supportUnderThreat"] = preference.SupportUnderThreat };
        }

        return node;
    }

    private static JsonObject Commitment(Commitment c) => new()
    {
        ["supporter"] = c.Supporter,
        ["protege"] = c.Protege,
        ["kind"] = c.Kind.ToString(),
        ["reliability"] = c.Reliability,
        ["signal"] = c.Signal,
        ["scope"] = Strings(c.Scope),
        ["outOfScopeReliability"] = c.OutOfScopeReliability,
        ["deepening"] = new JsonObject { ["reliability"] = c.Deepening.Reliability, ["signal"] = c.Deepening.Signal },
        ["alliance"] = c.Alliance,
        ["informationSharing"] = c.InformationSharing,
    };

    private static JsonObject Crisis(Crisis c)
    {
        var projection = new JsonObject();
        foreach (var (id, value) in c.Theatre.Projection)
        {
            projection[id] = value;
        }

        return new JsonObject
        {
            ["id"] = c.Id,
            ["challenger"] = c.Challenger,
            ["defender"] = c.Defender,
            ["theatre"] = new JsonObject
            {
                ["region"] = c.Theatre.Region,
                ["defaultProjection"] = c.Theatre.DefaultProjection,
                ["projection"] = projection,
            },
            ["statusQuo"] = c.StatusQuo,
            ["challengerCost"] = c.ChallengerCost,
            ["defenderCost"] = c.DefenderCost,
            ["discount"] = c.Discount,
            ["decisiveness"] = c.Decisiveness,
            ["foresight"] = c.Foresight,
            ["bargaining"] = new JsonObject
            {
                ["protocol"] = c.Bargaining.Protocol.ToString(),
                ["challengerPower"] = c.Bargaining.ChallengerPower,
                ["defenderCostUpperBound"] = c.Bargaining.DefenderCostUpperBound,
            },
            ["escalation"] = Array(c.Escalation, e => new JsonObject
            {
                ["target"] = e.Target,
                ["region"] = e.Region,
                ["probability"] = e.Probability,
            }),
        };
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add((JsonNode?)JsonValue.Create(v)); // the non-generic Add: no reflection, safe to trim
        }

        return array;
    }

    private static JsonArray Array<T>(IReadOnlyList<T> items, Func<T, JsonObject> write)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add((JsonNode)write(item));
        }

        return array;
    }
}
