using System.Globalization;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// Variance-based global sensitivity analysis of one metric of a crisis: Sobol first- and total-order indices of the
/// varied parameters (Saltelli et al. 2010; Jansen 1999 for total order), from a Saltelli design
/// (<see cref="ExperimentDesign.Sobol"/>) evaluated by a <see cref="Sweep"/>, with bootstrap intervals
/// (<see cref="SobolAnalysis"/>).
/// </summary>
/// <remarks>
/// The model output at a point is a Monte Carlo estimate, so its sampling noise adds to the output variance and
/// lowers every index; common random numbers (the same draws at every point) keep that noise correlated across
/// points, and more rounds shrink it. Use enough rounds that the noise (about sqrt(p(1-p)/N)) is small against the
/// spread of the metric over the design.
/// </remarks>
public static class SensitivityAnalysis
{
    /// <summary>The fewest base samples accepted: below this the estimators and the bootstrap are meaningless.</summary>
    public const int MinSamples = 8;

    /// <summary>Runs the analysis.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="factors">The varied parameters (continuous, <c>PATH=lo:hi</c>), uniform on their ranges.</param>
    /// <param name="samples">The base sample size N (a power of two suits the Sobol sequence); the design has N(k+2)
    /// points.</param>
    /// <param name="metric">The metric, one of the names of <see cref="Measure.All"/> or of <see cref="Measure.Mechanisms"/>
    /// (such as <c>butFor.defender.ownCredulity</c> or <c>shapley.defender.ownCredulity</c>: the output at a point is
    /// then the mean over its replications of the but-for rate or of the Shapley share). The default is <c>war</c>.</param>
    /// <param name="options">Rounds, replications (averaged at each point), seed, crisis and threads; <see langword="null"/>
    /// for 10,000 rounds and 1 replication. The seed also seeds the bootstrap.</param>
    /// <param name="resamples">Bootstrap resamples for the intervals (&gt;= 1). The default is 1,000.</param>
    /// <param name="progress">Receives progress in points, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels between points.</param>
    /// <param name="source">The scenario's file or name for error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>The indices with 95% bootstrap intervals.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below <see cref="MinSamples"/>.</exception>
    /// <exception cref="ArgumentException">A factor is not continuous, a path is not numeric, the metric or crisis is
    /// unknown, or the design has more than <see cref="int.MaxValue"/> points.</exception>
    /// <exception cref="Scenarios.ScenarioException">A factor's path matches nothing in the scenario.</exception>
    /// <exception cref="InvalidOperationException">A design point cannot run (its values make the scenario invalid):
    /// the indices need every point; or the metric does not vary over the design.</exception>
    public static SensitivityResult Run(
        Scenario scenario,
        IReadOnlyList<Factor> factors,
        long samples,
        string metric = "war",
        SweepOptions? options = null,
        int resamples = 1000,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(metric);
        var measure = Measure.Parse(metric);
        options ??= new SweepOptions { Replications = 1 };
        if (samples < MinSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"Sobol indices need at least {MinSamples} base samples (and are stable from about 64).");
        }

        var design = ExperimentDesign.Sobol(samples, [.. factors]);
        if (design.PointCount > int.MaxValue)
        {
            throw new ArgumentException($"The design has {design.PointCount} points; the analysis holds one output per point in memory, at most {int.MaxValue}.", nameof(samples));
        }

        var sweep = new Sweep(scenario, design, options, null, source);
        var outputs = Evaluate(sweep, measure, "Sobol indices", progress, cancellationToken);
        var indices = SobolOf(outputs, design, metric, measure, resamples, options.Seed);
        return new SensitivityResult(metric, sweep.Crisis, design, sweep.Options, indices);
    }

    /// <summary>The fewest Morris trajectories accepted: σ needs two elementary effects of each factor.</summary>
    public const int MinTrajectories = 2;

    /// <summary>Runs Morris's elementary-effects screening (Morris 1991; μ* of Campolongo, Cariboni &amp; Saltelli 2007):
    /// a Morris design (<see cref="ExperimentDesign.Morris"/>) evaluated by a <see cref="Sweep"/>, analysed by
    /// <see cref="MorrisAnalysis"/>. A cheap first pass over many factors: μ* ranks them by influence, and σ shows which
    /// act nonlinearly or through interactions; follow with <see cref="Run"/> on the few that matter.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="factors">The varied parameters (continuous, <c>PATH=lo:hi</c>).</param>
    /// <param name="trajectories">The number of trajectories r (at least <see cref="MinTrajectories"/>; 10 to 50 is
    /// usual); the design has r(k+1) points.</param>
    /// <param name="levels">The grid levels p: even, 2 to <see cref="ExperimentDesign.MaxMorrisLevels"/>. The default is 4.</param>
    /// <param name="metric">The metric, as for <see cref="Run"/>. The default is <c>war</c>.</param>
    /// <param name="options">Rounds, replications (averaged at each point), seed, crisis and threads; <see langword="null"/>
    /// for 10,000 rounds and 1 replication. The seed seeds the trajectories and the bootstrap.</param>
    /// <param name="resamples">Bootstrap resamples for the intervals (&gt;= 2). The default is 1,000.</param>
    /// <param name="progress">Receives progress in points, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels between points.</param>
    /// <param name="source">The scenario's file or name for error messages; <see langword="null"/> for <c>scenario 'name'</c>.</param>
    /// <returns>μ, μ* and σ of each factor with 95% bootstrap intervals, in units of the metric per unit of the factor's
    /// normalised range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trajectories"/> is below <see cref="MinTrajectories"/>,
    /// or <paramref name="levels"/> is odd or out of range.</exception>
    /// <exception cref="ArgumentException">A factor is not continuous, a path is not numeric, the metric or crisis is
    /// unknown, or the design has more than <see cref="int.MaxValue"/> points.</exception>
    /// <exception cref="Scenarios.ScenarioException">A factor's path matches nothing in the scenario.</exception>
    /// <exception cref="InvalidOperationException">A design point cannot run: the effects need every point.</exception>
    public static MorrisResult RunMorris(
        Scenario scenario,
        IReadOnlyList<Factor> factors,
        long trajectories,
        int levels = 4,
        string metric = "war",
        SweepOptions? options = null,
        int resamples = 1000,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(metric);
        var measure = Measure.Parse(metric);
        options ??= new SweepOptions { Replications = 1 };
        if (trajectories < MinTrajectories)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, $"Morris screening needs at least {MinTrajectories} trajectories (10 to 50 is usual).");
        }

        var design = ExperimentDesign.Morris(trajectories, levels, options.Seed, [.. factors]);
        if (design.PointCount > int.MaxValue)
        {
            throw new ArgumentException($"The design has {design.PointCount} points; the analysis holds one output per point in memory, at most {int.MaxValue}.", nameof(trajectories));
        }

        var sweep = new Sweep(scenario, design, options, null, source);
        var outputs = Evaluate(sweep, measure, "Morris elementary effects", progress, cancellationToken);
        return new MorrisResult(metric, sweep.Crisis, design, sweep.Options, MorrisAnalysis.Analyze(design, outputs, resamples, 0.95, options.Seed));
    }

    /// <summary>The Sobol indices of one output per point of a Saltelli design.</summary>
    /// <exception cref="InvalidOperationException">The metric does not vary over the design.</exception>
    internal static SobolIndices SobolOf(double[] outputs, ExperimentDesign design, string metric, Measure? measure, int resamples, ulong seed)
    {
        try
        {
            return SobolAnalysis.Analyze(outputs, design.Factors.Count, resamples, 0.95, seed);
        }
        catch (ArgumentException e) when (e.Message.Contains("variance", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The {metric} {(measure is null ? "difference" : measure.IsMean ? "share" : "rate")} does not vary over the design (all {design.PointCount} points give the same value): the indices are undefined. Widen the ranges or play more rounds.", e);
        }
    }

    /// <summary>Runs every point of the sweep and pools each point's replications into one output.</summary>
    private static double[] Evaluate(Sweep sweep, Measure measure, string needs, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        var outputs = new DesignOutputs(sweep.Design, measure, needs);
        sweep.Run(0, sweep.Design.PointCount, outputs.AddBatch, progress, cancellationToken);
        return outputs.Values;
    }
}
