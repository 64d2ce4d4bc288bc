namespace DeterrenceSim.Calibration;

/// <summary>One complete generation of <see cref="AbcSmc.Run"/>, in its history.</summary>
/// <param name="Index">The generation t, from 0.</param>
/// <param name="Epsilon">The tolerance εₜ: a proposal was accepted when its distance ρ ≤ εₜ. +∞ in generation 0,
/// which samples the prior.</param>
/// <param name="Accepted">The particles N accepted.</param>
/// <param name="Proposals">The proposals (model simulations) used: the index of the N-th accepted proposal plus one.
/// Range: ≥ N.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size of the importance weights, (Σ wᵢ)² / Σ wᵢ² (Kish 1965,
/// Survey Sampling; Liu 1996). Range: 1 to N.</param>
public sealed record AbcSmcGeneration(int Index, double Epsilon, int Accepted, long Proposals, double EffectiveSampleSize)
{
    /// <summary>The acceptance rate N / proposals. Range: (0, 1].</summary>
    public double AcceptanceRate => (double)Accepted / Proposals;
}
