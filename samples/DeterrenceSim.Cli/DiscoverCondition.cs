using System.Globalization;
using System.Text.RegularExpressions;

namespace DeterrenceSim.Cli;

/// <summary>The <c>--where</c> expression of <c>discover</c>: <c>COLUMN OP NUMBER</c>, with OP one of <c>&gt;</c>,
/// <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>!=</c>; spaces allowed around each part; the number in the
/// invariant culture (<c>0.05</c>, <c>1e-3</c>). A row is a case of interest when its value of the column satisfies it.</summary>
/// <param name="Column">The column's name, exactly as the file's header has it.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Threshold">The number compared with. Finite.</param>
internal sealed partial record DiscoverCondition(string Column, string Operator, double Threshold)
{
    /// <summary>The operators, longest first (so <c>&gt;=</c> is not read as <c>&gt;</c>).</summary>
    public static IReadOnlyList<string> Operators { get; } = [">=", "<=", "==", "!=", ">", "<"];

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="condition">Receives the condition, or null.</param>
    /// <param name="problem">Receives why the text is not an expression, or null.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, out DiscoverCondition? condition, out string? problem)
    {
        condition = null;
        var match = Expression().Match(text);
        if (!match.Success)
        {
            problem = $"expected COLUMN OP NUMBER with OP one of {string.Join(" ", Operators)} (e.g. 'war>=0.05'), found '{text}'.";
            return false;
        }

        string number = match.Groups["number"].Value;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double threshold) || !double.IsFinite(threshold))
        {
            problem = $"expected a finite number after '{match.Groups["op"].Value}' (invariant culture: '0.05', '1e-3'), found '{number}' in '{text}'.";
            return false;
        }

        condition = new DiscoverCondition(match.Groups["column"].Value, match.Groups["op"].Value, threshold);
        problem = null;
        return true;
    }

    /// <summary>Whether a value satisfies the condition (NaN satisfies none).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is of interest.</returns>
    public bool Holds(double value) => Operator switch
    {
        ">" => value > Threshold,
        ">=" => value >= Threshold,
        "<" => value < Threshold,
        "<=" => value <= Threshold,
        "==" => value == Threshold,
        _ => !double.IsNaN(value) && value != Threshold,
    };

    /// <inheritdoc/>
    public override string ToString() => Column + Operator + Threshold.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<column>[^<>=!]*[^<>=!\s])\s*(?<op>>=|<=|==|!=|>|<)\s*(?<number>[^\s<>=!]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
