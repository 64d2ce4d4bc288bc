using System.Globalization;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One varied parameter of an experiment: a parameter path (DESIGN.md section 6) and the range it takes. In a full
/// factorial grid the factor takes <see cref="Levels"/> evenly spaced values from <see cref="Lower"/> to
/// <see cref="Upper"/> inclusive; in a Latin hypercube or Sobol design it is uniform on [<see cref="Lower"/>,
/// <see cref="Upper"/>] and <see cref="Levels"/> is 0.
/// </summary>
/// <param name="Path">The parameter path, verbatim; <c>*</c> varies every matching item together
/// (<c>commitments.*.signal</c>).</param>
/// <param name="Lower">The lower end of the range, in the parameter's own unit.</param>
/// <param name="Upper">The upper end of the range (&gt;= <paramref name="Lower"/>).</param>
/// <param name="Levels">The number of grid values (&gt;= 1; 1 only when the ends are equal), or 0 for a continuous
/// factor.</param>
public sealed record Factor(string Path, double Lower, double Upper, int Levels = 0)
{
    /// <summary>Whether the factor has grid levels (<see cref="Levels"/> &gt; 0).</summary>
    public bool IsDiscrete => Levels > 0;

    /// <summary>Parses <c>PATH=lo:hi:count</c> (a grid factor) or <c>PATH=lo:hi</c> (a continuous factor), as given to
    /// <c>--vary</c>; numbers in the invariant culture.</summary>
    /// <param name="text">The text, such as <c>states.CHN.perception.credulity=0:1:11</c>.</param>
    /// <returns>The factor, checked with <see cref="Validate"/>.</returns>
    /// <exception cref="FormatException">The text does not have that shape, or a number does not parse or is out of
    /// range; the message quotes the text and says what was expected.</exception>
    public static Factor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.LastIndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a factor: expected PATH=lo:hi:count (grid) or PATH=lo:hi (Latin hypercube, Sobol), such as states.CHN.perception.credulity=0:1:11.");
        }

        string path = text[..eq].Trim();
        string[] parts = text[(eq + 1)..].Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'{text}': expected lo:hi:count or lo:hi after '=', found '{text[(eq + 1)..]}'.");
        }

        double lower = Number(parts[0], "lo", text);
        double upper = Number(parts[1], "hi", text);
        int levels = 0;
        if (parts.Length == 3 && (!int.TryParse(parts[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out levels) || levels < 1))
        {
            throw new FormatException($"'{text}': expected count to be an integer >= 1, found '{parts[2].Trim()}'.");
        }

        var factor = new Factor(path, lower, upper, levels);
        if (factor.Problem() is { } problem)
        {
            throw new FormatException($"'{text}': {problem}");
        }

        return factor;
    }

    /// <summary>The value of grid level <paramref name="level"/>: <c>lo + (hi - lo) * level / (count - 1)</c> rounded to 15
    /// significant digits, so that the levels are the decimals one would type (<c>0.3:0.9:4</c> gives 0.3, 0.5, 0.7,
    /// 0.9, not 0.7000000000000001); exactly <see cref="Upper"/> at the last level.</summary>
    /// <param name="level">The level, 0 to <see cref="Levels"/> - 1.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is out of range or the factor is continuous.</exception>
    public double Level(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels);
        if (level == Levels - 1)
        {
            return Upper;
        }

        double value = Lower + ((Upper - Lower) * level / (Levels - 1));
        return double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The value at a quantile of the uniform range: <c>lo + (hi - lo) * u</c>.</summary>
    /// <param name="unit">A point of [0, 1).</param>
    /// <returns>The value.</returns>
    public double FromUnit(double unit) => Lower + ((Upper - Lower) * unit);

    /// <summary>Checks the factor.</summary>
    /// <exception cref="ArgumentException">The path is empty, an end is not finite, the ends are reversed or too far
    /// apart (hi - lo overflows), or the level count is negative or does not fit the range (1 level with different
    /// ends).</exception>
    public void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException($"{Path}: {problem}");
        }
    }

    /// <summary>What is wrong with the factor, or <see langword="null"/>.</summary>
    private string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            return "expected a parameter path, found an empty one.";
        }

        if (!double.IsFinite(Lower) || !double.IsFinite(Upper))
        {
            return $"expected finite ends, found {Format(Lower)} and {Format(Upper)}.";
        }

        if (Upper < Lower)
        {
            return $"expected lo <= hi, found lo = {Format(Lower)} > hi = {Format(Upper)}.";
        }

        if (!double.IsFinite(Upper - Lower))
        {
            return $"the range from {Format(Lower)} to {Format(Upper)} is too wide to divide (hi - lo overflows).";
        }

        if (Levels < 0)
        {
            return $"expected a level count >= 0, found {Levels}.";
        }

        if (Levels > 1 && Upper == Lower)
        {
            return $"{Levels} levels of one value ({Format(Lower)}) would repeat the same point; use a count of 1, or lo < hi.";
        }

        if (Levels == 1 && Upper != Lower)
        {
            return $"a count of 1 needs lo = hi, found {Format(Lower)} and {Format(Upper)}; use a count >= 2.";
        }

        return null;
    }

    /// <summary>The factor as <c>--vary</c> text.</summary>
    /// <returns><c>PATH=lo:hi:count</c> or <c>PATH=lo:hi</c>.</returns>
    public override string ToString() =>
        Path + "=" + Format(Lower) + ":" + Format(Upper) + (IsDiscrete ? ":" + Levels.ToString(CultureInfo.InvariantCulture) : "");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string part, string name, string text)
    {
        if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new FormatException($"'{text}': expected {name} to be a finite number in the invariant culture (0.25, 1e-3), found '{part.Trim()}'.");
        }

        if (value == 0 && Scenarios.ScenarioJsonReader.UnderflowsToZero(part.Trim()))
        {
            throw new FormatException($"'{text}': expected {name} to be {Scenarios.ScenarioJsonReader.TinyNumberExpected}, found '{part.Trim()}'.");
        }

        return value == 0 ? 0.0 : value; // -0 is 0
    }
}
