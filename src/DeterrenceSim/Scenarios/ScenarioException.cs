namespace DeterrenceSim.Scenarios;

/// <summary>
/// A scenario is malformed or invalid: a JSON syntax error, a wrong type, an unknown or missing field, a value out of
/// its domain, a dangling or duplicate id, or a bad parameter path. The message names the file, the JSON path of the
/// offending value, what was expected and what was found, in one line.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ScenarioException"/> class.</summary>
    /// <param name="source">The file or source name of the scenario.</param>
    /// <param name="jsonPath">The JSON path of the offending value, such as <c>$.states[3].capability</c>.</param>
    /// <param name="expected">What was expected, such as <c>a number &gt; 0</c>.</param>
    /// <param name="found">What was found, such as <c>-0.5</c>.</param>
    /// <param name="parameterPath">The parameter path whose override caused the error, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ScenarioException(
        string source,
        string jsonPath,
        string expected,
        string found,
        string? parameterPath = null,
        Exception? innerException = null)
        : base(Format(source, jsonPath, expected, found, parameterPath), innerException)
    {
        Source = source;
        JsonPath = jsonPath;
        Expected = expected;
        Found = found;
        ParameterPath = parameterPath;
    }

    /// <summary>Gets the file or source name of the scenario.</summary>
    public new string Source { get; }

    /// <summary>Gets the JSON path of the offending value, such as <c>$.crises[0].defender</c>; <c>$</c> for the document.</summary>
    public string JsonPath { get; }

    /// <summary>Gets what was expected.</summary>
    public string Expected { get; }

    /// <summary>Gets what was found.</summary>
    public string Found { get; }

    /// <summary>Gets the parameter path (DESIGN.md section 6) whose override caused the error, or <see langword="null"/>.</summary>
    public string? ParameterPath { get; }

    /// <summary>Returns a copy of this error attributed to a parameter path override.</summary>
    internal ScenarioException WithParameterPath(string parameterPath) =>
        new(Source, JsonPath, Expected, Found, parameterPath, this);

    private static string Format(string source, string jsonPath, string expected, string found, string? parameterPath) =>
        Printable(parameterPath is null
            ? $"{source}: {jsonPath}: expected {expected}, found {found}"
            : $"{source}: parameter '{parameterPath}': {jsonPath}: expected {expected}, found {found}");

    /// <summary>Escapes control characters (newlines, terminal escapes) so the message stays one printable line.</summary>
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
