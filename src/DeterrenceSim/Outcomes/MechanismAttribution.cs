namespace DeterrenceSim.Outcomes;

/// <summary>
/// Which mechanism of misperception caused the wars of a run (issue 12; DESIGN.md section 3, attribution by
/// mechanism). For a round, v(S) = 1 if it ends in war (preventive or bargaining) when exactly the factors in S are on,
/// every draw of the round kept; F is all eight <see cref="MechanismFactor"/>s.
/// </summary>
/// <remarks>
/// <para><b>But-for share</b> of factor f: the rate of rounds with a war that would not have happened with f alone
/// off, v(F) = 1 and v(F \ {f}) = 0. Several factors can each be but-for causes of one war, and a war may have none.</para>
/// <para><b>Shapley share</b> of factor f (Shapley 1953): in a war round with v(∅) = 0,
/// φ_f = Σ over S ⊆ F \ {f} of |S|! (8 − |S| − 1)! / 8! (v(S ∪ {f}) − v(S)), which sums to 1 over the factors; peace
/// rounds give 0, and wars with v(∅) = 1 are <see cref="Rational"/> (no misperception: private information under
/// take-it-or-leave-it, or a preventive war against a true closing window, Powell's commitment problem) and give no φ.
/// Such a war can still have but-for factors (the game need not be monotone: a factor can, with others off, prevent
/// the war that every factor off would fight). The share is
/// the mean of φ_f over all rounds, with a 95% t interval from its per-round variance; φ_f can be negative for a factor
/// that, in some coalitions, prevents the war (a pessimistic shock, a bias towards underrating). The Shapley shares
/// and <see cref="Rational"/> add up to the war rate exactly (the per-round values are summed as integers).</para>
/// <para>The old <see cref="WarCause"/>s remain what they are: which side's perception, made accurate as a whole, would
/// have prevented a bargaining war.</para>
/// </remarks>
/// <param name="Factors">The eight factors' shares, in the order of <see cref="MechanismFactor"/>.</param>
/// <param name="Rational">The rate of rounds with a war that happens with every factor off (v(∅) = 1): private
/// information or a commitment problem, no misperception; denominator: rounds.</param>
/// <param name="RationalPreventive">Those of <paramref name="Rational"/> that are preventive wars.</param>
/// <param name="RationalBargaining">Those that are bargaining wars.</param>
public sealed record MechanismAttribution(
    IReadOnlyList<MechanismShare> Factors,
    Proportion Rational,
    Proportion RationalPreventive,
    Proportion RationalBargaining)
{
    /// <summary>Gets the shares of one factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>Its shares.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined factor.</exception>
    public MechanismShare this[MechanismFactor factor] => (int)factor >= 0 && (int)factor < Factors.Count
        ? Factors[(int)factor]
        : throw new ArgumentOutOfRangeException(nameof(factor), factor, "Not a mechanism factor.");

    /// <summary>Gets the share of the wars that happen with every factor off: <see cref="Rational"/> with the war
    /// rounds as denominator.</summary>
    public Proportion RationalOfWars { get; init; } = Proportion.Wilson(0, 0);

    /// <summary>Gets the exact integer sums the shares were computed from (Engine.MechanismLayout: but-for counts,
    /// rational counts by kind, Shapley sums and sums of squares by kind and factor, times 8!), for exact pooling (sweep
    /// rows); <see langword="null"/> for an attribution built otherwise.</summary>
    internal long[]? Sums { get; init; }
}
/// <summary>One factor's shares of the wars of a run (see <see cref="MechanismAttribution"/>); denominators: rounds.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="ButFor">The rate of rounds whose war would not have happened with this factor alone off.</param>
/// <param name="Shapley">The mean Shapley value over rounds, with its 95% t interval. Range: [−1, 1].</param>
/// <param name="ShapleyPreventive">The same over preventive wars only (0 in every other round).</param>
/// <param name="ShapleyBargaining">The same over bargaining wars only.</param>
public sealed record MechanismShare(
    MechanismFactor Factor,
    Proportion ButFor,
    MeanEstimate Shapley,
    MeanEstimate ShapleyPreventive,
    MeanEstimate ShapleyBargaining)
{
    /// <summary>Gets the share of the wars that would not have happened with this factor alone off: the but-for count
    /// with the war rounds as denominator, with its 95% Wilson interval.</summary>
    public Proportion ButForOfWars { get; init; } = Proportion.Wilson(0, 0);

    /// <summary>Gets the factor's mean Shapley value over the war rounds (its share of the wars; the shares of wars and
    /// <see cref="MechanismAttribution.RationalOfWars"/> add up to 1), with a 95% t interval from the per-war variance,
    /// the number of wars taken as given. Range: [−1, 1].</summary>
    public MeanEstimate ShapleyOfWars { get; init; } = MeanEstimate.FromSums(0, 0, 0);

    /// <summary>Gets the factor's name, such as <c>defender.ownCredulity</c>.</summary>
    public string Name => Factor.Name();

    /// <summary>Gets the factor in words, such as "the defender believes its own coalition's signals of engagement";
    /// for an <c>*.opponentCredulity</c> factor whose observer has reach, anticipation or cohesion set, the words of
    /// its whole perception of the opposing coalition (<see cref="MechanismFactors.Description(MechanismFactor, Model.PerceptionProfile)"/>).</summary>
    public string Description { get; init; } = Factor.Description();
}
