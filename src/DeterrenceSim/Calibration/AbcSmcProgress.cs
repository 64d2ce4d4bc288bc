namespace DeterrenceSim.Calibration;

/// <summary>Progress of <see cref="AbcSmc.Run"/>, reported after each batch of proposals.</summary>
/// <param name="Generation">The generation t, from 0.</param>
/// <param name="Epsilon">The generation's tolerance εₜ (+∞ in generation 0, which samples the prior).</param>
/// <param name="Accepted">Particles accepted so far in the generation. Range: 0 to <see cref="AbcSmcOptions.Particles"/>.</param>
/// <param name="Proposed">Proposals simulated so far in the generation; once the generation is complete, the proposals
/// it used (up to and including the last accepted one).</param>
public readonly record struct AbcSmcProgress(int Generation, double Epsilon, int Accepted, long Proposed);
