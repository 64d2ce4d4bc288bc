using System.Reflection;
using DeterrenceSim.Model;

namespace DeterrenceSim.Scenarios;

/// <summary>
/// Loads scenarios from JSON files, strings and the scenarios embedded in the library, in the format of DESIGN.md
/// section 6, and writes them back. Every load is validated strictly (<see cref="ScenarioValidator"/>).
/// </summary>
public static class ScenarioLoader
{
    private const string ResourcePrefix = "DeterrenceSim.Scenarios.";

    /// <summary>Gets the name of the default embedded scenario: <c>indo-pacific-2023</c>.</summary>
    public const string DefaultScenarioName = "indo-pacific-2023";

    /// <summary>Gets the names of the scenarios embedded in the library, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(ScenarioLoader).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads an embedded scenario by name, or else a scenario file by path.</summary>
    /// <param name="nameOrPath">An embedded scenario name (see <see cref="EmbeddedNames"/>) or a path to a JSON file.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid.</exception>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        return EmbeddedNames.Contains(nameOrPath, StringComparer.Ordinal) ? LoadEmbedded(nameOrPath) : LoadFile(nameOrPath);
    }

    /// <summary>Loads an embedded scenario.</summary>
    /// <param name="name">One of <see cref="EmbeddedNames"/>.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not an embedded scenario.</exception>
    public static Scenario LoadEmbedded(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ArgumentException($"No embedded scenario is named '{name}'; the embedded scenarios are: {string.Join(", ", EmbeddedNames)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "embedded:" + name);
    }

    /// <summary>Loads a scenario file.</summary>
    /// <param name="path">Path to a UTF-8 JSON file.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid; the message names the file.</exception>
    public static Scenario LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException(path, "$", "a scenario JSON file", "a directory");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string embedded = EmbeddedNames.Count > 0 ? $" (embedded scenarios: {string.Join(", ", EmbeddedNames)})" : "";
            throw new ScenarioException(path, "$", "a readable scenario file or an embedded scenario name" + embedded, e.Message, innerException: e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses a scenario from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">The name used in error messages. The default value is <c>&lt;string&gt;</c>.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioException">The document is malformed or invalid.</exception>
    public static Scenario Parse(string json, string source = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScenarioJsonReader.Read(json, source);
    }

    /// <summary>Writes a scenario as indented JSON with every field explicit, defaults included.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>A document that <see cref="Parse"/> reads back to an equal scenario.</returns>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return ScenarioJsonWriter.Write(scenario);
    }
}
