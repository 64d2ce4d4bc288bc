using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Checks that rows read back from a chunk, a shard or a finished output are exactly the rows of a sweep for a range
/// of points: every point once and in order, its replications 0, 1, ... (exactly R, or from R up to the precision cap),
/// the sweep's seed, the point's values bit for bit, and counts of the sweep's trials present unless the row carries an
/// error (the readers have already held each rate to its count), and the attribution by mechanism's sums in files that
/// record them (and only there). A truncated,
/// edited, repeated or foreign file fails here instead of giving a silently wrong result. Also counts the points that
/// reached the precision cap without meeting the target.
/// </summary>
internal sealed class SweepRowCheck
{
    private readonly ExperimentDesign _design;
    private readonly SweepOptions _options;
    private readonly double[] _values;
    private readonly Measure _metric;
    private readonly bool _mechanisms;
    private PooledMetric _pooled;
    private string _source = "";
    private long _end;
    private long _point;
    private int _replications;
    private bool _failed;
    private long _row;

    private readonly string[] _reported;

    /// <param name="design">The sweep's design.</param>
    /// <param name="options">The options that shape its rows.</param>
    /// <param name="reported">The names of its reporters.</param>
    /// <param name="mechanisms">Whether its rows record the attribution by mechanism (sidecar formatVersion 3 and
    /// later).</param>
    public SweepRowCheck(ExperimentDesign design, SweepOptions options, IReadOnlyList<string> reported, bool mechanisms)
    {
        _reported = [.. reported];
        _design = design;
        _options = options;
        _values = new double[design.Factors.Count];
        _metric = options.Precision is { } p ? Measure.Parse(p.Metric) : Measure.War;
        _mechanisms = mechanisms;
        _pooled = new PooledMetric(_metric);
    }

    /// <summary>Gets whether the rows are a contrast's (they must have the contrast columns).</summary>
    public bool Contrast { get; init; }

    /// <summary>Points that played the most replications without meeting the precision target.</summary>
    public long PointsAtCap { get; private set; }

    /// <summary>Points whose rows carry an error.</summary>
    public long FailedPoints { get; private set; }

    /// <summary>Rows checked in all segments.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts a segment: the rows of points <paramref name="first"/> up to <paramref name="end"/>.</summary>
    public void Begin(long first, long end, string source)
    {
        _source = source;
        _point = first - 1;
        _end = end;
        _replications = 0;
        _row = 0;
    }

    public void Add(SweepRow row)
    {
        _row++;
        Rows++;
        if (row.Point == _point && _replications > 0)
        {
            Expect(row, _point, _replications);
            _replications++;
            int most = _failed ? _options.Replications : _options.ReplicationCap;
            if (_replications > most)
            {
                Fail($"point {_point} has more than {most} replications");
            }
        }
        else
        {
            Close();
            Expect(row, _point + 1, 0);
            _point = row.Point;
            _replications = 1;
            _failed = !row.Ran;
            _pooled = new PooledMetric(_metric);
            if (_failed)
            {
                FailedPoints++;
            }
        }

        if (row.Point >= _end)
        {
            Fail($"point {row.Point} is beyond this file's points (up to {_end - 1})");
        }

        if (!row.Ran != _failed || !row.Ran != (row.Error is not null))
        {
            Fail($"point {row.Point}, replication {row.Replication}: rates and error do not agree with the point's other rows");
        }

        if (!row.Reported.Select(m => m.Name).SequenceEqual(_reported, StringComparer.Ordinal))
        {
            Fail($"point {row.Point}, replication {row.Replication}: the reporters are ({string.Join(", ", row.Reported)}), expected ({string.Join(", ", _reported)})");
        }

        if (row.RecordsMechanisms != _mechanisms)
        {
            Fail(_mechanisms
                ? $"point {row.Point}, replication {row.Replication}: the rows have no mechanism columns (butFor.NAME, shapley.NAME, ...), but the sidecar's formatVersion says they should"
                : $"point {row.Point}, replication {row.Replication}: the rows have the mechanism columns (butFor.NAME, shapley.NAME, ...), but the sidecar's formatVersion is of files written before them");
        }

        if (row.RecordsContrast != Contrast)
        {
            Fail(Contrast
                ? $"point {row.Point}, replication {row.Replication}: the rows have no contrast columns (policy.NAME, NAME_difference, ...), but the sidecar says they are a contrast's"
                : $"point {row.Point}, replication {row.Replication}: the rows have the contrast columns (policy.NAME, NAME_difference, ...), but the sidecar says they are a sweep's");
        }

        if (row.Seed != _options.Seed)
        {
            Fail($"point {row.Point}, replication {row.Replication}: seed {row.Seed}, expected {_options.Seed}");
        }

        _design.GetPoint(row.Point, _values);
        if (!row.Values.AsSpan().SequenceEqual(_values))
        {
            Fail($"point {row.Point}, replication {row.Replication}: the parameter values are not the design's values at that point");
        }

        if (row.Ran)
        {
            CheckCounts(row);
            _pooled.Add(row);
        }
    }

    /// <summary>The trials must be the sweep's, with a count for each measure and reporter (the readers have held each
    /// count to the trials, the outcomes to the trials and the causes to the wars, and the mechanism sums to the wars).</summary>
    private void CheckCounts(SweepRow row)
    {
        long trials = _options.TrialsPerReplication;
        int counts = row.Counts!.Length;
        if (row.Trials != trials || counts != Measure.All.Count + _reported.Length)
        {
            Fail($"point {row.Point}, replication {row.Replication}: {counts} counts of {row.Trials} trials, expected {Measure.All.Count + _reported.Length} counts of {trials} trials");
        }

        if (_mechanisms && row.MechanismSums?.Length != Engine.MechanismLayout.RowLength)
        {
            Fail($"point {row.Point}, replication {row.Replication}: {row.MechanismSums?.Length ?? 0} mechanism sums, expected {Engine.MechanismLayout.RowLength}");
        }
    }

    /// <summary>Ends a segment: every point up to the end must have been seen.</summary>
    public void End()
    {
        Close();
        if (_point != _end - 1)
        {
            Fail(_point < _end - 1 ? $"the rows end at point {_point}, expected them to run to point {_end - 1}" : "no rows");
        }
    }

    private void Close()
    {
        if (_replications == 0)
        {
            return;
        }

        int least = _options.Replications;
        if (_replications < least || (_failed && _replications != least))
        {
            Fail($"point {_point} has {_replications} replication{(_replications == 1 ? "" : "s")}, expected {least}{(_failed || _options.Precision is null ? "" : $" to {_options.ReplicationCap}")}");
        }

        if (!_failed && _options.Precision is { } target && _replications == _options.ReplicationCap && _pooled.HalfWidth > target.HalfWidth)
        {
            PointsAtCap++;
        }
    }

    private void Expect(SweepRow row, long point, int replication)
    {
        if (row.Point != point || row.Replication != replication)
        {
            Fail($"expected point {point} replication {replication}, found point {row.Point} replication {row.Replication}");
        }
    }

    private void Fail(string what) =>
        throw new SweepFileException(string.Create(CultureInfo.InvariantCulture, $"{_source}: row {_row}: {what}: the file is damaged or not of this sweep"));
}
