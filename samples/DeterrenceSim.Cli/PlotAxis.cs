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
    private readonly double _min, _width;

    private PlotAxis(double[] levels, double min, double width, int count)
    {
        _levels = levels;
        _min = min;
        _width = width;
        Count = count;
    }

    /// <summary>Gets the number of cells: levels or bins.</summary>
    public int Count { get; }

    /// <summary>Gets a value indicating whether the axis is binned (scattered values) rather than a grid's levels.</summary>
    public bool IsBinned => _levels.Length == 0;

    /// <summary>Gets the levels of a grid axis, for messages (the first 12).</summary>
    public string Levels => string.Join(", ", _levels.Take(12).Select(v => v.ToString("G6", CultureInfo.InvariantCulture))) + (_levels.Length > 12 ? ", ..." : "");

    /// <summary>Gets the range of a binned axis, for messages.</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{_min:G6} to {_min + (Count * _width):G6}");

    /// <summary>The axis of some values: their levels, or, for a scattered design or more than <see cref="MaxLevels"/>
    /// distinct values, about √n equal bins (at most <see cref="MaxBins"/>) between the smallest and the largest.</summary>
    /// <param name="values">The values.</param>
    /// <param name="scattered">Whether the design is scattered (a Latin hypercube or Sobol design): always binned.</param>
    /// <returns>The axis.</returns>
    public static PlotAxis Of(IEnumerable<double> values, bool scattered)
    {
        var distinct = values.Distinct().Order().ToArray();
        if (distinct.Length <= MaxLevels && !(scattered && distinct.Length > 1))
        {
            return new PlotAxis(distinct, 0, 0, distinct.Length);
        }

        // About the square root of the distinct values, at most 20: enough points in each cell to average.
        int bins = Math.Clamp((int)Math.Round(Math.Sqrt(distinct.Length)), 2, MaxBins);
        double min = distinct[0], max = distinct[^1];
        return new PlotAxis([], min, (max - min) / bins, bins);
    }

    /// <summary>Whether a value lies within a binned axis's range.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True within the range.</returns>
    public bool Covers(double value) => value >= _min && value <= _min + (Count * _width);

    /// <summary>The cell of a value: its level's index on a grid (negative if it is not a level), its bin otherwise
    /// (values beyond the range fall into the outer bins).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell index.</returns>
    public int Bin(double value) => _levels.Length > 0
        ? Array.BinarySearch(_levels, value)
        : Math.Clamp((int)((value - _min) / _width), 0, Count - 1);

    /// <summary>The centre of a cell: the level itself on a grid.</summary>
    /// <param name="bin">The cell index.</param>
    /// <returns>The centre.</returns>
    public double Centre(int bin) => _levels.Length > 0 ? _levels[bin] : _min + ((bin + 0.5) * _width);
}
