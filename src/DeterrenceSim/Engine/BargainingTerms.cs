namespace DeterrenceSim.Engine;

/// <summary>
/// The bargaining constants of a crisis that a <see cref="IBargainingProtocol"/> decides with (DESIGN.md section 3):
/// stakes normalised to 1, the challenger C's share x in [0, 1], costs as fractions of the whole stakes. Constant over a
/// run; the defender's cost of a round is passed to <see cref="IBargainingProtocol.IsWar"/> separately, since it may be
/// a private draw.
/// </summary>
/// <param name="StatusQuo">C's present share q. Range: [0, 1]. A settlement x ≤ q is deterrence, x &gt; q a concession.</param>
/// <param name="ChallengerCost">C's cost of war c_C. Range: [0, 1].</param>
/// <param name="ChallengerPower">C's bargaining power λ in a Nash split (Fearon 1995). Range: [0, 1].</param>
/// <param name="DefenderCostUpperBound">The upper bound c̄ of the defender's private cost, drawn from U[0, c̄] each round
/// by protocols with <see cref="IBargainingProtocol.PrivateDefenderCost"/>. Range: (0, 1]; 0 when the crisis gives none.</param>
public readonly record struct BargainingTerms(double StatusQuo, double ChallengerCost, double ChallengerPower, double DefenderCostUpperBound);
