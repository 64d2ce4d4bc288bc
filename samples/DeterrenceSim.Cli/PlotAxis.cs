using System.Globalization;

namespace DeterrenceSim.Cli;

/// <summary>The cells of one plot axis: the distinct values (levels) of a grid, or equal bins of scattered values.</summary>
internal sealed class PlotAxis
{
    /// <summary>More distinct values than this (a Latin hypercube, a Sobol design) are binned.</summary>
    internal const int MaxLevels = 60;

    /// <summary>Bins per axis for scattered designs, at most.</summary>
    internal const int MaxBins = 20;

    private readonly double[] _levels;
    private readonly double _width;

    private PlotAxis(double[] levels, double lower, double upper, int count)
    {
        _levels = levels;
        Lower = lower;
        Upper = upper;
        Count = count;
        _width = levels.Length == 0 ? (upper - lower) / count : 0;
    }

    /// <summary>Gets the number of cells: levels or bins.</summary>
    public int Count { get; }

    /// <summary>Gets the lower end of the axis: the factor's lower bound (the plot's axis starts there).</summary>
    public double Lower { get; }

    /// <summary>Gets the upper end of the axis: the factor's upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets a value indicating whether the axis is binned (scattered values) rather than a grid's levels.</summary>
    public bool IsBinned => _levels.Length == 0;

    /// <summary>Gets the levels of a grid axis, for messages (the first 12).</summary>
    public string Levels => string.Join(", ", _levels.Take(12).Select(v => v.ToString("G6", CultureInfo.InvariantCulture))) + (_levels.Length > 12 ? ", ..." : "");

    /// <summary>Gets the range of the axis, for messages.</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{Lower:G6} to {Upper:G6}");

    /// <summary>The axis of some values: their levels, or, for a scattered design or more than <see cref="MaxLevels"/>
    /// distinct values, about √n equal bins (at most <see cref="MaxBins"/>) over the range.</summary>
    /// <param name="values">The values.</param>
    /// <param name="scattered">Whether the design is scattered (a Latin hypercube or Sobol design): always binned.</param>
    /// <param name="lower">The lower end of the factor's range (the smallest value, if the range is not known).</param>
    /// <param name="upper">The upper end of the factor's range.</param>
    /// <returns>The axis.</returns>
    public static PlotAxis Of(IEnumerable<double> values, bool scattered, double lower, double upper)
    {
        var distinct = values.Distinct().Order().ToArray();
        if (distinct.Length <= MaxLevels && !(scattered && distinct.Length > 1))
        {
            return new PlotAxis(distinct, lower, upper, distinct.Length);
        }

        // About the square root of the distinct values, at most 20: enough points in each cell to average.
        return Binned(lower, upper, Math.Clamp((int)Math.Round(Math.Sqrt(distinct.Length)), 2, MaxBins));
    }

    /// <summary>Equal bins over a range.</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end, above <paramref name="lower"/>.</param>
    /// <param name="count">The number of bins, at least 1.</param>
    /// <returns>The axis.</returns>
    public static PlotAxis Binned(double lower, double upper, int count) => new([], lower, upper, count);

    /// <summary>Whether a value lies within a binned axis's range.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True within the range.</returns>
    public bool Covers(double value) => value >= Lower && value <= Upper;

    /// <summary>The cell of a value: its level's index on a grid (negative if it is not a level), its bin otherwise
    /// (values beyond the range fall into the outer bins).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell index.</returns>
    public int Bin(double value) => _levels.Length > 0
        ? Array.BinarySearch(_levels, value)
        : Math.Clamp((int)((value - Lower) / _width), 0, Count - 1);

    /// <summary>The centre of a cell: the level itself on a grid.</summary>
    /// <param name="bin">The cell index.</param>
    /// <returns>The centre.</returns>
    public double Centre(int bin) => _levels.Length > 0 ? _levels[bin] : Lower + ((bin + 0.5) * _width);
}
