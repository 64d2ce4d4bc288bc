using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim;

/// <summary>
/// The entry of the short path for notebooks and scripts: <c>using DeterrenceSim;</c> reaches it, the extension methods
/// on a scenario (<see cref="ScenarioExtensions"/>: <c>Run</c>, <c>Simulate</c>, <c>With</c>, <c>Sweep</c>) and
/// <c>ToDataFrame()</c> (<see cref="DataFrameExtensions"/>); options are written as target-typed <c>new() { ... }</c>,
/// and results are used through <c>var</c>. Typed keys for reading one rate (<c>Measure</c>, <c>Outcome</c>,
/// <c>WarCause</c>) live in <c>DeterrenceSim.Outcomes</c>. The long form stays available in the layers' namespaces
/// (<c>ScenarioLoader</c>, <c>CompiledScenario</c>, <c>MonteCarlo</c>, <c>Sweep</c>), as ImageSharp's
/// <c>Image.Load(path)</c> stands beside its decoders.
/// </summary>
/// <example>
/// <code>
/// using DeterrenceSim;
/// var scenario = Simulation.Load("indo-pacific-2023").With("states.JPN.perception.credulity", 0.9);
/// var result = scenario.Run("east-china-sea", new() { Rounds = 200_000, Seed = 42 });
/// var points = scenario.Sweep(["states.JPN.perception.credulity=0:1:6"], new() { Replications = 5 }).Summarise();
/// points.ToDataFrame()
/// </code>
/// </example>
public static class Simulation
{
    /// <summary>Loads a scenario: one embedded in the library by name (<c>indo-pacific-2023</c>; embedded names win),
    /// or else a scenario JSON file by path (README, "Scenario files"). <see cref="ScenarioLoader.Load(string)"/>.</summary>
    /// <param name="nameOrPath">An embedded scenario name (<see cref="ScenarioLoader.EmbeddedNames"/>) or a file path.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ArgumentException"><paramref name="nameOrPath"/> is null or empty.</exception>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid; the message names the
    /// JSON path.</exception>
    public static Scenario Load(string nameOrPath) => ScenarioLoader.Load(nameOrPath);
}
