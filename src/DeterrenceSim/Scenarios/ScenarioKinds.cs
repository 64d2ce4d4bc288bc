using System.Runtime.CompilerServices;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// The scenario format (DESIGN.md section 6) in one table: every kind of object, its fields in the order of the format,
/// and every parameter described once, with its domain, default, where it acts and its accessors on the model record.
/// The reader, the writer, the validator, the sweep's record setters, <see cref="ParameterCatalog"/> (<c>list
/// --parameters</c>, the sweep's integer and runs-only checks) and <see cref="ScenarioSchema"/> all read it. A new
/// scalar field is its record property and one entry here; a test fails when a record property is in no entry.
/// </summary>
internal static class ScenarioKinds
{
    /// <summary>Gets the root object: the scenario.</summary>
    public static readonly ScenarioKind Scenario = new("scenario", "", typeof(Scenario),
    [
        Structure("name", nameof(Model.Scenario.Name)),
        NullableInteger<Scenario>("year", s => s.Year, (s, v) => s with { Year = v }, "The year the scenario depicts: an integer, or null (the default) for none.", acts: ParameterActs.Nowhere),
        Structure("description", nameof(Model.Scenario.Description)),
        Structure("sources", nameof(Model.Scenario.Sources)),
        Structure("states", nameof(Model.Scenario.States)),
        Structure("alliances", nameof(Model.Scenario.Alliances)),
        Structure("commitments", nameof(Model.Scenario.Commitments)),
        Structure("crises", nameof(Model.Scenario.Crises)),
        Integer<Scenario>("periods", s => s.Periods, (s, v) => s with { Periods = v }, $"Periods T of a run (simulate): an integer from 1 to {Model.Scenario.MaxPeriods}. Default 20.", min: 1, max: Model.Scenario.MaxPeriods, @default: "20", acts: ParameterActs.Runs),
        Boolean<Scenario>("learning", s => s.Learning, (s, v) => s with { Learning = v }, "Credibility learning in runs over periods. Default true.", @default: "true", acts: ParameterActs.Runs),
        Number<Scenario>("priorStrength", s => s.PriorStrength, (s, v) => s with { PriorStrength = v }, "Pseudo-observations n0 of each prior belief, >= 0; 0 lets the first observation dominate. Default 10.", min: 0, @default: "10", acts: ParameterActs.Runs),
        Number<Scenario>("overstretch", s => s.Overstretch, (s, v) => s with { Overstretch = v }, "Factor, >= 1, by which a state that fought projects less into later crises of the period; 1 (the default) is none.", min: 1, @default: "1", acts: ParameterActs.Runs, hint: "1: no overstretch"),
        Structure("variants", nameof(Model.Scenario.Variants)),
    ]);

    /// <summary>Gets a state.</summary>
    public static readonly ScenarioKind State = new("state", "states.*", typeof(State),
    [
        Structure("id", nameof(Model.State.Id)),
        Structure("name", nameof(Model.State.Name)),
        Number<State>("capability", s => s.Capability, (s, v) => s with { Capability = v }, "Material capability K, > 0 (CINC share in the shipped scenario).", min: 0, minOpen: true),
        Reference<State>("homeRegion", s => s.HomeRegion, (s, v) => s with { HomeRegion = v }, ScenarioReference.Region, "a region name", "The region of the state's home territory (non-blank).", acts: ParameterActs.Nowhere),
        Structure("regions", nameof(Model.State.Regions)),
        Number<State>("growthRate", s => s.GrowthRate, (s, v) => s with { GrowthRate = v }, "Capability growth g per period, > -1: K grows by (1 + g). Default 0.", min: -1, minOpen: true, @default: "0"),
        Structure("perception", nameof(Model.State.Perception)),
    ]);

    /// <summary>Gets a state's perception profile.</summary>
    public static readonly ScenarioKind Perception = new("perception", "states.*.perception", typeof(PerceptionProfile),
    [
        Number<PerceptionProfile>("credulity", p => p.Credulity, (p, v) => p with { Credulity = v }, "Credulity kappa in [0, 1]: how far perceived reliability is pulled towards the visible signal. Default 0.", min: 0, max: 1, @default: "0"),
        Number<PerceptionProfile>("noise", p => p.Noise, (p, v) => p with { Noise = v }, "Optimism noise sigma >= 0 on the perceived balance (logit scale). Default 0.", min: 0, @default: "0"),
        Number<PerceptionProfile>("supporterNoise", p => p.SupporterNoise, (p, v) => p with { SupporterNoise = v }, "Per-supporter reliability error s >= 0 (logit scale). Default 0.", min: 0, @default: "0"),
        Number<PerceptionProfile>("capabilityBias", p => p.CapabilityBias, (p, v) => p with { CapabilityBias = v }, "Capability bias b (log scale); b > 0 overrates the opponent. Default 0.", @default: "0"),
        NullableNumber<PerceptionProfile>("ownCredulity", p => p.OwnCredulity, (p, v) => p with { OwnCredulity = v }, "Credulity in [0, 1] towards the observer's own supporters; null (the default): as credulity.", min: 0, max: 1),
        NullableNumber<PerceptionProfile>("opponentCredulity", p => p.OpponentCredulity, (p, v) => p with { OpponentCredulity = v }, "Credulity in [0, 1] towards the opponent's supporters; null (the default): as credulity.", min: 0, max: 1),
        Number<PerceptionProfile>("reach", p => p.Reach, (p, v) => p with { Reach = v }, "Perceived reach r in [0, 1]: the opponent's supporters' projection is read as pi + r (1 - pi). Default 0.", min: 0, max: 1, @default: "0"),
        Number<PerceptionProfile>("anticipation", p => p.Anticipation, (p, v) => p with { Anticipation = v }, "Anticipated commitment alpha in [0, 1]: the share of each opposing supporter's gap from reliability to signal expected to close over the foresight (acts through the preventive test, so only the challenger's). Default 0.", min: 0, max: 1, @default: "0"),
        Number<PerceptionProfile>("cohesion", p => p.Cohesion, (p, v) => p with { Cohesion = v }, "Perceived cohesion chi in [0, 1]: partnerships with an alliance's members read as the whole alliance's commitment, at chi times the partners' perceived reliability. Default 0.", min: 0, max: 1, @default: "0"),
    ]);

    /// <summary>Gets an alliance.</summary>
    public static readonly ScenarioKind Alliance = new("alliance", "alliances.*", typeof(Alliance),
    [
        Structure("id", nameof(Model.Alliance.Id)),
        Structure("members", nameof(Model.Alliance.Members)),
        Structure("scope", nameof(Model.Alliance.Scope)),
        Choice<Alliance, DecisionRule>("decisionRule", a => a.DecisionRule, (a, v) => a with { DecisionRule = v }, "How the alliance votes on deepening: Consensus (the default) or Majority.", DecisionRule.Consensus, acts: ParameterActs.Runs),
        Number<Alliance>("memberReliability", a => a.MemberReliability, (a, v) => a with { MemberReliability = v }, "Probability in [0, 1] that a member joins when the clause is triggered by escalation. Default 0.", min: 0, max: 1, @default: "0"),
        Integer<Alliance>("votePeriod", a => a.VotePeriod, (a, v) => a with { VotePeriod = v }, "Periods between votes on deepening: an integer >= 1. Default 1.", min: 1, @default: "1", acts: ParameterActs.Runs),
        Structure("preferences", nameof(Model.Alliance.Preferences)),
    ]);

    /// <summary>Gets an alliance member's voting preference.</summary>
    public static readonly ScenarioKind Preference = new("preference", "alliances.*.preferences.*", typeof(MemberPreference),
    [
        Number<MemberPreference>("support", p => p.Support, (p, v) => p with { Support = v }, "Probability in [0, 1] of a yes vote. Default 1.", min: 0, max: 1, @default: "1", acts: ParameterActs.Runs),
        NullableNumber<MemberPreference>("supportUnderThreat", p => p.SupportUnderThreat, (p, v) => p with { SupportUnderThreat = v }, "Probability in [0, 1] of a yes vote after a war against the member or a protege since the last vote; null (the default): as support.", min: 0, max: 1, acts: ParameterActs.Runs),
    ]);

    /// <summary>Gets a commitment.</summary>
    public static readonly ScenarioKind Commitment = new("commitment", "commitments.*", typeof(Commitment),
    [
        Reference<Commitment>("supporter", c => c.Supporter, (c, v) => c with { Supporter = v }, ScenarioReference.State, "a state id", "The id of the supporting state."),
        Reference<Commitment>("protege", c => c.Protege, (c, v) => c with { Protege = v }, ScenarioReference.State, "a state id", "The id of the supported state, not the supporter."),
        Choice<Commitment, CommitmentKind>("kind", c => c.Kind, (c, v) => c with { Kind = v }, "The kind of tie.", null, acts: ParameterActs.Nowhere),
        Number<Commitment>("reliability", c => c.Reliability, (c, v) => c with { Reliability = v }, "True probability rho in [0, 1] of fighting where in scope.", min: 0, max: 1),
        Number<Commitment>("signal", c => c.Signal, (c, v) => c with { Signal = v }, "Visible engagement v, in the open interval (0, 1).", min: 0, minOpen: true, max: 1, maxOpen: true),
        Structure("scope", nameof(Model.Commitment.Scope)),
        Number<Commitment>("outOfScopeReliability", c => c.OutOfScopeReliability, (c, v) => c with { OutOfScopeReliability = v }, "Probability in [0, 1] of fighting out of scope. Default 0.", min: 0, max: 1, @default: "0"),
        Structure("deepening", nameof(Model.Commitment.Deepening)),
        NullableReference<Commitment>("alliance", c => c.Alliance, (c, v) => c with { Alliance = v }, ScenarioReference.Alliance, "an alliance id or null", "The id of the alliance whose votes govern deepening; null (the default): deepens every period.", acts: ParameterActs.Runs),
        Number<Commitment>("informationSharing", c => c.InformationSharing, (c, v) => c with { InformationSharing = v }, "Information sharing phi in [0, 1]: shrinks the protege's noise. Default 0.", min: 0, max: 1, @default: "0"),
    ]);

    /// <summary>Gets a commitment's deepening.</summary>
    public static readonly ScenarioKind Deepening = new("deepening", "commitments.*.deepening", typeof(Deepening),
    [
        Number<Deepening>("reliability", d => d.Reliability, (d, v) => d with { Reliability = v }, "Change of the reliability per period. Default 0.", @default: "0"),
        Number<Deepening>("signal", d => d.Signal, (d, v) => d with { Signal = v }, "Change of the signal per period. Default 0.", @default: "0"),
    ]);

    /// <summary>Gets a crisis.</summary>
    public static readonly ScenarioKind Crisis = new("crisis", "crises.*", typeof(Crisis),
    [
        Structure("id", nameof(Model.Crisis.Id)),
        Reference<Crisis>("challenger", c => c.Challenger, (c, v) => c with { Challenger = v }, ScenarioReference.State, "a state id", "The id of the challenging state."),
        Reference<Crisis>("defender", c => c.Defender, (c, v) => c with { Defender = v }, ScenarioReference.State, "a state id", "The id of the defending state, not the challenger."),
        Structure("theatre", nameof(Model.Crisis.Theatre)),
        Number<Crisis>("statusQuo", c => c.StatusQuo, (c, v) => c with { StatusQuo = v }, "Status quo q in [0, 1]: the challenger's present share of the stakes.", min: 0, max: 1),
        Number<Crisis>("challengerCost", c => c.ChallengerCost, (c, v) => c with { ChallengerCost = v }, "The challenger's cost of war c_C in [0, 1], a fraction of the stakes.", min: 0, max: 1),
        NullableNumber<Crisis>("defenderCost", c => c.DefenderCost, (c, v) => c with { DefenderCost = v }, "The defender's cost of war c_D in [0, 1], a fraction of the stakes; required (not null) under NashSplit, ignored under TakeItOrLeaveIt.", min: 0, max: 1, note: "required with the NashSplit protocol"),
        Number<Crisis>("discount", c => c.Discount, (c, v) => c with { Discount = v }, "Discount factor delta, in the open interval (0, 1). Default 0.9.", min: 0, minOpen: true, max: 1, maxOpen: true, @default: "0.9"),
        Number<Crisis>("decisiveness", c => c.Decisiveness, (c, v) => c with { Decisiveness = v }, "Decisiveness m > 0 of the contest success function. Default 1.", min: 0, minOpen: true, @default: "1"),
        Integer<Crisis>("foresight", c => c.Foresight, (c, v) => c with { Foresight = v }, "Foresight H of the preventive test: an integer >= 1 (periods). Default 1.", min: 1, @default: "1"),
        Structure("bargaining", nameof(Model.Crisis.Bargaining)),
        Structure("escalation", nameof(Model.Crisis.Escalation)),
    ]);

    /// <summary>Gets a crisis's theatre.</summary>
    public static readonly ScenarioKind Theatre = new("theatre", "crises.*.theatre", typeof(Theatre),
    [
        Reference<Theatre>("region", t => t.Region, (t, v) => t with { Region = v }, ScenarioReference.Region, "a region name", "The theatre's region (non-blank)."),
        Number<Theatre>("defaultProjection", t => t.DefaultProjection, (t, v) => t with { DefaultProjection = v }, "Projection pi in [0, 1] of the states not listed in projection (protagonists: 1). Default 1.", min: 0, max: 1, @default: "1"),
        Structure("projection", nameof(Model.Theatre.Projection)),
    ]);

    /// <summary>Gets the values of a theatre's projection map: state id to projection.</summary>
    public static readonly ScenarioKind Projection = new("projection", "crises.*.theatre.projection", null,
    [
        new MapValueField
        {
            Name = "*",
            Type = ScenarioFieldType.Number,
            Min = 0,
            Max = 1,
            Default = "theatre.defaultProjection",
            Note = "(0, 1] for the challenger and the defender",
            ConstrainedByOtherFields = true,
            Description = "State id -> projection pi in [0, 1] into the theatre; a protagonist's > 0. Default {}.",
        },
    ]);

    /// <summary>Gets a crisis's bargaining protocol.</summary>
    public static readonly ScenarioKind Bargaining = new("bargaining", "crises.*.bargaining", typeof(Bargaining),
    [
        Choice<Bargaining, BargainingProtocol>("protocol", b => b.Protocol, (b, v) => b with { Protocol = v }, "NashSplit (the default) or TakeItOrLeaveIt (Fearon's risk-return trade-off).", BargainingProtocol.NashSplit),
        Number<Bargaining>("challengerPower", b => b.ChallengerPower, (b, v) => b with { ChallengerPower = v }, "The challenger's bargaining power lambda in [0, 1] (NashSplit). Default 0.5.", min: 0, max: 1, @default: "0.5"),
        NullableNumber<Bargaining>("defenderCostUpperBound", b => b.DefenderCostUpperBound, (b, v) => b with { DefenderCostUpperBound = v }, "Upper bound cBar in (0, 1] of the defender's private cost; required (not null) under TakeItOrLeaveIt.", min: 0, minOpen: true, max: 1, note: "required with the TakeItOrLeaveIt protocol"),
    ]);

    /// <summary>Gets an escalation strike of a crisis.</summary>
    public static readonly ScenarioKind Escalation = new("escalationStrike", "crises.*.escalation.*", typeof(EscalationStrike),
    [
        Reference<EscalationStrike>("target", e => e.Target, (e, v) => e with { Target = v }, ScenarioReference.State, "a state id other than the challenger", "The id of the struck state, not the challenger."),
        Reference<EscalationStrike>("region", e => e.Region, (e, v) => e with { Region = v }, ScenarioReference.Region, "a region name", "The struck region (non-blank)."),
        Number<EscalationStrike>("probability", e => e.Probability, (e, v) => e with { Probability = v }, "Probability in [0, 1] of the strike in a war.", min: 0, max: 1),
    ]);

    /// <summary>Gets a named variant of the scenario: no parameters, only structure (its overrides name parameters).</summary>
    public static readonly ScenarioKind Variant = new("variant", "variants.*", typeof(ScenarioVariant),
    [
        Structure("name", nameof(ScenarioVariant.Name)),
        Structure("description", nameof(ScenarioVariant.Description)),
        Structure("overrides", nameof(ScenarioVariant.Overrides)),
    ]);

    /// <summary>Gets one override of a variant: a parameter path, its value, a rationale and sources.</summary>
    public static readonly ScenarioKind VariantOverride = new("variantOverride", "variants.*.overrides.*", typeof(VariantOverride),
    [
        Structure("path", nameof(Model.VariantOverride.Path)),
        Structure("value", nameof(Model.VariantOverride.Value)),
        Structure("rationale", nameof(Model.VariantOverride.Rationale)),
        Structure("sources", nameof(Model.VariantOverride.Sources)),
    ]);

    /// <summary>Gets every kind, the root first, each before the kinds nested in it.</summary>
    public static readonly IReadOnlyList<ScenarioKind> All = [Scenario, State, Perception, Alliance, Preference, Commitment, Deepening, Crisis, Theatre, Projection, Bargaining, Escalation, Variant, VariantOverride];

    /// <summary>Gets every parameter, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<ScenarioField> Fields = [.. All.SelectMany(k => k.Fields)];

    /// <summary>Gets the JSON names of the nullable fields (null means "unset"; for every other field null is an error).</summary>
    public static readonly IReadOnlySet<string> NullableNames = Fields.Where(f => f.Nullable).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    private static ScenarioStructure Structure(string name, string property) => new() { Name = name, Property = property };

    private static RecordField<T, double> Number<T>(
        string name, Func<T, double> get, Func<T, double, T> set, string description, double? min = null, bool minOpen = false, double? max = null, bool maxOpen = false,
        string? @default = null, ParameterActs acts = ParameterActs.Rounds, string? note = null, string? hint = null, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Number,
            Get = get,
            Set = set,
            Description = description,
            Min = min,
            MinOpen = minOpen,
            Max = max,
            MaxOpen = maxOpen,
            Default = @default,
            Acts = acts,
            Note = note,
            Hint = hint,
        };

    private static RecordField<T, double?> NullableNumber<T>(
        string name, Func<T, double?> get, Func<T, double?, T> set, string description, double? min = null, bool minOpen = false, double? max = null, bool maxOpen = false,
        ParameterActs acts = ParameterActs.Rounds, string? note = null, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Number,
            Get = get,
            Set = set,
            Description = description,
            Min = min,
            MinOpen = minOpen,
            Max = max,
            MaxOpen = maxOpen,
            Default = "null",
            Nullable = true,
            Acts = acts,
            Note = note,
        };

    private static RecordField<T, int> Integer<T>(
        string name, Func<T, int> get, Func<T, int, T> set, string description, double? min = null, double? max = null, string? @default = null,
        ParameterActs acts = ParameterActs.Rounds, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Integer,
            Get = get,
            Set = set,
            Description = description,
            Min = min,
            Max = max,
            Default = @default,
            Acts = acts,
        };

    private static RecordField<T, int?> NullableInteger<T>(
        string name, Func<T, int?> get, Func<T, int?, T> set, string description, ParameterActs acts = ParameterActs.Rounds, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Integer,
            Get = get,
            Set = set,
            Description = description,
            Default = "null",
            Nullable = true,
            Acts = acts,
        };

    private static RecordField<T, bool> Boolean<T>(
        string name, Func<T, bool> get, Func<T, bool, T> set, string description, string @default, ParameterActs acts = ParameterActs.Rounds, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Boolean,
            Get = get,
            Set = set,
            Description = description,
            Default = @default,
            Acts = acts,
        };

    private static RecordField<T, TEnum> Choice<T, TEnum>(
        string name, Func<T, TEnum> get, Func<T, TEnum, T> set, string description, TEnum? @default, ParameterActs acts = ParameterActs.Rounds, [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class
        where TEnum : struct, Enum => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Choice,
            Get = get,
            Set = set,
            Description = description,
            Enum = typeof(TEnum),
            Default = @default is { } d ? "\"" + d + "\"" : null,
            Acts = acts,
        };

    private static RecordField<T, string> Reference<T>(
        string name, Func<T, string> get, Func<T, string, T> set, ScenarioReference refers, string domain, string description, ParameterActs acts = ParameterActs.Rounds,
        [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Reference,
            Get = get,
            Set = set,
            Description = description,
            Refers = refers,
            ReferenceDomain = domain,
            Acts = acts,
        };

    private static RecordField<T, string?> NullableReference<T>(
        string name, Func<T, string?> get, Func<T, string?, T> set, ScenarioReference refers, string domain, string description, ParameterActs acts = ParameterActs.Rounds,
        [CallerArgumentExpression(nameof(get))] string getter = "")
        where T : class => new()
        {
            Name = name,
            Property = PropertyOf(getter),
            Type = ScenarioFieldType.Reference,
            Get = get,
            Set = set,
            Description = description,
            Refers = refers,
            ReferenceDomain = domain,
            Default = "null",
            Nullable = true,
            Acts = acts,
        };

    /// <summary>The property a getter reads, from its source text (<c>p =&gt; p.CapabilityBias</c> gives <c>CapabilityBias</c>).</summary>
    private static string PropertyOf(string getter) => getter[(getter.LastIndexOf('.') + 1)..].Trim();
}
