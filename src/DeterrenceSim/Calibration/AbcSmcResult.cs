using System.Globalization;
using System.Text;

namespace DeterrenceSim.Calibration;

/// <summary>
/// The result of <see cref="AbcSmc.Run"/>: the final population (the ABC posterior as weighted particles, with each
/// particle's simulated statistics for a posterior predictive check), the history of the generations, and each
/// parameter's weighted summary.
/// </summary>
/// <remarks>The weighted quantiles (<see cref="ParameterSummary.Q025"/>, <see cref="ParameterSummary.Q975"/>, and the
/// tolerances) are pyABC's: values sorted ascending, the i-th placed at its cumulative weight less half its own,
/// Pᵢ = Σ_{j≤i} wⱼ − wᵢ / 2, and the quantile read by linear interpolation between those points, clamped to the smallest
/// and largest value; with equal weights, definition 5 of Hyndman &amp; Fan (1996, The American Statistician
/// 50(4):361-365).</remarks>
public sealed class AbcSmcResult
{
    internal AbcSmcResult(
        IReadOnlyList<CalibratedParameter> parameters,
        double[] observed,
        AbcSmcOptions options,
        AbcParticle[] particles,
        AbcSmcGeneration[] history,
        ParameterSummary[] summaries,
        AbcSmcStopReason stopReason)
    {
        Parameters = parameters;
        Observed = Array.AsReadOnly(observed);
        Options = options;
        Particles = Array.AsReadOnly(particles);
        History = Array.AsReadOnly(history);
        Summaries = Array.AsReadOnly(summaries);
        StopReason = stopReason;
    }

    /// <summary>Gets the calibrated parameters, in the order of <see cref="AbcParticle.Parameters"/> and
    /// <see cref="Summaries"/>.</summary>
    public IReadOnlyList<CalibratedParameter> Parameters { get; }

    /// <summary>Gets the observed summary statistics s_obs.</summary>
    public IReadOnlyList<double> Observed { get; }

    /// <summary>Gets the options of the run (with its seed), which reproduce it exactly with the same model.</summary>
    public AbcSmcOptions Options { get; }

    /// <summary>Gets the final population: N particles, weights summing to 1.</summary>
    public IReadOnlyList<AbcParticle> Particles { get; }

    /// <summary>Gets the complete generations, from generation 0 (the prior); the last is the final population's.</summary>
    public IReadOnlyList<AbcSmcGeneration> History { get; }

    /// <summary>Gets each parameter's weighted mean, standard deviation and 95% interval over the final population, in
    /// parameter order.</summary>
    public IReadOnlyList<ParameterSummary> Summaries { get; }

    /// <summary>Gets why the run stopped.</summary>
    public AbcSmcStopReason StopReason { get; }

    /// <summary>Gets the final population's tolerance ε (+∞ when only generation 0 ran).</summary>
    public double Epsilon => History[^1].Epsilon;

    /// <summary>Gets the model simulations the complete generations used (the sum of their proposals; simulations of an
    /// abandoned generation and those past a generation's last used proposal are not counted).</summary>
    public long Proposals => History.Sum(g => g.Proposals);

    /// <summary>The summary of one parameter.</summary>
    /// <param name="name">The parameter's name (<see cref="CalibratedParameter.Name"/>).</param>
    /// <returns>Its weighted summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No calibrated parameter has that name; the message lists the names.</exception>
    public ParameterSummary SummaryOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var summary in Summaries)
        {
            if (summary.Name == name)
            {
                return summary;
            }
        }

        throw new KeyNotFoundException($"No calibrated parameter is named '{name}'; the parameters are {string.Join(", ", Parameters.Select(p => p.Name))}.");
    }

    /// <summary>A short report: the stop, the last tolerance and each parameter's summary, numbers in the invariant
    /// culture.</summary>
    /// <returns>Several lines of text.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"ABC-SMC: {History.Count} generations, {Particles.Count} particles, epsilon {Epsilon:G6}, {Proposals} proposals, stopped by {StopReason} (seed {Options.Seed})");
        foreach (var s in Summaries)
        {
            text.AppendLine().Append(c, $"  {s.Name}: mean {s.Mean:G6}, sd {s.StandardDeviation:G6}, 95% [{s.Q025:G6}, {s.Q975:G6}]");
        }

        return text.ToString();
    }
}
