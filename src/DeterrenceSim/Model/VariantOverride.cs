namespace DeterrenceSim.Model;

/// <summary>
/// One override of a <see cref="ScenarioVariant"/>: a parameter path and its value, exactly as a <c>--set PATH=VALUE</c>
/// gives them, with the reason for the value and where it comes from.
/// </summary>
/// <param name="Path">The parameter path (DESIGN.md section 6), such as <c>states.CHN.perception.credulity</c>; <c>*</c>
/// and commitment patterns select several values.</param>
/// <param name="Value">The value as text, as <c>--set</c> takes it: a number in the invariant culture (<c>0.25</c>), a
/// name (<c>TakeItOrLeaveIt</c>), <c>true</c> or <c>false</c>, or <c>null</c> to unset a nullable field. The file holds it
/// as a JSON number, string, boolean or null.</param>
/// <param name="Rationale">Why the value is what it is (non-blank).</param>
/// <param name="Sources">The sources of the value, one citation each; at least one.</param>
public sealed record VariantOverride(string Path, string Value, string Rationale, IReadOnlyList<string> Sources);
