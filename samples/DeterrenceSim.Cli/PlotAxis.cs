using System.Globalization;

namespace DeterrenceSim.Cli;

/// <summary>The cells of one plot axis: the distinct values (levels) of a grid, or equal bins of scattered values.</summary>
internal sealed class PlotAxis
{
    /// <summary>More distinct values than this (a Latin hypercube, a Sobol design) are binned.</summary>
    internal const int MaxLevels = 60;

    /// <summary>Bins per axis for scattered designs, at most.</summary>
    internal const int MaxBins = 20;

    /// <summary>The design points a heatmap's cell is to expect, at least, when its axes are binned.</summary>
    internal const int PointsPerCell = 5;

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

    /// <summary>
    /// The axis of a line: a grid's levels as they are; bins for scattered values, about √n of them (at most
    /// <see cref="MaxBins"/>) and fewer if one would be empty, so that every bin holds a design point.
    /// </summary>
    /// <param name="xs">The x value of each design point.</param>
    /// <param name="axis">The axis from <see cref="Of"/>.</param>
    /// <returns>The axis to plot.</returns>
    public static PlotAxis ForLine(IReadOnlyCollection<double> xs, PlotAxis axis)
    {
        if (!axis.IsBinned)
        {
            return axis;
        }

        var distinct = xs.Distinct().ToList();
        for (int bins = Math.Clamp((int)Math.Round(Math.Sqrt(distinct.Count)), 1, MaxBins); ; bins--)
        {
            var binned = Binned(axis.Lower, axis.Upper, bins);
            if (bins == 1 || distinct.Select(binned.Bin).Distinct().Count() == bins)
            {
                return binned;
            }
        }
    }

    /// <summary>
    /// The axes of a heatmap. A grid's levels stay as they are; binned axes get as many equal bins over their ranges as
    /// give every cell about <see cref="PointsPerCell"/> design points or more (n/5 cells for n distinct points, at most
    /// <see cref="MaxBins"/> a side, the same count on both binned axes), and fewer while any cell would be empty: every
    /// cell of the heatmap holds at least one point, none is interpolated. (Cells at a grid level with no point at all,
    /// of design points that could not run, stay empty.)
    /// </summary>
    /// <param name="points">The (x, y) of each design point.</param>
    /// <param name="x">The x axis from <see cref="Of"/>.</param>
    /// <param name="y">The y axis from <see cref="Of"/>.</param>
    /// <returns>The axes to plot.</returns>
    public static (PlotAxis X, PlotAxis Y) ForHeatmap(IReadOnlyCollection<(double X, double Y)> points, PlotAxis x, PlotAxis y)
    {
        if (!x.IsBinned && !y.IsBinned)
        {
            return (x, y);
        }

        var distinct = points.Distinct().ToList();
        double cells = distinct.Count / (double)PointsPerCell;
        int start = x.IsBinned && y.IsBinned ? (int)Math.Floor(Math.Sqrt(cells)) : (int)Math.Floor(cells / (x.IsBinned ? y.Count : x.Count));
        for (int bins = Math.Clamp(start, 1, MaxBins); ; bins--)
        {
            var bx = x.IsBinned ? Binned(x.Lower, x.Upper, bins) : x;
            var by = y.IsBinned ? Binned(y.Lower, y.Upper, bins) : y;
            if (bins == 1 || AllFilled(distinct, bx, by))
            {
                return (bx, by);
            }
        }
    }

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

    /// <summary>Whether every cell holds a point (on a grid axis, at the levels that have any).</summary>
    private static bool AllFilled(List<(double X, double Y)> points, PlotAxis x, PlotAxis y)
    {
        var filled = new bool[y.Count, x.Count];
        var xUsed = new bool[x.Count];
        var yUsed = new bool[y.Count];
        foreach (var (px, py) in points)
        {
            int cx = x.Bin(px), cy = y.Bin(py);
            filled[cy, cx] = xUsed[cx] = yUsed[cy] = true;
        }

        for (int r = 0; r < y.Count; r++)
        {
            for (int c = 0; c < x.Count; c++)
            {
                if (!filled[r, c] && (x.IsBinned || xUsed[c]) && (y.IsBinned || yUsed[r]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
