using System.Globalization;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One output per design point from a sweep's rows, for the sensitivity analyses: the mean over the point's
/// replications, in replication order, of the metric's estimate (a rate, or a Shapley share's mean). The running
/// analysis (<see cref="SensitivityAnalysis"/>) and the analysis of a saved sweep file (<c>IO.SweepFileSensitivity</c>)
/// both pool through here, so they give the same numbers to the last bit.
/// </summary>
internal sealed class DesignOutputs
{
    private readonly ExperimentDesign _design;
    private readonly Func<SweepRow, double?> _read;
    private readonly string _needs;
    private readonly bool[] _seen;
    private long _count;

    /// <summary>Initializes a new instance of the <see cref="DesignOutputs"/> class.</summary>
    /// <param name="design">The design; at most <see cref="int.MaxValue"/> points.</param>
    /// <param name="measure">The metric.</param>
    /// <param name="needs">What needs every point, for messages: "Sobol indices", "Morris elementary effects".</param>
    public DesignOutputs(ExperimentDesign design, Measure measure, string needs)
        : this(design, row => row.Estimate(measure), needs)
    {
    }

    /// <summary>Collects one output per point read from its rows by any metric (a contrast's difference too).</summary>
    public DesignOutputs(ExperimentDesign design, Func<SweepRow, double?> read, string needs)
    {
        _design = design;
        _read = read;
        _needs = needs;
        Values = new double[design.PointCount];
        _seen = new bool[design.PointCount];
    }

    /// <summary>Gets the output of each point, in point order.</summary>
    public double[] Values { get; }

    /// <summary>Gets a value indicating whether every point has its output.</summary>
    public bool Complete => _count == Values.Length;

    /// <summary>The first point without an output, or -1.</summary>
    public long FirstMissing => Array.IndexOf(_seen, false);

    /// <summary>Adds rows in (point, replication) order, a batch of whole points.</summary>
    /// <exception cref="InvalidOperationException">A point could not run.</exception>
    public void AddBatch(IReadOnlyList<SweepRow> rows)
    {
        foreach (var group in rows.GroupBy(r => r.Point))
        {
            AddPoint(group);
        }
    }

    /// <summary>Adds one point's rows, in replication order.</summary>
    /// <exception cref="InvalidOperationException">The point could not run (the message gives its values and error),
    /// or it is not in the design or was already added.</exception>
    public void AddPoint(IEnumerable<SweepRow> pointRows)
    {
        var first = pointRows.First();
        if (first.Point < 0 || first.Point >= Values.Length || _seen[first.Point])
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"design point {first.Point} is {(first.Point < 0 || first.Point >= Values.Length ? $"not in the design of {Values.Length} points" : "given twice")}."));
        }

        if (!first.Ran)
        {
            string values = string.Join(", ", _design.Factors.Select((f, i) => f.Path + "=" + first.Values[i].ToString("R", CultureInfo.InvariantCulture)));
            throw new InvalidOperationException($"Design point {first.Point} ({values}) cannot run: {first.Error?.TrimEnd('.')}. {_needs} need every point: narrow the ranges.");
        }

        Values[first.Point] = pointRows.Average(r => _read(r)!.Value);
        _seen[first.Point] = true;
        _count++;
    }
}
