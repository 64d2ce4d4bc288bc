using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.IO;

/// <summary>
/// Where a result came from: the scenario's source and SHA-256, the <c>--set</c> overrides applied to it and the
/// library version. With the seed (which every result records) it identifies a run: the same four give the same
/// numbers. Written by the JSON and CSV writers of results (keys <c>library</c>, <c>scenarioSource</c>,
/// <c>scenarioSha256</c>, <c>overrides</c>, and <c>variants</c> when a named variant was applied; CSV columns
/// <c>scenario_source</c>, <c>scenario_sha256</c>, <c>overrides</c>, <c>library</c>, <c>variants</c>), by sidecars and by Parquet key-value metadata, under the names a sweep's
/// sidecar uses.
/// </summary>
/// <param name="ScenarioSource">The scenario's source: <c>embedded:NAME</c> for an embedded scenario, otherwise the
/// file path as given.</param>
/// <param name="ScenarioSha256">SHA-256 of the canonical JSON of the scenario as run, overrides applied
/// (<see cref="ScenarioLoader.ToJson"/>), 64 lower-case hex digits: the same scenario gives the same hash whatever
/// its file's layout, and the same hash a sweep's sidecar records.</param>
/// <param name="Overrides">The overrides, <c>PATH=VALUE</c>, in the order given; empty for none.</param>
public sealed record Provenance(string ScenarioSource, string ScenarioSha256, IReadOnlyList<string> Overrides)
{
    /// <summary>Gets the names of the scenario's variants applied before the overrides (<c>--variant</c>), in order;
    /// empty (the default) for none. Written as the key <c>variants</c> only when there are some, so that documents
    /// without variants keep their bytes; the CSV column <c>variants</c> (names joined by <c>;</c>) is always there, after
    /// <c>library</c>.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Gets the library version that computed the result (the assembly's informational version).</summary>
    public string Library { get; init; } = SweepFile.LibraryVersion;

    /// <summary>Describes a scenario as run.</summary>
    /// <param name="scenario">The scenario, overrides applied.</param>
    /// <param name="scenarioSource">Its source: <c>embedded:NAME</c> or a file path.</param>
    /// <param name="overrides">The overrides applied, <c>PATH=VALUE</c>; <see langword="null"/> for none.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> or <paramref name="scenarioSource"/> is
    /// <see langword="null"/>.</exception>
    public static Provenance Of(Scenario scenario, string scenarioSource, IReadOnlyList<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioSource);
        return new Provenance(scenarioSource, HashOf(scenario), overrides?.ToArray() ?? []);
    }

    /// <summary>SHA-256 of a scenario's canonical JSON, lower-case hex.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The hash.</returns>
    internal static string HashOf(Scenario scenario) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ScenarioLoader.ToJson(scenario)))).ToLowerInvariant();

    /// <summary>The overrides as one CSV or metadata value: joined by <c>;</c> (no parameter path or value holds one).</summary>
    internal string JoinedOverrides => string.Join(';', Overrides);

    /// <summary>Writes the four keys into the JSON object being written: <c>library</c>, <c>scenarioSource</c>,
    /// <c>scenarioSha256</c> and <c>overrides</c> (an array of strings).</summary>
    /// <param name="writer">A writer inside an object.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("library", Library);
        writer.WriteString("scenarioSource", ScenarioSource);
        writer.WriteString("scenarioSha256", ScenarioSha256);
        writer.WritePropertyName("overrides");
        WriteOverrides(writer);
        if (Variants.Count > 0)
        {
            writer.WritePropertyName("variants");
            WriteStrings(writer, Variants);
        }
    }

    private void WriteOverrides(Utf8JsonWriter writer) => WriteStrings(writer, Overrides);

    private static void WriteStrings(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (string assignment in values)
        {
            writer.WriteStringValue(assignment);
        }

        writer.WriteEndArray();
    }

    /// <summary>The four facts as key-value metadata (for a Parquet footer), under the JSON keys; <c>overrides</c> is a
    /// JSON array of strings; <c>variants</c>, likewise, only when there are some.</summary>
    /// <returns>A new dictionary: <c>library</c>, <c>scenarioSource</c>, <c>scenarioSha256</c>, <c>overrides</c>
    /// (and <c>variants</c>).</returns>
    public Dictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["library"] = Library,
            ["scenarioSource"] = ScenarioSource,
            ["scenarioSha256"] = ScenarioSha256,
            ["overrides"] = StringsJson(Overrides),
        };
        if (Variants.Count > 0)
        {
            metadata["variants"] = StringsJson(Variants);
        }

        return metadata;
    }

    private static string StringsJson(IReadOnlyList<string> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteStrings(writer, values);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The CSV header columns this adds, with a leading comma.</summary>
    internal const string CsvHeader = ",scenario_source,scenario_sha256,overrides,library,variants";

    /// <summary>The CSV fields, with a leading comma.</summary>
    internal string CsvFields => "," + Csv.Field(ScenarioSource) + "," + ScenarioSha256 + "," + Csv.Field(JoinedOverrides) + "," + Csv.Field(Library) + "," + Csv.Field(string.Join(';', Variants));
}
