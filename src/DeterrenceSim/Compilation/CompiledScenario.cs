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

        _crises = new Dictionary<string, CompiledCrisis>(StringComparer.Ordinal);
        foreach (var crisis in scenario.Crises)
        {
            _crises[crisis.Id] = new CompiledCrisis(scenario, crisis, stateIndex);
        }

        CrisisIds = scenario.Crises.Select(c => c.Id).ToArray();
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
        ScenarioValidator.Validate(scenario);
        return new CompiledScenario(scenario);
    }

    /// <summary>Gets the accurate-perception win probability of the challenger, p_acc = CSF(E[S(C)], E[S(D)]) (DESIGN.md section 3).</summary>
    /// <param name="crisisId">The crisis id.</param>
    /// <returns>p_acc in (0, 1).</returns>
    /// <exception cref="ArgumentException">No crisis has that id.</exception>
    public double AccurateWinProbability(string crisisId) => GetCrisis(crisisId).AccurateWinProbability;

    internal CompiledCrisis GetCrisis(string crisisId)
    {
        ArgumentNullException.ThrowIfNull(crisisId);
        return _crises.TryGetValue(crisisId, out var crisis)
            ? crisis
            : throw new ArgumentException($"Scenario '{Scenario.Name}' has no crisis '{crisisId}'; its crises are: {string.Join(", ", CrisisIds)}.", nameof(crisisId));
    }
}
