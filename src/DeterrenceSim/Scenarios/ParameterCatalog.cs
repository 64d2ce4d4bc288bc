using System.Globalization;
using System.Text.Json.Nodes;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Every parameter a scenario has, in one table: its type, domain, default, whether it takes integers and whether it
/// acts in single rounds or only in runs over periods (DESIGN.md sections 2-6). The sweep's checks, the CLI's warnings
/// and <c>list --parameters</c> read it; a test holds it to the validator (every bound is tried on both sides).
/// </summary>
public static class ParameterCatalog
{
    /// <summary>The collections whose next path segment selects an item (or a map key) rather than a field.</summary>
    private static readonly HashSet<string> Selecting = new(StringComparer.Ordinal)
    {
        "states", "alliances", "commitments", "crises", "escalation", "projection", "preferences",
    };

    private static readonly Dictionary<string, Spec> Specs = new[]
    {
        Spec.Integer("year", null, null, nullable: true, "null", ParameterActs.Nowhere),
        Spec.Integer("periods", 1, Scenario.MaxPeriods, nullable: false, "20", ParameterActs.Runs),
        Spec.Boolean("learning", "true", ParameterActs.Runs),
        Spec.Number("priorStrength", 0, false, null, false, "10", ParameterActs.Runs),
        Spec.Number("overstretch", 1, false, null, false, "1", ParameterActs.Runs),
        Spec.Number("states.*.capability", 0, true, null, false, null, ParameterActs.Rounds),
        Spec.Name("states.*.homeRegion", "a region name", null, ParameterActs.Nowhere),
        Spec.Number("states.*.growthRate", -1, true, null, false, "0", ParameterActs.Rounds),
        Spec.Number("states.*.perception.credulity", 0, false, 1, false, "0", ParameterActs.Rounds),
        Spec.Number("states.*.perception.noise", 0, false, null, false, "0", ParameterActs.Rounds),
        Spec.Number("states.*.perception.supporterNoise", 0, false, null, false, "0", ParameterActs.Rounds),
        Spec.Number("states.*.perception.capabilityBias", null, false, null, false, "0", ParameterActs.Rounds),
        Spec.Choice("alliances.*.decisionRule", Enum.GetNames<DecisionRule>(), nameof(DecisionRule.Consensus), ParameterActs.Runs),
        Spec.Number("alliances.*.memberReliability", 0, false, 1, false, "0", ParameterActs.Rounds),
        Spec.Integer("alliances.*.votePeriod", 1, null, nullable: false, "1", ParameterActs.Runs),
        Spec.Number("alliances.*.preferences.*.support", 0, false, 1, false, "1", ParameterActs.Runs),
        Spec.Number("alliances.*.preferences.*.supportUnderThreat", 0, false, 1, false, "null", ParameterActs.Runs, nullable: true),
        Spec.Name("commitments.*.supporter", "a state id", null),
        Spec.Name("commitments.*.protege", "a state id", null),
        Spec.Choice("commitments.*.kind", Enum.GetNames<CommitmentKind>(), null, ParameterActs.Nowhere),
        Spec.Number("commitments.*.reliability", 0, false, 1, false, null, ParameterActs.Rounds),
        Spec.Number("commitments.*.signal", 0, true, 1, true, null, ParameterActs.Rounds),
        Spec.Number("commitments.*.outOfScopeReliability", 0, false, 1, false, "0", ParameterActs.Rounds),
        Spec.Number("commitments.*.deepening.reliability", null, false, null, false, "0", ParameterActs.Rounds),
        Spec.Number("commitments.*.deepening.signal", null, false, null, false, "0", ParameterActs.Rounds),
        Spec.Number("commitments.*.informationSharing", 0, false, 1, false, "0", ParameterActs.Rounds),
        Spec.Name("commitments.*.alliance", "an alliance id or null", "null", ParameterActs.Runs),
        Spec.Name("crises.*.challenger", "a state id", null),
        Spec.Name("crises.*.defender", "a state id", null),
        Spec.Name("crises.*.theatre.region", "a region name", null),
        Spec.Number("crises.*.theatre.defaultProjection", 0, false, 1, false, "1", ParameterActs.Rounds),
        Spec.Number("crises.*.theatre.projection.*", 0, false, 1, false, "theatre.defaultProjection", ParameterActs.Rounds, note: "(0, 1] for the challenger and the defender"),
        Spec.Number("crises.*.statusQuo", 0, false, 1, false, null, ParameterActs.Rounds),
        Spec.Number("crises.*.challengerCost", 0, false, 1, false, null, ParameterActs.Rounds),
        Spec.Number("crises.*.defenderCost", 0, false, 1, false, "null", ParameterActs.Rounds, nullable: true, note: "required with the NashSplit protocol"),
        Spec.Number("crises.*.discount", 0, true, 1, true, "0.9", ParameterActs.Rounds),
        Spec.Number("crises.*.decisiveness", 0, true, null, false, "1", ParameterActs.Rounds),
        Spec.Integer("crises.*.foresight", 1, null, nullable: false, "1", ParameterActs.Rounds),
        Spec.Choice("crises.*.bargaining.protocol", Enum.GetNames<BargainingProtocol>(), nameof(BargainingProtocol.NashSplit), ParameterActs.Rounds),
        Spec.Number("crises.*.bargaining.challengerPower", 0, false, 1, false, "0.5", ParameterActs.Rounds),
        Spec.Number("crises.*.bargaining.defenderCostUpperBound", 0, true, 1, false, "null", ParameterActs.Rounds, nullable: true, note: "required with the TakeItOrLeaveIt protocol"),
        Spec.Name("crises.*.escalation.*.target", "a state id other than the challenger", null),
        Spec.Name("crises.*.escalation.*.region", "a region name", null),
        Spec.Number("crises.*.escalation.*.probability", 0, false, 1, false, null, ParameterActs.Rounds),
    }.ToDictionary(s => s.Pattern, StringComparer.Ordinal);

    /// <summary>The pattern of a parameter path: every item selector and map key replaced by <c>*</c>
    /// (<c>states.CHN.perception.credulity</c> gives <c>states.*.perception.credulity</c>).</summary>
    /// <param name="path">A parameter path, concrete or with wildcards.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static string PatternOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        for (int i = 1; i < segments.Length; i++)
        {
            if (Selecting.Contains(segments[i - 1]))
            {
                segments[i] = "*";
            }
        }

        return string.Join('.', segments);
    }

    /// <summary>Whether a parameter path addresses a field that acts only in runs over periods (learning, engagement
    /// votes, overstretch), so it cannot change a single round.</summary>
    /// <param name="path">A parameter path.</param>
    /// <returns><see langword="true"/> for a runs-only field; <see langword="false"/> otherwise or for an unknown path.</returns>
    public static bool IsRunsOnly(string path) => Specs.TryGetValue(PatternOf(path), out var spec) && spec.Acts == ParameterActs.Runs;

    /// <summary>Whether a parameter path addresses a field that takes integers only (<c>periods</c>, <c>year</c>,
    /// <c>votePeriod</c>, <c>foresight</c>).</summary>
    /// <param name="path">A parameter path.</param>
    /// <returns><see langword="true"/> for an integer field.</returns>
    public static bool IsInteger(string path) => Specs.TryGetValue(PatternOf(path), out var spec) && spec.Type == "integer";

    /// <summary>Describes every parameter of a scenario: each concrete path <c>--set</c> and sweeps accept, with its
    /// value, type, domain and default, in the order of the scenario's JSON.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>One description per parameter. Identifiers, names, texts and lists of names (members, scopes,
    /// regions, sources) are not parameters and are not listed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ParameterDescription> Describe(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var list = new List<ParameterDescription>();
        Walk(ScenarioJsonWriter.ToNode(scenario), "", list);
        return list;
    }

    private static void Walk(JsonObject node, string path, List<ParameterDescription> list)
    {
        foreach (var (key, child) in node)
        {
            string childPath = path.Length == 0 ? key : path + "." + key;
            if (child is JsonObject obj)
            {
                Walk(obj, childPath, list);
            }
            else if (child is JsonArray array && key is "states" or "alliances" or "commitments" or "crises" or "escalation")
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        string selector = key switch
                        {
                            "commitments" => item["supporter"]?.GetValue<string>() + ">" + item["protege"]?.GetValue<string>(),
                            "escalation" => i.ToString(CultureInfo.InvariantCulture),
                            _ => item["id"]?.GetValue<string>() ?? i.ToString(CultureInfo.InvariantCulture),
                        };
                        Walk(item, childPath + "." + selector, list);
                    }
                }
            }
            else if (child is not JsonArray && Specs.TryGetValue(PatternOf(childPath), out var spec))
            {
                list.Add(new ParameterDescription(childPath, child?.ToJsonString() ?? "null", spec.Type, spec.Domain, spec.Default, spec.Acts));
            }
        }
    }

    /// <summary>The bounds of a numeric field, for the test that holds the table to the validator.</summary>
    internal static IEnumerable<(string Pattern, string Type, double? Min, bool MinOpen, double? Max, bool MaxOpen, bool Nullable)> NumericSpecs =>
        Specs.Values.Where(s => s.Type is "number" or "integer").Select(s => (s.Pattern, s.Type, s.Min, s.MinOpen, s.Max, s.MaxOpen, s.Nullable));

    private sealed record Spec(string Pattern, string Type, string Domain, string? Default, ParameterActs Acts)
    {
        public double? Min { get; init; }

        public bool MinOpen { get; init; }

        public double? Max { get; init; }

        public bool MaxOpen { get; init; }

        public bool Nullable { get; init; }

        public static Spec Number(string pattern, double? min, bool minOpen, double? max, bool maxOpen, string? @default, ParameterActs acts, bool nullable = false, string? note = null) =>
            new(pattern, "number", Interval(min, minOpen, max, maxOpen) + (nullable ? " or null" : "") + (note is null ? "" : "; " + note), @default, acts)
            {
                Min = min,
                MinOpen = minOpen,
                Max = max,
                MaxOpen = maxOpen,
                Nullable = nullable,
            };

        public static Spec Integer(string pattern, double? min, double? max, bool nullable, string? @default, ParameterActs acts) =>
            new(pattern, "integer", (min is null ? "an integer" : max is null ? $"an integer >= {min}" : $"an integer from {min} to {max}") + (nullable ? " or null" : ""), @default, acts)
            {
                Min = min,
                Max = max,
                Nullable = nullable,
            };

        public static Spec Boolean(string pattern, string @default, ParameterActs acts) => new(pattern, "boolean", "true or false", @default, acts);

        public static Spec Choice(string pattern, string[] choices, string? @default, ParameterActs acts) =>
            new(pattern, "choice", string.Join(" | ", choices), @default is null ? null : "\"" + @default + "\"", acts);

        public static Spec Name(string pattern, string domain, string? @default, ParameterActs acts = ParameterActs.Rounds) => new(pattern, "reference", domain, @default, acts);

        private static string Interval(double? min, bool minOpen, double? max, bool maxOpen)
        {
            string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
            return (min, max) switch
            {
                (null, null) => "a finite number",
                ({ } lo, null) => (minOpen ? "> " : ">= ") + Show(lo),
                (null, { } hi) => (maxOpen ? "< " : "<= ") + Show(hi),
                ({ } lo, { } hi) => (minOpen ? "(" : "[") + Show(lo) + ", " + Show(hi) + (maxOpen ? ")" : "]"),
            };
        }
    }
}
