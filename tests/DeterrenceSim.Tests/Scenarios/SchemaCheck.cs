using System.Text.Json;
using DeterrenceSim.Scenarios;
using Json.Schema;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>
/// Evaluates documents against the scenario JSON Schema (<see cref="ScenarioSchema.Json"/>) with JsonSchema.Net, a
/// draft 2020-12 validator, and knows which of the loader's checks a schema cannot express.
/// </summary>
internal static class SchemaCheck
{
    /// <summary>
    /// The loader's checks that no JSON Schema can make, by the start of the error's <see cref="ScenarioException.Expected"/>
    /// text: they relate one value to another elsewhere in the document (references, uniqueness across items, two fields
    /// of one item) or to the text rather than the parsed value (duplicate keys). The schema may let such documents
    /// through; every other error of the loader must have a counterpart in the schema.
    /// </summary>
    public static readonly (string Expected, string Why)[] ReaderOnly =
    [
        ("the id of a state in $.states", "a reference to a state"),
        ("the id of an alliance in $.alliances", "a reference to an alliance"),
        ("the id of a member of this alliance", "a preference keyed by a member of the alliance"),
        ("a state id unique in", "ids unique across items"),
        ("an alliance id unique in", "ids unique across items"),
        ("a crisis id unique in", "ids unique across items"),
        ("a variant name unique in", "names unique across items"),
        ("a parameter path of the scenario", "a variant's override path against the scenario's items and fields"),
        ("a value valid at", "a variant's override value against the field its path names"),
        ("overrides that together give a valid scenario", "a variant's overrides against the scenario's rules"),
        ("a state other than the supporter", "two fields of one commitment"),
        ("a state other than the challenger", "two fields of one crisis"),
        ("a state the challenger strikes", "a strike's target against the crisis's challenger"),
        ("a number in (0, 1] for a protagonist", "a projection keyed by the crisis's challenger or defender"),
        ("one commitment per (supporter, protege)", "pairs unique across items"),
        ("a supporter on one side only", "commitments against crises"),
        ("each field once", "duplicate keys, which a parsed document no longer has"),
        ("a finite number of magnitude 0 or at least 5e-324", "a number too small for a double (a schema reads 1e-400 as a decimal, not 0)"),
    ];

    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(ScenarioSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Evaluates a document; returns null when it is valid, else the schema's errors, one a line.</summary>
    /// <exception cref="JsonException">The text is not strict JSON.</exception>
    public static string? Errors(string json)
    {
        using var document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), StrictJson);
        return Errors(document.RootElement);
    }

    /// <summary>Whether the schema accepts a document (faster than <see cref="Errors(string)"/>: no error messages).</summary>
    /// <exception cref="JsonException">The text is not strict JSON.</exception>
    public static bool Accepts(string json)
    {
        using var document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), StrictJson);
        return Evaluate(document.RootElement, OutputFormat.Flag) is { IsValid: true };
    }

    /// <summary>Evaluates a document; returns null when it is valid, else the schema's errors, one a line.</summary>
    public static string? Errors(JsonElement document)
    {
        var results = Evaluate(document, OutputFormat.Hierarchical);
        if (results is null)
        {
            return "uniqueItems: a number the validator cannot compare";
        }

        if (results.IsValid)
        {
            return null;
        }

        return string.Join("\n", Failures(results).DefaultIfEmpty("invalid"));
    }

    /// <summary>Evaluates a document; null if the validator cannot (see below): such a document is invalid.</summary>
    private static EvaluationResults? Evaluate(JsonElement document, OutputFormat format)
    {
        try
        {
            return Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = format });
        }
        catch (FormatException e) when (e.StackTrace?.Contains("UniqueItemsKeyword", StringComparison.Ordinal) == true)
        {
            // JsonSchema.Net 8.0.5 hashes the numbers in a uniqueItems array as decimals and throws on one beyond
            // decimal's range (1e999). The only uniqueItems array, alliance members, holds strings: such a document is
            // invalid, and other validators say so.
            return null;
        }
    }

    /// <summary>The errors of the failing nodes under a failing node: not those of the branches of an anyOf that
    /// passed, nor of an if, whose failure only picks the else.</summary>
    private static IEnumerable<string> Failures(EvaluationResults node)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var error in node.Errors ?? new Dictionary<string, string>())
        {
            yield return $"{node.InstanceLocation} ({node.EvaluationPath}): {error.Key}: {error.Value}";
        }

        foreach (var line in (node.Details ?? []).SelectMany(Failures))
        {
            yield return line;
        }
    }

    /// <summary>Whether a loader error is one of the <see cref="ReaderOnly"/> checks.</summary>
    public static bool IsReaderOnly(ScenarioException e) =>
        ReaderOnly.Any(r => e.Expected.StartsWith(r.Expected, StringComparison.Ordinal));

    /// <summary>
    /// Asserts that the schema rejects a document the loader rejected with <paramref name="loaderError"/>, unless the
    /// loader's check is one a schema cannot make (<see cref="ReaderOnly"/>) or the text is not JSON at all (a syntax
    /// error, which no schema sees).
    /// </summary>
    public static void AssertRejects(string json, ScenarioException loaderError)
    {
        string? errors;
        try
        {
            errors = Errors(json);
        }
        catch (JsonException)
        {
            return;
        }

        Assert.True(
            errors is not null || IsReaderOnly(loaderError),
            $"The loader rejects this document at {loaderError.JsonPath} (expected {loaderError.Expected}, found {loaderError.Found}), "
            + "but docs/scenario.schema.json accepts it: make the schema (ScenarioKinds, ScenarioSchema.Generate) express the check, or, if no schema can, add it to SchemaCheck.ReaderOnly.\n"
            + json);
    }
}
