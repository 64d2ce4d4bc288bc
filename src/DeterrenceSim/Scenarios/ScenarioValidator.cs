using System.Globalization;
using System.Text.RegularExpressions;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Checks a scenario against the domains and cross-references of DESIGN.md section 6, whether it was loaded from JSON
/// or built in code. Errors name the JSON path the offending value has (or would have) in the scenario file.
/// </summary>
public static partial class ScenarioValidator
{
    private const string Missing = "nothing (the field is missing or null)";

    /// <summary>Validates a scenario; returns normally when it is valid.</summary>
    /// <param name="scenario">The scenario to check.</param>
    /// <param name="source">The file or source name used in error messages. The default value is <c>&lt;code&gt;</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">The first invalid value found, with its JSON path.</exception>
    public static void Validate(Scenario scenario, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        new Checker(source ?? "<code>").Check(scenario);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex IdPattern();

    private sealed class Checker(string source)
    {
        public void Check(Scenario s)
        {
            NonEmpty(s.Name, "$.name");
            NotNull(s.States, "$.states", "an array");
            NotNull(s.Crises, "$.crises", "an array");
            NotNull(s.Alliances, "$.alliances", "an array");
            NotNull(s.Commitments, "$.commitments", "an array");
            NotNull(s.Sources, "$.sources", "an array");
            if (s.States.Count == 0)
            {
                throw Error("$.states", "a non-empty array of states", "an empty array");
            }

            var states = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < s.States.Count; i++)
            {
                CheckState(s.States[i], At("$.states", i), states, i);
            }

            var alliances = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < s.Alliances.Count; i++)
            {
                CheckAlliance(s.Alliances[i], At("$.alliances", i), states, alliances);
            }

            var pairs = new HashSet<(string, string)>();
            for (int i = 0; i < s.Commitments.Count; i++)
            {
                CheckCommitment(s.Commitments[i], At("$.commitments", i), states, alliances, pairs);
            }

            if (s.Crises.Count == 0)
            {
                throw Error("$.crises", "a non-empty array of crises", "an empty array");
            }

            var crises = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < s.Crises.Count; i++)
            {
                CheckCrisis(s.Crises[i], At("$.crises", i), states, crises);
            }

            CheckNoStateSupportsBothSides(s);
            if (s.Periods < 1 || s.Periods > Scenario.MaxPeriods)
            {
                throw Error("$.periods", $"an integer from 1 to {Scenario.MaxPeriods}", s.Periods.ToString(CultureInfo.InvariantCulture));
            }

            NonNegative(s.PriorStrength, "$.priorStrength");
            if (!double.IsFinite(s.Overstretch) || s.Overstretch < 1)
            {
                throw Error("$.overstretch", "a finite number >= 1 (1: no overstretch)", Show(s.Overstretch));
            }
        }

        private void CheckState(State state, string path, Dictionary<string, int> ids, int index)
        {
            NotNull(state, path, "a state object");
            Id(state.Id, path + ".id");
            if (!ids.TryAdd(state.Id, index))
            {
                throw Error(path + ".id", "a state id unique in $.states", $"\"{state.Id}\", already the id of $.states[{ids[state.Id]}]");
            }

            NonEmpty(state.Name, path + ".name");
            Positive(state.Capability, path + ".capability");
            NonEmpty(state.HomeRegion, path + ".homeRegion");
            Strings(state.Regions, path + ".regions");
            if (!double.IsFinite(state.GrowthRate) || state.GrowthRate <= -1)
            {
                throw Error(path + ".growthRate", "a finite number > -1", Show(state.GrowthRate));
            }

            NotNull(state.Perception, path + ".perception", "a perception object");
            string p = path + ".perception";
            Probability(state.Perception.Credulity, p + ".credulity");
            NonNegative(state.Perception.Noise, p + ".noise");
            NonNegative(state.Perception.SupporterNoise, p + ".supporterNoise");
            Finite(state.Perception.CapabilityBias, p + ".capabilityBias");
        }

        private void CheckAlliance(Alliance alliance, string path, Dictionary<string, int> states, HashSet<string> ids)
        {
            NotNull(alliance, path, "an alliance object");
            Id(alliance.Id, path + ".id");
            if (!ids.Add(alliance.Id))
            {
                throw Error(path + ".id", "an alliance id unique in $.alliances", $"\"{alliance.Id}\" again");
            }

            NotNull(alliance.Members, path + ".members", "an array of state ids");
            var members = new HashSet<string>(StringComparer.Ordinal);
            for (int m = 0; m < alliance.Members.Count; m++)
            {
                string memberPath = At(path + ".members", m);
                ExistingState(alliance.Members[m], memberPath, states);
                if (!members.Add(alliance.Members[m]))
                {
                    throw Error(memberPath, "each member once", $"\"{alliance.Members[m]}\" again");
                }
            }

            Strings(alliance.Scope, path + ".scope");
            Defined(alliance.DecisionRule, path + ".decisionRule");
            Probability(alliance.MemberReliability, path + ".memberReliability");
            if (alliance.VotePeriod < 1)
            {
                throw Error(path + ".votePeriod", "an integer >= 1", alliance.VotePeriod.ToString(CultureInfo.InvariantCulture));
            }

            NotNull(alliance.Preferences, path + ".preferences", "an object of member ids to preferences");
            foreach (var (id, preference) in alliance.Preferences.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                string p = path + ".preferences." + id;
                if (!members.Contains(id))
                {
                    throw Error(p, "the id of a member of this alliance", $"\"{id}\", not a member");
                }

                NotNull(preference, p, "a preference object");
                Probability(preference.Support, p + ".support");
                if (preference.SupportUnderThreat is double underThreat)
                {
                    Probability(underThreat, p + ".supportUnderThreat");
                }
            }
        }

        private void CheckCommitment(Commitment c, string path, Dictionary<string, int> states, HashSet<string> alliances, HashSet<(string, string)> pairs)
        {
            NotNull(c, path, "a commitment object");
            ExistingState(c.Supporter, path + ".supporter", states);
            ExistingState(c.Protege, path + ".protege", states);
            if (c.Supporter == c.Protege)
            {
                throw Error(path + ".protege", "a state other than the supporter", $"\"{c.Protege}\", a commitment from a state to itself");
            }

            if (!pairs.Add((c.Supporter, c.Protege)))
            {
                throw Error(path, "one commitment per (supporter, protege)", $"a second commitment {c.Supporter}>{c.Protege}");
            }

            Defined(c.Kind, path + ".kind");
            Probability(c.Reliability, path + ".reliability");
            if (!double.IsFinite(c.Signal) || c.Signal <= 0 || c.Signal >= 1)
            {
                throw Error(path + ".signal", "a number in the open interval (0, 1)", Show(c.Signal));
            }

            Strings(c.Scope, path + ".scope");
            Probability(c.OutOfScopeReliability, path + ".outOfScopeReliability");
            NotNull(c.Deepening, path + ".deepening", "a deepening object");
            Finite(c.Deepening.Reliability, path + ".deepening.reliability");
            Finite(c.Deepening.Signal, path + ".deepening.signal");
            if (c.Alliance is not null && !alliances.Contains(c.Alliance))
            {
                throw Error(path + ".alliance", "the id of an alliance in $.alliances", Quote(c.Alliance));
            }

            Probability(c.InformationSharing, path + ".informationSharing");
        }

        private void CheckCrisis(Crisis c, string path, Dictionary<string, int> states, HashSet<string> ids)
        {
            NotNull(c, path, "a crisis object");
            Id(c.Id, path + ".id");
            if (!ids.Add(c.Id))
            {
                throw Error(path + ".id", "a crisis id unique in $.crises", $"\"{c.Id}\" again");
            }

            ExistingState(c.Challenger, path + ".challenger", states);
            ExistingState(c.Defender, path + ".defender", states);
            if (c.Challenger == c.Defender)
            {
                throw Error(path + ".defender", "a state other than the challenger", $"\"{c.Defender}\", the challenger itself");
            }

            NotNull(c.Theatre, path + ".theatre", "a theatre object");
            NonEmpty(c.Theatre.Region, path + ".theatre.region");
            Probability(c.Theatre.DefaultProjection, path + ".theatre.defaultProjection");
            NotNull(c.Theatre.Projection, path + ".theatre.projection", "an object of state ids to numbers");
            foreach (var (stateId, projection) in c.Theatre.Projection.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                string p = path + ".theatre.projection." + stateId;
                if (!states.ContainsKey(stateId))
                {
                    throw Error(p, "the id of a state in $.states", $"an unknown state id \"{stateId}\"");
                }

                Probability(projection, p);
                if ((stateId == c.Challenger || stateId == c.Defender) && projection <= 0)
                {
                    throw Error(p, "a number in (0, 1] for a protagonist", Show(projection));
                }
            }

            Probability(c.StatusQuo, path + ".statusQuo");
            Probability(c.ChallengerCost, path + ".challengerCost");
            NotNull(c.Bargaining, path + ".bargaining", "a bargaining object");
            Defined(c.Bargaining.Protocol, path + ".bargaining.protocol");
            if (c.DefenderCost is double defenderCost)
            {
                Probability(defenderCost, path + ".defenderCost");
            }
            else if (c.Bargaining.Protocol == BargainingProtocol.NashSplit)
            {
                throw Error(path + ".defenderCost", "a number in [0, 1] (required when bargaining.protocol is NashSplit)", Missing);
            }

            if (!double.IsFinite(c.Discount) || c.Discount <= 0 || c.Discount >= 1)
            {
                throw Error(path + ".discount", "a number in the open interval (0, 1)", Show(c.Discount));
            }

            Positive(c.Decisiveness, path + ".decisiveness");
            if (c.Foresight < 1)
            {
                throw Error(path + ".foresight", "an integer >= 1", c.Foresight.ToString(CultureInfo.InvariantCulture));
            }

            Probability(c.Bargaining.ChallengerPower, path + ".bargaining.challengerPower");
            string upperPath = path + ".bargaining.defenderCostUpperBound";
            if (c.Bargaining.DefenderCostUpperBound is double upper)
            {
                if (!double.IsFinite(upper) || upper <= 0 || upper > 1)
                {
                    throw Error(upperPath, "a number in (0, 1]", Show(upper));
                }
            }
            else if (c.Bargaining.Protocol == BargainingProtocol.TakeItOrLeaveIt)
            {
                throw Error(upperPath, "a number in (0, 1] (required when bargaining.protocol is TakeItOrLeaveIt)", Missing);
            }

            NotNull(c.Escalation, path + ".escalation", "an array");
            for (int i = 0; i < c.Escalation.Count; i++)
            {
                string p = At(path + ".escalation", i);
                NotNull(c.Escalation[i], p, "an escalation object");
                ExistingState(c.Escalation[i].Target, p + ".target", states);
                if (c.Escalation[i].Target == c.Challenger)
                {
                    throw Error(p + ".target", "a state the challenger strikes, not the challenger itself", Quote(c.Escalation[i].Target));
                }

                NonEmpty(c.Escalation[i].Region, p + ".region");
                Probability(c.Escalation[i].Probability, p + ".probability");
            }
        }

        private void CheckNoStateSupportsBothSides(Scenario s)
        {
            for (int k = 0; k < s.Crises.Count; k++)
            {
                var crisis = s.Crises[k];
                var supportsChallenger = new HashSet<string>(StringComparer.Ordinal);
                var supportsDefender = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < s.Commitments.Count; i++)
                {
                    var c = s.Commitments[i];
                    bool toChallenger = c.Protege == crisis.Challenger && c.Supporter != crisis.Defender;
                    bool toDefender = c.Protege == crisis.Defender && c.Supporter != crisis.Challenger;
                    if ((toChallenger && supportsDefender.Contains(c.Supporter)) || (toDefender && supportsChallenger.Contains(c.Supporter)))
                    {
                        throw Error(
                            At("$.commitments", i),
                            $"a supporter on one side only of crisis \"{crisis.Id}\"",
                            $"\"{c.Supporter}\" committed to both {crisis.Challenger} and {crisis.Defender}");
                    }

                    if (toChallenger)
                    {
                        supportsChallenger.Add(c.Supporter);
                    }
                    else if (toDefender)
                    {
                        supportsDefender.Add(c.Supporter);
                    }
                }
            }
        }

        // ---- value checks -------------------------------------------------------------------------------

        private void NotNull(object? value, string path, string expected)
        {
            if (value is null)
            {
                throw Error(path, expected, "null");
            }
        }

        private void NonEmpty(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Error(path, "a non-empty string", value is null ? "null" : Quote(value));
            }
        }

        private void Strings(IReadOnlyList<string>? values, string path)
        {
            NotNull(values, path, "an array of strings");
            for (int i = 0; i < values!.Count; i++)
            {
                NonEmpty(values[i], At(path, i));
            }
        }

        private void Id(string? id, string path)
        {
            NonEmpty(id, path);
            if (!IdPattern().IsMatch(id!))
            {
                throw Error(path, "an id of letters, digits, '_' and '-' only", Quote(id!));
            }
        }

        private void ExistingState(string? id, string path, Dictionary<string, int> states)
        {
            NonEmpty(id, path);
            if (!states.ContainsKey(id!))
            {
                throw Error(path, "the id of a state in $.states", $"an unknown state id \"{id}\"");
            }
        }

        private void Probability(double value, string path)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                throw Error(path, "a number in [0, 1]", Show(value));
            }
        }

        private void NonNegative(double value, string path)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw Error(path, "a finite number >= 0", Show(value));
            }
        }

        private void Positive(double value, string path)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw Error(path, "a finite number > 0", Show(value));
            }
        }

        private void Finite(double value, string path)
        {
            if (!double.IsFinite(value))
            {
                throw Error(path, "a finite number", Show(value));
            }
        }

        private void Defined<TEnum>(TEnum value, string path)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                throw Error(path, "one of " + string.Join(", ", Enum.GetNames<TEnum>()), value.ToString());
            }
        }

        private ScenarioException Error(string path, string expected, string found) => new(source, path, expected, found);

        private static string At(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        private static string Quote(string value) => "\"" + value + "\"";

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
