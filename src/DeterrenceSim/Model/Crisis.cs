namespace DeterrenceSim.Model;

/// <summary>
/// One challenger-defender dispute (DESIGN.md section 2). Stakes are normalised to 1; costs are fractions of the stakes.
/// </summary>
/// <param name="Id">Identifier, unique among crises; pattern <c>^[A-Za-z0-9_-]+$</c>.</param>
/// <param name="Challenger">Id of the challenger C; must exist and differ from <paramref name="Defender"/>.</param>
/// <param name="Defender">Id of the defender D; must exist.</param>
/// <param name="Theatre">Where the war would be fought.</param>
/// <param name="StatusQuo">Status quo q: the challenger's present share of the stakes. Range: [0, 1].</param>
/// <param name="ChallengerCost">Challenger's cost of war c_C, a fraction of the stakes. Range: [0, 1].</param>
public sealed record Crisis(string Id, string Challenger, string Defender, Theatre Theatre, double StatusQuo, double ChallengerCost)
{
    /// <summary>
    /// Gets the defender's cost of war c_D, a fraction of the stakes. Range: [0, 1]. Required for
    /// <see cref="BargainingProtocol.NashSplit"/>; ignored by <see cref="BargainingProtocol.TakeItOrLeaveIt"/>, where the
    /// cost is private. The default value is <see langword="null"/>.
    /// </summary>
    public double? DefenderCost { get; init; }

    /// <summary>Gets the discount factor δ per period (Powell 2006). Range: 0 &lt; δ &lt; 1. The default value is 0.9.</summary>
    public double Discount { get; init; } = 0.9;

    /// <summary>Gets the decisiveness m of the contest success function (Tullock 1980; Hirshleifer 1989). Range: m &gt; 0. The default value is 1.</summary>
    public double Decisiveness { get; init; } = 1;

    /// <summary>
    /// Gets the foresight H: periods of commitment deepening and capability growth the challenger anticipates in its
    /// preventive test. Range: integer ≥ 1. The default value is 1.
    /// </summary>
    public int Foresight { get; init; } = 1;

    /// <summary>Gets the bargaining protocol and its parameters. The default value is <see cref="Model.Bargaining.Default"/>.</summary>
    public Bargaining Bargaining { get; init; } = Bargaining.Default;

    /// <summary>Gets the escalation strikes possible in war. The default value is empty.</summary>
    public IReadOnlyList<EscalationStrike> Escalation { get; init; } = [];
}
