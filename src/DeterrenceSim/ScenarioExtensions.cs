using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim;

/// <summary>
/// The short path on a scenario (<c>using DeterrenceSim;</c>): <c>scenario.Run(crisisId)</c> and
/// <c>scenario.Simulate()</c> compile it implicitly (<see cref="CompiledScenario.Compile"/>, which validates it) and
/// play it with <see cref="MonteCarlo"/>; <c>With</c> sets a parameter by its path; <c>Sweep</c> makes a grid sweep.
/// Each call compiles anew: to play one scenario many times, compile it once and keep a <see cref="MonteCarlo"/>
/// (the long form). Results are those of the long form, bit for bit.
/// </summary>
public static class ScenarioExtensions
{
    /// <summary>Compiles the scenario and plays N rounds of one crisis (DESIGN.md section 3): <see cref="MonteCarlo.Run"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="crisisId">The crisis id, such as <c>east-china-sea</c>.</param>
    /// <param name="options">Rounds, seed, replication and threads; <see langword="null"/> for the defaults (1,000,000
    /// rounds, seed 1).</param>
    /// <param name="progress">Receives progress after each chunk of rounds, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between chunks.</param>
    /// <returns>The outcome and war-cause rates with their 95% Wilson intervals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    /// <exception cref="ScenarioException">The scenario is invalid; the message names the JSON path.</exception>
    /// <exception cref="ArgumentException">No crisis has that id.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SimulationResult Run(
        this Scenario scenario,
        string crisisId,
        RoundOptions? options = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options?.Validate();
        return new MonteCarlo(CompiledScenario.Compile(scenario)).Run(crisisId, options, progress, cancellationToken);
    }

    /// <summary>Compiles the scenario and plays R replications of runs of T periods of every crisis (DESIGN.md section 4:
    /// learning, engagement votes, growth, overstretch): <see cref="MonteCarlo.Simulate"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Periods, replications, seed and threads; <see langword="null"/> for the defaults (the
    /// scenario's periods, 100 replications, seed 1).</param>
    /// <param name="rows">Receives every (replication, period, crisis) row in that order, or <see langword="null"/>.</param>
    /// <param name="progress">Receives progress in replications, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run between replications.</param>
    /// <returns>Per-period rates and run-level outcomes with intervals over replications.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    /// <exception cref="ScenarioException">The scenario is invalid, or a growth rate takes a capability out of
    /// [1e-300, 1e300] within the periods; the message names the JSON path.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static DynamicsResult Simulate(
        this Scenario scenario,
        RunOptions? options = null,
        Action<PeriodRow>? rows = null,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options?.Validate();
        var compiled = CompiledScenario.Compile(scenario);
        ScenarioValidator.CheckGrowth(scenario, options?.Periods ?? scenario.Periods);
        return new MonteCarlo(compiled).Simulate(options, rows, progress, cancellationToken);
    }

    /// <summary>The scenario with one value set by its parameter path (<see cref="ParameterPaths.Set(Scenario, string, double)"/>;
    /// <c>*</c> and commitment patterns select several), validated.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The parameter path, such as <c>states.JPN.perception.credulity</c>
    /// (<c>deterrence-sim list --parameters</c> lists them).</param>
    /// <param name="value">The value, in the parameter's unit and domain.</param>
    /// <returns>A new scenario; the original is unchanged.</returns>
    /// <exception cref="ScenarioException">The path matches nothing, or the value makes the scenario invalid.</exception>
    public static Scenario With(this Scenario scenario, string path, double value) => ParameterPaths.Set(scenario, path, value);

    /// <summary>The scenario with one of its named variants applied (<see cref="ScenarioVariants.Apply(Scenario, string, string?)"/>): the variant's
    /// overrides, validated once after all of them. Chain <c>With</c> after it to adjust a value of the variant.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="name">The variant's name (<c>deterrence-sim list --scenario FILE</c> lists them).</param>
    /// <returns>A new scenario; the original is unchanged.</returns>
    /// <exception cref="ScenarioException">The scenario has no variant of that name (the message lists those it has),
    /// or the variant makes the scenario invalid.</exception>
    public static Scenario WithVariant(this Scenario scenario, string name) => ScenarioVariants.Apply(scenario, name);

    /// <summary>The scenario with one value set by its parameter path, the value written as in <c>--set</c>
    /// (<see cref="ParameterPaths.Set(Scenario, string, string)"/>): a number, <c>true</c>/<c>false</c>, a name such as
    /// <c>TakeItOrLeaveIt</c>, or <c>null</c> for the fields that can be unset.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The parameter path.</param>
    /// <param name="value">The value as text.</param>
    /// <returns>A new scenario; the original is unchanged.</returns>
    /// <exception cref="ScenarioException">The path matches nothing, the value does not parse, or it makes the scenario
    /// invalid.</exception>
    public static Scenario With(this Scenario scenario, string path, string value) => ParameterPaths.Set(scenario, path, value);

    /// <summary>A full-factorial grid sweep of the scenario (<see cref="ExperimentDesign.Grid"/>): nothing runs until
    /// its rows are read (<see cref="Sweep.Rows"/>, <see cref="Sweep.Summarise"/>, <c>ToDataFrame()</c>). For Latin
    /// hypercube or Sobol designs, build the <see cref="ExperimentDesign"/> and the <see cref="Experiments.Sweep"/>.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="vary">One factor a grid axis, as <c>--vary</c>: <c>PATH=lo:hi:count</c>, such as
    /// <c>states.JPN.perception.credulity=0:1:6</c>; the first varies slowest.</param>
    /// <param name="options">Crisis, rounds (or periods), replications, seed and threads; <see langword="null"/> for the
    /// defaults (the first crisis, 10 replications of 10,000 rounds, seed 1).</param>
    /// <returns>The sweep.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A factor does not parse or has no count, a path addresses no number, or the
    /// crisis does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ScenarioException">A factor's path matches nothing, or the scenario is invalid.</exception>
    public static Sweep Sweep(this Scenario scenario, IReadOnlyList<string> vary, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(vary);
        return new Sweep(scenario, ExperimentDesign.Grid([.. vary.Select(Factor.Parse)]), options);
    }
}
