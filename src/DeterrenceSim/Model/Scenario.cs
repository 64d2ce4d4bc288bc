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
}
