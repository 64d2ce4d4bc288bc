namespace DeterrenceSim.Model;

/// <summary>
/// A complete model world with its provenance (DESIGN.md section 2): states, alliances, commitments and crises.
/// Load one with <see cref="Scenarios.ScenarioLoader"/>, or build one in code and check it with
/// <see cref="Scenarios.ScenarioValidator.Validate(Scenario, string?)"/>.
/// </summary>
/// <param name="Name">Scenario name; non-empty.</param>
/// <param name="States">The agents; non-empty, ids unique.</param>
/// <param name="Crises">The crises; non-empty, ids unique.</param>
public sealed record Scenario(string Name, IReadOnlyList<State> States, IReadOnlyList<Crisis> Crises)
{
    /// <summary>Gets the year the scenario depicts, or <see langword="null"/>. The default value is <see langword="null"/>.</summary>
    public int? Year { get; init; }

    /// <summary>Gets a description, with the rationale of assumed numbers. The default value is empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Gets the sources of the data, one citation each. The default value is empty.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Gets the alliances. The default value is empty.</summary>
    public IReadOnlyList<Alliance> Alliances { get; init; } = [];

    /// <summary>Gets the commitments; one per (supporter, protégé). The default value is empty.</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    /// <summary>The largest number of periods of a run: 10,000.</summary>
    public const int MaxPeriods = 10_000;

    /// <summary>Gets the number of periods T of a run (DESIGN.md section 4). Range: integer, 1 ≤ T ≤ <see cref="MaxPeriods"/>. The default value is 20.</summary>
    public int Periods { get; init; } = 20;

    /// <summary>
    /// Gets a value indicating whether states learn the reliability of commitments from what supporters do when called
    /// on (Beta-Bernoulli; DESIGN.md section 4). The default value is <see langword="true"/>.
    /// </summary>
    public bool Learning { get; init; } = true;

    /// <summary>
    /// Gets the weight of the prior belief about each commitment, in pseudo-observations n₀: the prior is
    /// Beta(n₀ ρ₀, n₀ (1 - ρ₀)). Range: finite, ≥ 0; 0 lets the first observation dominate. The default value is 10.
    /// </summary>
    public double PriorStrength { get; init; } = 10;

    /// <summary>
    /// Gets the overstretch factor: a supporter that fought in an earlier crisis of the same period projects this many
    /// times less into later ones (perceptions ignore it; DESIGN.md section 4). Range: finite, ≥ 1; 1 is none. The
    /// default value is 1.
    /// </summary>
    public double Overstretch { get; init; } = 1;

    /// <summary>
    /// Gets the named variants: sets of parameter overrides, each value with its rationale and sources, applied with
    /// <see cref="ScenarioExtensions.WithVariant(Scenario, string)"/> (DESIGN.md section 6). Names unique. The default
    /// value is empty; a scenario file without variants leaves the field out.
    /// </summary>
    public IReadOnlyList<ScenarioVariant> Variants { get; init; } = [];
}
