using System.Runtime.CompilerServices;
using DeterrenceSim.Compilation;

namespace DeterrenceSim.Engine;

/// <summary>
/// The numbers of the world that change over the periods of a run (DESIGN.md section 4): capabilities, commitments'
/// reliability and signal, beliefs, and who is overstretched this period. In a single round it is the scenario as
/// written.
/// </summary>
internal sealed class WorldState
{
    public WorldState(CompiledScenario scenario)
    {
        Scenario = scenario;
        Capability = (double[])scenario.Capability.Clone();
        Reliability = (double[])scenario.Reliability.Clone();
        OutOfScopeReliability = (double[])scenario.OutOfScopeReliability.Clone();
        Signal = (double[])scenario.Signal.Clone();
        BeliefObservations = new double[scenario.Reliability.Length];
        BeliefShortfall = new double[scenario.Reliability.Length];
        PriorMean = new double[scenario.Reliability.Length];
        RealisedProjectionFactor = new double[scenario.Capability.Length];
        Reset();
    }

    public CompiledScenario Scenario { get; }

    /// <summary>Capability K of each state now.</summary>
    public double[] Capability { get; }

    /// <summary>In-scope reliability ρ of each commitment now.</summary>
    public double[] Reliability { get; }

    public double[] OutOfScopeReliability { get; }

    /// <summary>Signal v of each commitment now.</summary>
    public double[] Signal { get; }

    /// <summary>Gets or sets a value indicating whether perceptions are anchored on beliefs instead of the true ρ.</summary>
    public bool Learning { get; set; }

    /// <summary>
    /// Observed calls n (in scope, fought or not) of each commitment. The belief about a commitment is shared by every
    /// observer: all see every war and start from the same prior (DESIGN.md section 4).
    /// </summary>
    public double[] BeliefObservations { get; }

    /// <summary>
    /// Σ (fought − announced reliability at the time) over the observed calls of each commitment: what the record says
    /// about the supporter beyond what the engagement policy announced.
    /// </summary>
    public double[] BeliefShortfall { get; }

    /// <summary>Gets or sets the prior strength n₀ in pseudo-observations.</summary>
    public double PriorStrength { get; set; }

    /// <summary>
    /// The prior mean of each belief: the commitment's reliability at the start plus every deepening since. Deepening
    /// is the engagement policy's public outcome, so observers know of it; what they learn from wars is how far the
    /// supporter falls short of (or exceeds) it.
    /// </summary>
    public double[] PriorMean { get; }

    /// <summary>Factor on each state's realised projection this period: 1, or 1 / overstretch after it fought.</summary>
    public double[] RealisedProjectionFactor { get; }

    /// <summary>Restores the scenario's values, without learning or overstretch.</summary>
    public void Reset()
    {
        var s = Scenario;
        s.Capability.CopyTo(Capability, 0);
        s.Reliability.CopyTo(Reliability, 0);
        s.OutOfScopeReliability.CopyTo(OutOfScopeReliability, 0);
        s.Signal.CopyTo(Signal, 0);
        Array.Fill(RealisedProjectionFactor, 1.0);
        Array.Clear(BeliefObservations);
        Array.Clear(BeliefShortfall);
        s.Reliability.CopyTo(PriorMean, 0);
        Learning = false;
    }

    /// <summary>
    /// The posterior mean m_t + Σ(x_i − m_(t_i)) / (n₀ + n), clamped to [0, 1]: the announced reliability m_t
    /// (start plus public deepening) corrected by the record, x_i = 1 if the supporter fought at call i. Without
    /// deepening it is the Beta-Bernoulli posterior mean (n₀ m₀ + s) / (n₀ + s + f) (DESIGN.md section 4; e.g. Gelman
    /// et al. 2013, Bayesian Data Analysis, section 2.4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per in-scope participant and commitment each period
    public double BeliefMean(int commitment)
    {
        double observations = BeliefObservations[commitment];
        double prior = PriorMean[commitment];
        if (observations == 0)
        {
            return prior; // no observation yet: exactly the prior mean, whatever n₀
        }

        // Beta-Bernoulli on the record measured against what was announced when each call came: with no deepening this
        // is (n₀ m₀ + s) / (n₀ + s + f) exactly; with public deepening, old calls count by how far they fell short of the
        // reliability then in force, not against today's.
        double n0 = PriorStrength;
        // A probability: perception keeps its logit finite (ObserverFrame's anchor floor), the same rule as without learning.
        return Math.Clamp(prior + (BeliefShortfall[commitment] / (n0 + observations)), 0, 1);
    }
}
