namespace DeterrenceSim.Calibration;

/// <summary>
/// The documented rules that turn a historical dispute into a crisis of the model (docs/DESIGN.md section 10), other
/// than the calibrated parameters (<see cref="PopulationParameters"/>). The defaults are the values the docs defend.
/// </summary>
/// <param name="ProjectionHalfDistanceKm">
/// D, the capital-to-capital distance in kilometres at which a state projects half its capability: projection
/// π(d) = 1 / (1 + d / D), a hyperbolic loss-of-strength gradient (Boulding 1962: strength falls with distance from
/// home; the form and the value are assumptions). The defender projects 1 at home. Range: D &gt; 0. Default 2,000 km
/// (Berlin to Moscow, about 1,600 km, keeps 0.56; Washington to Seoul, about 11,100 km, 0.15).
/// </param>
/// <param name="Reliability">
/// ρ, the chance that an ally with a defence (or, for the challenger, offence) obligation in force fights (Leeds, Long
/// &amp; Mitchell 2000: 74.5% of commitments honoured, 1816-1944). Co-originators fight with probability 1. Range:
/// [0, 1]. Default 0.745.
/// </param>
/// <param name="ChallengerPower">λ, the challenger's bargaining power in the Nash split. Range: [0, 1]. Default 0.5.</param>
/// <param name="Decisiveness">m, the contest success function's exponent (Tullock 1980). Range: m &gt; 0. Default 1.</param>
public sealed record PopulationRules(
    double ProjectionHalfDistanceKm = 2000,
    double Reliability = 0.745,
    double ChallengerPower = 0.5,
    double Decisiveness = 1)
{
    /// <summary>Gets the documented defaults.</summary>
    public static PopulationRules Default { get; } = new();

    /// <summary>The projection π(d) = 1 / (1 + d / D) of a state whose capital lies <paramref name="distanceKm"/> from
    /// the defender's.</summary>
    /// <param name="distanceKm">The great-circle distance in km. Range: d ≥ 0.</param>
    /// <returns>π in (0, 1].</returns>
    public double Projection(double distanceKm) => 1 / (1 + (distanceKm / ProjectionHalfDistanceKm));

    internal void Validate()
    {
        if (!(ProjectionHalfDistanceKm > 0) || double.IsInfinity(ProjectionHalfDistanceKm))
        {
            throw new ArgumentOutOfRangeException(nameof(ProjectionHalfDistanceKm), ProjectionHalfDistanceKm, "expected a finite distance > 0 km");
        }

        if (!(Reliability >= 0 && Reliability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Reliability), Reliability, "expected a probability in [0, 1]");
        }

        if (!(ChallengerPower >= 0 && ChallengerPower <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ChallengerPower), ChallengerPower, "expected a share in [0, 1]");
        }

        if (!(Decisiveness > 0) || double.IsInfinity(Decisiveness))
        {
            throw new ArgumentOutOfRangeException(nameof(Decisiveness), Decisiveness, "expected a finite exponent > 0");
        }
    }
}
