using System.Reflection;
using System.Text;
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
    public static Scenario LoadEmbedded(string name) => Parse(EmbeddedText(name), "embedded:" + name);

    /// <summary>
    /// Loads a scenario (an embedded name or a file) and applies overrides to it before it is validated, once, as a
    /// whole: a scenario that is incomplete or invalid only in fields the overrides set is accepted, as it will run
    /// (for example a take-it-or-leave-it protocol without a <c>defenderCostUpperBound</c>, which a sweep's every design
    /// point sets).
    /// </summary>
    /// <param name="nameOrPath">An embedded scenario name, or else a file path.</param>
    /// <param name="overrides">Pairs of parameter path and value, as for <see cref="ParameterPaths.SetAll(Model.Scenario, IEnumerable{KeyValuePair{string, string}}, string?)"/>, applied
    /// in order; empty to load the scenario as it is.</param>
    /// <returns>The scenario with the overrides applied, validated.</returns>
    /// <exception cref="ArgumentException"><paramref name="nameOrPath"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="overrides"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioException">The file is missing, unreadable or malformed, an override's path matches
    /// nothing or its value does not parse, or the scenario with the overrides applied is invalid (the error is
    /// attributed to the override that wrote the offending value, if one did).</exception>
    public static Scenario Load(string nameOrPath, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        ArgumentNullException.ThrowIfNull(overrides);
        bool embedded = EmbeddedNames.Contains(nameOrPath, StringComparer.Ordinal);
        string source = embedded ? "embedded:" + nameOrPath : nameOrPath;
        var scenario = ScenarioJsonReader.Read(embedded ? EmbeddedText(nameOrPath) : FileText(nameOrPath), source, validate: false);
        var result = ParameterPaths.SetAll(scenario, overrides, source, validateFirst: false);

        // The file's variants are checked as when it loads without overrides (each applied, every path resolving and
        // every value valid), here on the scenario as the overrides complete it; errors name the file.
        if (result.Variants is { Count: > 0 })
        {
            ScenarioValidator.Validate(result, source, applyVariants: true);
        }

        return result;
    }

    private static string EmbeddedText(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ArgumentException($"No embedded scenario is named '{name}'; the embedded scenarios are: {string.Join(", ", EmbeddedNames)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a scenario file.</summary>
    /// <param name="path">Path to a UTF-8 JSON file.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid; the message names the file.</exception>
    public static Scenario LoadFile(string path) => Parse(FileText(path), path);

    private static string FileText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException(path, "$", "a scenario JSON file", "a directory");
        }

        try
        {
            return ReadText(path);
        }
        catch (DecoderFallbackException e)
        {
            throw new ScenarioException(path, "$", "UTF-8 text", $"a byte that is not UTF-8 at byte {e.Index}", innerException: e);
        }
        catch (InvalidDataException e)
        {
            throw new ScenarioException(path, "$", $"a scenario file of at most {MaxFileBytes / (1024 * 1024)} MiB", e.Message, innerException: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string embedded = EmbeddedNames.Count > 0 ? $" (embedded scenarios: {string.Join(", ", EmbeddedNames)})" : "";
            string found = e switch
            {
                FileNotFoundException => "no such file",
                DirectoryNotFoundException => "no such folder",
                _ => e.Message,
            };
            throw new ScenarioException(path, "$", "a readable scenario file or an embedded scenario name" + embedded, found, innerException: e);
        }
    }

    /// <summary>The largest scenario file read: 64 MiB (the embedded scenario is about 40 KiB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads a file as strict UTF-8 (a byte-order mark allowed), refusing more than <see cref="MaxFileBytes"/>.</summary>
    private static string ReadText(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new InvalidDataException($"more than {MaxFileBytes} bytes (not a regular scenario file?)");
            }

            buffer.Write(chunk, 0, read);
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return strict.GetString(bytes);
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
    /// <returns>A document that <see cref="Parse"/> reads back to an equivalent scenario (one that writes the same
    /// document; records holding lists compare those lists by reference, so compare scenarios by their JSON).</returns>
    /// <exception cref="ScenarioException">The scenario is invalid (it was built in code with a bad value).</exception>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioValidator.Validate(scenario, null, applyVariants: false);
        return ScenarioJsonWriter.Write(scenario);
    }
}
