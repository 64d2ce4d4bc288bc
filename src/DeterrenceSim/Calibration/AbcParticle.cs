namespace DeterrenceSim.Calibration;

/// <summary>One particle of the final population of <see cref="AbcSmc.Run"/>: an accepted proposal.</summary>
public sealed class AbcParticle
{
    internal AbcParticle(double[] parameters, double weight, double distance, double[] statistics, ulong key)
    {
        Parameters = Array.AsReadOnly(parameters);
        Weight = weight;
        Distance = distance;
        Statistics = Array.AsReadOnly(statistics);
        Key = key;
    }

    /// <summary>Gets the parameters θ, in the order of the calibrated parameters.</summary>
    public IReadOnlyList<double> Parameters { get; }

    /// <summary>Gets the normalised importance weight w (the population's weights sum to 1). Range: [0, 1].</summary>
    public double Weight { get; }

    /// <summary>Gets the distance ρ(s(θ), s_obs) of the particle's statistics to the observed ones. Range: 0 ≤ ρ ≤ ε of
    /// the generation.</summary>
    public double Distance { get; }

    /// <summary>Gets the simulated summary statistics s(θ, key) the model returned: a draw of the posterior predictive
    /// distribution when taken with the particle's weight.</summary>
    public IReadOnlyList<double> Statistics { get; }

    /// <summary>Gets the key the model drew its randomness from; calling the model again with <see cref="Parameters"/>
    /// and this key reproduces the simulation (to record more of it than the statistics).</summary>
    public ulong Key { get; }
}
