namespace DeterrenceSim.Scenarios;

/// <summary>
/// The JSON Schema (draft 2020-12) of the scenario format of DESIGN.md section 6, for editors and for validating scenario
/// files with any JSON Schema library. The schema checks types, required fields, unknown fields, domains and choices;
/// <see cref="ScenarioLoader"/> checks the same and also what a schema cannot express (unique ids, references to
/// existing states and alliances, the other rules between items). The library itself does not validate with it.
/// </summary>
/// <remarks>
/// The same document is <c>docs/scenario.schema.json</c> in the repository and <c>schema/scenario.schema.json</c> in the
/// NuGet package. A scenario file names it with a top-level <c>"$schema"</c> key (a path or URL of a copy), which the
/// loader accepts and ignores. Write a copy beside your scenarios with
/// <c>File.WriteAllText("scenario.schema.json", ScenarioSchema.Json)</c>.
/// </remarks>
public static class ScenarioSchema
{
    private const string ResourceName = "DeterrenceSim.scenario.schema.json";

    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The schema's identifier, its <c>$id</c>: <c>urn:deterrencesim:scenario</c>. A name, not a location: it does
    /// not change when the schema grows (fields are only ever added) or moves.</summary>
    public const string Id = "urn:deterrencesim:scenario";

    /// <summary>Gets the schema document: JSON text, the same as <c>docs/scenario.schema.json</c>.</summary>
    public static string Json => Text.Value;

    private static string ReadResource()
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly (a build error).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
