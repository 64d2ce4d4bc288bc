using System.Diagnostics.CodeAnalysis;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Compilation;

/// <summary>
/// A scenario compiled once into flat arrays for the hot loop (DESIGN.md section 2): indices instead of strings,
/// perceptions that do not change between rounds precomputed. Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledScenario
{
    private readonly Dictionary<string, CompiledCrisis> _crises;

    private CompiledScenario(Scenario scenario)
    {
        Scenario = scenario;
        var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < scenario.States.Count; i++)
        {
            stateIndex[scenario.States[i].Id] = i;
        }

        var commitmentIndex = new Dictionary<Commitment, int>(ReferenceEqualityComparer.Instance);
        for (int c = 0; c < scenario.Commitments.Count; c++)
        {
            commitmentIndex[scenario.Commitments[c]] = c;
        }

        _crises = new Dictionary<string, CompiledCrisis>(StringComparer.Ordinal);
        foreach (var crisis in scenario.Crises)
        {
            _crises[crisis.Id] = new CompiledCrisis(scenario, crisis, stateIndex, commitmentIndex);
        }

        CrisisIds = scenario.Crises.Select(c => c.Id).ToArray();
        Crises = scenario.Crises.Select(c => _crises[c.Id]).ToArray();
        CommitmentKeys = scenario.Commitments.Select(c => c.Key).ToArray();
        var allianceIndex = scenario.Alliances.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        CommitmentAlliance = scenario.Commitments.Select(c => c.Alliance is null ? -1 : allianceIndex[c.Alliance]).ToArray();
        AllianceMembers = scenario.Alliances.Select(a => a.Members.Select(m => stateIndex[m]).ToArray()).ToArray();
        SetValues(scenario);
    }

    /// <summary>The scenario <paramref name="scenario"/>, which differs from the one <paramref name="structure"/> was
    /// compiled from in the values of its numeric fields only: the structure (indices, sides, alliances' members,
    /// escalation's triggers, cohesion's members) is shared, the values compiled again exactly as
    /// <see cref="CompiledScenario(Scenario)"/> compiles them.</summary>
    private CompiledScenario(CompiledScenario structure, Scenario scenario)
    {
        Scenario = scenario;
        CrisisIds = structure.CrisisIds;
        Crises = new CompiledCrisis[structure.Crises.Length];
        _crises = new Dictionary<string, CompiledCrisis>(Crises.Length, StringComparer.Ordinal);
        for (int k = 0; k < Crises.Length; k++)
        {
            Crises[k] = structure.Crises[k].WithValues(scenario, scenario.Crises[k]);
            _crises[CrisisIds[k]] = Crises[k];
        }

        CommitmentKeys = structure.CommitmentKeys;
        CommitmentAlliance = structure.CommitmentAlliance;
        AllianceMembers = structure.AllianceMembers;
        SetValues(scenario);
    }

    /// <summary>Gets the scenario this was compiled from.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the crisis ids in file order.</summary>
    public IReadOnlyList<string> CrisisIds { get; }

    /// <summary>Validates and compiles a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The compiled scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">The scenario is invalid (see <see cref="ScenarioValidator"/>).</exception>
    public static CompiledScenario Compile(Scenario scenario)
    {
        // Variants are checked where they are loaded or applied; compiling runs the scenario as it is.
        ScenarioValidator.Validate(scenario, null, applyVariants: false);
        return new CompiledScenario(scenario);
    }

    /// <summary>Compiles a scenario the caller has validated (as <see cref="Compile"/> would).</summary>
    /// <param name="scenario">The valid scenario.</param>
    /// <returns>The compiled scenario.</returns>
    internal static CompiledScenario CompileValid(Scenario scenario) => new(scenario);

    /// <summary>Compiles a valid scenario that differs from this one's <see cref="Scenario"/> only in the values of
    /// numeric fields (a sweep's point, set by <c>RecordSetters</c>): the structure is reused, the values compiled as
    /// <see cref="Compile"/> compiles them, so the result equals a full compilation of <paramref name="scenario"/>. The
    /// scenario is not validated here: the caller has.</summary>
    /// <param name="scenario">The scenario: the same states, commitments, alliances and crises, in the same order, with
    /// the same ids, references, scopes, lists and choices.</param>
    /// <returns>The compiled scenario.</returns>
    internal CompiledScenario WithValues(Scenario scenario) => new(this, scenario);

    internal CompiledCrisis[] Crises { get; }

    internal double[] Capability { get; private set; }

    internal double[] GrowthRate { get; private set; }

    internal string[] CommitmentKeys { get; }

    internal double[] Reliability { get; private set; }

    internal double[] OutOfScopeReliability { get; private set; }

    internal double[] Signal { get; private set; }

    internal double[] DeepeningReliability { get; private set; }

    internal double[] DeepeningSignal { get; private set; }

    internal double[] InformationSharing { get; private set; }

    /// <summary>Gets the alliance index each commitment's deepening waits for, or -1 (deepens every period).</summary>
    internal int[] CommitmentAlliance { get; }

    /// <summary>Gets the members of each alliance as state indices.</summary>
    internal int[][] AllianceMembers { get; }

    internal bool[] AllianceConsensus { get; private set; }

    internal int[] AllianceVotePeriod { get; private set; }

    /// <summary>Gets each member's probability of a yes vote, in <see cref="AllianceMembers"/> order.</summary>
    internal double[][] AllianceSupport { get; private set; }

    internal double[][] AllianceSupportUnderThreat { get; private set; }

    /// <summary>Compiles the values of the numeric and choice fields the arrays hold (not the structure).</summary>
    [MemberNotNull(nameof(Capability), nameof(GrowthRate), nameof(Reliability), nameof(OutOfScopeReliability), nameof(Signal), nameof(DeepeningReliability), nameof(DeepeningSignal), nameof(InformationSharing), nameof(AllianceConsensus), nameof(AllianceVotePeriod), nameof(AllianceSupport), nameof(AllianceSupportUnderThreat))]
    private void SetValues(Scenario scenario)
    {
        Capability = scenario.States.Select(s => s.Capability).ToArray();
        GrowthRate = scenario.States.Select(s => s.GrowthRate).ToArray();
        Reliability = scenario.Commitments.Select(c => c.Reliability).ToArray();
        OutOfScopeReliability = scenario.Commitments.Select(c => c.OutOfScopeReliability).ToArray();
        Signal = scenario.Commitments.Select(c => c.Signal).ToArray();
        DeepeningReliability = scenario.Commitments.Select(c => c.Deepening.Reliability).ToArray();
        DeepeningSignal = scenario.Commitments.Select(c => c.Deepening.Signal).ToArray();
        InformationSharing = scenario.Commitments.Select(c => c.InformationSharing).ToArray();
        AllianceConsensus = scenario.Alliances.Select(a => a.DecisionRule == DecisionRule.Consensus).ToArray();
        AllianceVotePeriod = scenario.Alliances.Select(a => a.VotePeriod).ToArray();
        AllianceSupport = scenario.Alliances.Select(a => a.Members.Select(m => a.Preferences.TryGetValue(m, out var p) ? p.Support : 1.0).ToArray()).ToArray();
        AllianceSupportUnderThreat = scenario.Alliances.Select(a => a.Members.Select(m => a.Preferences.TryGetValue(m, out var p) ? p.SupportUnderThreat ?? p.Support : 1.0).ToArray()).ToArray();
    }

    internal CompiledCrisis GetCrisis(string crisisId)
    {
        ArgumentNullException.ThrowIfNull(crisisId);
        return _crises.TryGetValue(crisisId, out var crisis)
            ? crisis
            : throw new ArgumentException($"Scenario '{Scenario.Name}' has no crisis '{crisisId}'; its crises are: {string.Join(", ", CrisisIds)}.", nameof(crisisId));
    }
}
