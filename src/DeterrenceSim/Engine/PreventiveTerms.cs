namespace DeterrenceSim.Engine;

/// <summary>
/// The constants of a crisis's preventive-war test (DESIGN.md section 3, step 1; Powell 2006): stakes normalised to 1,
/// costs as fractions of the whole stakes, looking <c>foresight</c> H periods ahead.
/// </summary>
/// <param name="Discount">δ^H, the per-period discount δ raised to the foresight H. Range: (0, 1).</param>
/// <param name="ChallengerCost">C's cost of war c_C. Range: [0, 1].</param>
/// <param name="DefenderCost">The defender's cost of war c_D the challenger plans with: the fixed cost, or c̄/2, the
/// expected private cost, under a protocol with <see cref="IBargainingProtocol.PrivateDefenderCost"/>. Range: [0, 1].</param>
public readonly record struct PreventiveTerms(double Discount, double ChallengerCost, double DefenderCost);
