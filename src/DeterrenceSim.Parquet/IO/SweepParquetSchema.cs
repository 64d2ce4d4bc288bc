using DeterrenceSim.Outcomes;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>The Parquet fields of sweep results.</summary>
internal sealed class SweepParquetSchema
{
    /// <param name="factorPaths">The factor paths.</param>
    /// <param name="counts">Whether the file has the trials and count columns (files of DeterrenceSim 0.1.0 do not).</param>
    /// <param name="reported">The names of the sweep's reporters (only with counts).</param>
    /// <param name="mechanisms">Whether the file ends with the mechanism columns (only with counts; files of sidecar
    /// formatVersion 3 and later).</param>
    public SweepParquetSchema(string[] factorPaths, bool counts, IReadOnlyList<string> reported, bool mechanisms)
    {
        Values = [.. factorPaths.Select(p => new DataField<double>(p))];
        var reportedRates = reported.SelectMany(n => new[] { n, n + "_lower", n + "_upper" }).Select(n => new DataField<double?>(n)).ToArray();
        var reportedCounts = reported.Select(n => new DataField<long?>(n + "_count")).ToArray();
        Rates = [.. SweepColumns.Rates.Select(n => new DataField<double?>(n)), .. reportedRates];
        Trials = counts ? new DataField<long?>(SweepColumns.Trials) : null;
        Counts = counts ? [.. SweepColumns.Counts.Select(n => new DataField<long?>(n)), .. reportedCounts] : [];
        var fields = new List<Field> { Point, Replication, Seed };
        fields.AddRange(Values);
        fields.AddRange(Rates.Take(SweepColumns.Rates.Count));
        fields.Add(Error);
        if (Trials is not null)
        {
            fields.Add(Trials);
            fields.AddRange(Counts.Take(SweepColumns.Counts.Count));
            for (int j = 0; j < reported.Count; j++)
            {
                fields.AddRange([reportedRates[3 * j], reportedRates[(3 * j) + 1], reportedRates[(3 * j) + 2], reportedCounts[j]]);
            }
        }

        // The mechanism columns, in the order of SweepColumns.Mechanisms: per measure its estimate and bounds (double),
        // then its count or its scaled sum and sum of squares (int64).
        var estimates = new List<DataField<double?>>();
        var sums = new DataField<long?>[mechanisms ? Engine.MechanismLayout.RowLength : 0];
        if (mechanisms)
        {
            var names = SweepColumns.Mechanisms;
            int at = 0;
            foreach (var measure in Measure.Mechanisms)
            {
                var estimate = names.Skip(at).Take(3).Select(n => new DataField<double?>(n)).ToArray();
                estimates.AddRange(estimate);
                fields.AddRange(estimate);
                at += 3;
                sums[measure.MechanismSlot] = new DataField<long?>(names[at++]);
                fields.Add(sums[measure.MechanismSlot]);
                if (measure.IsMean)
                {
                    sums[measure.MechanismSlot + 1] = new DataField<long?>(names[at++]);
                    fields.Add(sums[measure.MechanismSlot + 1]);
                }
            }
        }

        MechanismEstimates = [.. estimates];
        MechanismSums = sums;
        Schema = new ParquetSchema(fields);
    }

    public DataField<long> Point { get; } = new("point");

    public DataField<int> Replication { get; } = new("replication");

    public DataField<ulong> Seed { get; } = new("seed");

    public DataField<double>[] Values { get; }

    /// <summary>Gets the rate fields, three per measure of <see cref="Outcomes.Measure.All"/> then of the reporters.</summary>
    public DataField<double?>[] Rates { get; }

    public DataField<string> Error { get; } = new("error");

    /// <summary>Gets the trials field, or <see langword="null"/> in a file without count columns.</summary>
    public DataField<long?>? Trials { get; }

    /// <summary>Gets the count fields, one per measure of <see cref="Outcomes.Measure.All"/> then of the reporters; empty
    /// in a file without count columns.</summary>
    public DataField<long?>[] Counts { get; }

    /// <summary>Gets the estimate fields of the mechanism columns, three per measure of
    /// <see cref="Measure.Mechanisms"/>; empty in a file without them.</summary>
    public DataField<double?>[] MechanismEstimates { get; }

    /// <summary>Gets the count and sum fields of the mechanism columns, in the layout of
    /// <see cref="Experiments.SweepRow.MechanismSums"/>; empty in a file without them.</summary>
    public DataField<long?>[] MechanismSums { get; }

    public ParquetSchema Schema { get; }
}
