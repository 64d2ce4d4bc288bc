namespace DeterrenceSim.IO;

/// <summary>RFC 4180 helpers shared by the CSV writers.</summary>
internal static class Csv
{
    /// <summary>Quotes a field that holds a comma, a quote or a line break; doubles inner quotes.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
