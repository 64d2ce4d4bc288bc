using System.Globalization;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.Cli;

/// <summary>What <c>discover</c> found: the data it used, PRIM's trajectory and chosen box (Friedman &amp; Fisher, 1999;
/// Bryant &amp; Lempert, 2010), and its JSON and CSV forms (docs/discover.schema.json; README, section discover).</summary>
/// <param name="File">The file, as named on the command line.</param>
/// <param name="Where">The condition that marks the cases of interest.</param>
/// <param name="Inputs">The input columns, in the order given.</param>
/// <param name="Failed">The rows left out because their <c>error</c> column was not empty (points that could not run).</param>
/// <param name="Missing">The rows left out because their <c>--where</c> column was empty or NaN.</param>
/// <param name="Minimum">The data's smallest value of each input (rows used).</param>
/// <param name="Maximum">The data's largest value of each input (rows used).</param>
/// <param name="Options">The PRIM options.</param>
/// <param name="Result">PRIM's result.</param>
internal sealed record DiscoverReport(
    string File,
    DiscoverCondition Where,
    IReadOnlyList<string> Inputs,
    int Failed,
    int Missing,
    IReadOnlyList<double> Minimum,
    IReadOnlyList<double> Maximum,
    PrimOptions Options,
    PrimResult Result)
{
    /// <summary>The CSV header: one table of three kinds of record (see <see cref="ToCsv"/>).</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["record", "step", "coverage", "density", "mass", "restricted", "cases", "casesOfInterest", "input", "lower", "upper", "qp", "qpLower", "qpUpper", "dataMin", "dataMax"];

    /// <summary>Gets the rows PRIM ran on (N).</summary>
    public int Rows => Result.Box.TotalCases;

    /// <summary>Gets the cases of interest among them (K).</summary>
    public int CasesOfInterest => Result.Box.TotalOfInterest;

    /// <summary>The quasi-p-value reported for a restricted input: the larger of its restricted limits' values (both
    /// limits are at least this significant), as one number a restriction.</summary>
    /// <param name="restriction">The restriction.</param>
    /// <returns>The value, 0 to 1.</returns>
    public static double QuasiP(PrimRestriction restriction) =>
        Math.Max(restriction.LowerQuasiP ?? 0, restriction.UpperQuasiP ?? 0);

    /// <summary>The JSON document (<c>--format json</c>), as docs/discover.schema.json describes it.</summary>
    /// <returns>The document, indented, with a final newline.</returns>
    public string ToJson() => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", File);
        w.WriteString("where", Where.ToString());
        w.WriteStartArray("inputs");
        foreach (string input in Inputs)
        {
            w.WriteStringValue(input);
        }

        w.WriteEndArray();
        w.WriteNumber("rows", Rows);
        w.WriteStartObject("rowsExcluded");
        w.WriteNumber("failed", Failed);
        w.WriteNumber("missing", Missing);
        w.WriteEndObject();
        w.WriteNumber("casesOfInterest", CasesOfInterest);
        w.WriteStartObject("options");
        w.WriteNumber("peel", Options.PeelAlpha);
        w.WriteNumber("paste", Options.PasteAlpha);
        w.WriteNumber("minMass", Options.MinimumMass);
        WriteNumberOrNull(w, "minDensity", Options.MinimumDensity);
        WriteNumberOrNull(w, "box", Options.Step);
        w.WriteEndObject();
        w.WriteNumber("chosenStep", Result.ChosenStep);
        w.WriteStartArray("trajectory");
        for (int s = 0; s < Result.Trajectory.Count; s++)
        {
            w.WriteStartObject();
            w.WriteNumber("step", s);
            WriteCounts(w, Result.Trajectory[s]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("box");
        w.WriteNumber("step", Result.ChosenStep);
        WriteCounts(w, Result.Box);
        w.WriteStartObject("limits");
        foreach (var r in Result.Restrictions)
        {
            w.WriteStartObject(r.Input);
            w.WriteNumber("lower", r.Lower);
            w.WriteNumber("upper", r.Upper);
            w.WriteNumber("qp", QuasiP(r));
            WriteNumberOrNull(w, "qpLower", r.LowerQuasiP);
            WriteNumberOrNull(w, "qpUpper", r.UpperQuasiP);
            w.WriteNumber("dataMin", Minimum[r.Index]);
            w.WriteNumber("dataMax", Maximum[r.Index]);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The CSV document (<c>--format csv</c>): one table with the columns of <see cref="CsvColumns"/> and a
    /// <c>record</c> column saying what each row is: <c>trajectory</c> (one a peeling step: step, coverage, density, mass,
    /// restricted, cases, casesOfInterest), then <c>box</c> (the chosen step after pasting: the same fields), then
    /// <c>limit</c> (one a restricted input of the box: step, input, lower, upper, qp, qpLower, qpUpper, dataMin,
    /// dataMax). Fields that do not apply to a record are empty, as is a quasi-p-value of an unrestricted side.</summary>
    /// <returns>The document: RFC 4180, <c>\n</c> line ends, invariant culture, numbers in round-trip form.</returns>
    public string ToCsv()
    {
        var b = new StringBuilder();
        b.Append(string.Join(",", CsvColumns)).Append('\n');
        for (int s = 0; s < Result.Trajectory.Count; s++)
        {
            AppendBoxRow(b, "trajectory", s, Result.Trajectory[s]);
        }

        AppendBoxRow(b, "box", Result.ChosenStep, Result.Box);
        foreach (var r in Result.Restrictions)
        {
            b.Append("limit,").Append(Number(Result.ChosenStep)).Append(",,,,,,,").Append(Field(r.Input)).Append(',')
                .Append(Number(r.Lower)).Append(',').Append(Number(r.Upper)).Append(',').Append(Number(QuasiP(r))).Append(',')
                .Append(Number(r.LowerQuasiP)).Append(',').Append(Number(r.UpperQuasiP)).Append(',')
                .Append(Number(Minimum[r.Index])).Append(',').Append(Number(Maximum[r.Index])).Append('\n');
        }

        return b.ToString();
    }

    private static void AppendBoxRow(StringBuilder b, string record, int step, PrimBox box) =>
        b.Append(record).Append(',').Append(Number(step)).Append(',').Append(Number(box.Coverage)).Append(',').Append(Number(box.Density))
            .Append(',').Append(Number(box.Mass)).Append(',').Append(Number(box.RestrictedInputs)).Append(',').Append(Number(box.Cases))
            .Append(',').Append(Number(box.CasesOfInterest)).Append(",,,,,,,,\n");

    private static void WriteCounts(Utf8JsonWriter w, PrimBox box)
    {
        w.WriteNumber("coverage", box.Coverage);
        w.WriteNumber("density", box.Density);
        w.WriteNumber("mass", box.Mass);
        w.WriteNumber("restricted", box.RestrictedInputs);
        w.WriteNumber("cases", box.Cases);
        w.WriteNumber("casesOfInterest", box.CasesOfInterest);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
