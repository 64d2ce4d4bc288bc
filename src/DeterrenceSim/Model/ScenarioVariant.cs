namespace DeterrenceSim.Model;

/// <summary>
/// A named variant of a scenario (DESIGN.md section 6, the <c>variants</c> field): a set of parameter overrides, each
/// with its rationale and sources, applied to the scenario as written with
/// <see cref="ScenarioExtensions.WithVariant(Scenario, string)"/> or the CLI's <c>--variant NAME</c>.
/// </summary>
/// <param name="Name">The variant's name: letters, digits, <c>_</c> and <c>-</c>, unique in the scenario's variants.</param>
/// <param name="Description">What the variant depicts (non-blank).</param>
/// <param name="Overrides">The overrides, at least one, applied in order and validated once after all of them, as
/// <c>--set</c> overrides are.</param>
public sealed record ScenarioVariant(string Name, string Description, IReadOnlyList<VariantOverride> Overrides);
