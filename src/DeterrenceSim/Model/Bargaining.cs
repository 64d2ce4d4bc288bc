namespace DeterrenceSim.Model;

/// <summary>How a crisis is bargained (DESIGN.md section 3).</summary>
/// <param name="Protocol">The protocol. The default value is <see cref="BargainingProtocol.NashSplit"/>.</param>
/// <param name="ChallengerPower">Challenger's bargaining power λ in a Nash split. Range: [0, 1]. The default value is 0.5.</param>
/// <param name="DefenderCostUpperBound">
/// Upper bound c̄ of the defender's private cost, drawn from U[0, c̄] each round under
/// <see cref="BargainingProtocol.TakeItOrLeaveIt"/> (required there). Range: 0 &lt; c̄ ≤ 1. The default value is <see langword="null"/>.
/// </param>
public sealed record Bargaining(
    BargainingProtocol Protocol = BargainingProtocol.NashSplit,
    double ChallengerPower = 0.5,
    double? DefenderCostUpperBound = null)
{
    /// <summary>Gets the default: a Nash split with λ = 0.5.</summary>
    public static Bargaining Default { get; } = new();
}
