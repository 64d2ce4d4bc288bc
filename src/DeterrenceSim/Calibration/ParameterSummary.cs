namespace DeterrenceSim.Calibration;

/// <summary>
/// The weighted summary of one parameter over the final population of <see cref="AbcSmc.Run"/>: the ABC posterior's
/// mean, standard deviation and central 95% interval, in the parameter's unit.
/// </summary>
/// <param name="Name">The parameter's name (<see cref="CalibratedParameter.Name"/>).</param>
/// <param name="Mean">The weighted mean Σ wᵢ θᵢ (weights normalised).</param>
/// <param name="StandardDeviation">The weighted standard deviation with the reliability-weights Bessel correction,
/// sqrt(Σ wᵢ (θᵢ − mean)² / (1 − Σ wᵢ²)) (MathNet's <c>RunningWeightedStatistics</c>); the sample standard deviation
/// when the weights are equal. Range: ≥ 0.</param>
/// <param name="Q025">The weighted 2.5% quantile (<see cref="AbcSmcResult"/> gives the definition).</param>
/// <param name="Q975">The weighted 97.5% quantile.</param>
public sealed record ParameterSummary(string Name, double Mean, double StandardDeviation, double Q025, double Q975);
