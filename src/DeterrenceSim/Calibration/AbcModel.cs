namespace DeterrenceSim.Calibration;

/// <summary>
/// The simulation model that <see cref="AbcSmc"/> calibrates: one simulated data set, reduced to its summary
/// statistics, at the parameters θ.
/// </summary>
/// <param name="parameters">The parameters θ, one value a <see cref="CalibratedParameter"/>, in the order of the list
/// given to <see cref="AbcSmc.Run"/>; a fresh array the model may keep or change.</param>
/// <param name="key">The 64-bit key of this simulation's random draws (see <see cref="AbcSmc"/>, determinism): the
/// model must draw all its randomness from it (for example <c>new SplitMix64(key)</c>, or a seed derived from it), so
/// one key and one θ give one result on any thread.</param>
/// <returns>The simulated summary statistics s(θ, key), as many as the observed ones, in the same order and units;
/// finite. The sampler keeps the array as the particle's statistics when it accepts the proposal.</returns>
/// <remarks>The sampler calls the model from several threads at once (<see cref="AbcSmcOptions.Threads"/>), so it must
/// be thread-safe; it may call it for a few proposals past the last one a generation uses, whose results it
/// discards.</remarks>
public delegate double[] AbcModel(double[] parameters, ulong key);
