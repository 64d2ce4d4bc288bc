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
        Capability = scenario.States.Select(s => s.Capability).ToArray();
        GrowthRate = scenario.States.Select(s => s.GrowthRate).ToArray();
        CommitmentKeys = scenario.Commitments.Select(c => c.Key).ToArray();
        Reliability = scenario.Commitments.Select(c => c.Reliability).ToArray();
        OutOfScopeReliability = scenario.Commitments.Select(c => c.OutOfScopeReliability).ToArray();
        Signal = scenario.Commitments.Select(c => c.Signal).ToArray();
        DeepeningReliability = scenario.Commitments.Select(c => c.Deepening.Reliability).ToArray();
        DeepeningSignal = scenario.Commitments.Select(c => c.Deepening.Signal).ToArray();
        InformationSharing = scenario.Commitments.Select(c => c.InformationSharing).ToArray();
        var allianceIndex = scenario.Alliances.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        CommitmentAlliance = scenario.Commitments.Select(c => c.Alliance is null ? -1 : allianceIndex[c.Alliance]).ToArray();
        AllianceMembers = scenario.Alliances.Select(a => a.Members.Select(m => stateIndex[m]).ToArray()).ToArray();
        AllianceConsensus = scenario.Alliances.Select(a => a.DecisionRule == DecisionRule.Consensus).ToArray();
        AllianceVotePeriod = scenario.Alliances.Select(a => a.VotePeriod).ToArray();
        AllianceSupport = scenario.Alliances.Select(a => a.Members.Select(m => a.Preferences.TryGetValue(m, out var p) ? p.Support : 1.0).ToArray()).ToArray();
        AllianceSupportUnderThreat = scenario.Alliances.Select(a => a.Members.Select(m => a.Preferences.TryGetValue(m, out var p) ? p.SupportUnderThreat ?? p.Support : 1.0).ToArray()).ToArray();
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

    internal CompiledCrisis[] Crises { get; }

    internal double[] Capability { get; }

    internal double[] GrowthRate { get; }

    internal string[] CommitmentKeys { get; }

    internal double[] Reliability { get; }

    internal double[] OutOfScopeReliability { get; }

    internal double[] Signal { get; }

    internal double[] DeepeningReliability { get; }

    internal double[] DeepeningSignal { get; }

    internal double[] InformationSharing { get; }

    /// <summary>Gets the alliance index each commitment's deepening waits for, or -1 (deepens every period).</summary>
    internal int[] CommitmentAlliance { get; }

    /// <summary>Gets the members of each alliance as state indices.</summary>
    internal int[][] AllianceMembers { get; }

    internal bool[] AllianceConsensus { get; }

    internal int[] AllianceVotePeriod { get; }

    /// <summary>Gets each member's probability of a yes vote, in <see cref="AllianceMembers"/> order.</summary>
    internal double[][] AllianceSupport { get; }

    internal double[][] AllianceSupportUnderThreat { get; }

    internal CompiledCrisis GetCrisis(string crisisId)
    {
        ArgumentNullException.ThrowIfNull(crisisId);
        return _crises.TryGetValue(crisisId, out var crisis)
            ? crisis
            : throw new ArgumentException($"Scenario '{Scenario.Name}' has no crisis '{crisisId}'; its crises are: {string.Join(", ", CrisisIds)}.", nameof(crisisId));
    }
}
