using System.Globalization;

namespace DeterrenceSim.IO;

/// <summary>RFC 4180 helpers shared by the CSV writers.</summary>
internal static class Csv
{
    /// <summary>Quotes a field that holds a comma, a quote or a line break; doubles inner quotes.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Writes <c>count,trials,estimate,lower,upper</c> and the line end; an undefined value is an empty field.</summary>
    public static void WriteEstimate(TextWriter w, long? count, long? trials, double? estimate, double? lower, double? upper, string suffix = "")
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(count?.ToString(c));
        w.Write(',');
        w.Write(trials?.ToString(c));
        w.Write(',');
        w.Write(estimate?.ToString("R", c) ?? "");
        w.Write(',');
        w.Write(lower?.ToString("R", c) ?? "");
        w.Write(',');
        w.Write(upper?.ToString("R", c) ?? "");
        w.Write(suffix);
        w.Write('\n');
    }
}
