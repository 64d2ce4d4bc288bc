using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>The Parquet fields of sweep results.</summary>
internal sealed class SweepParquetSchema
{
    /// <param name="factorPaths">The factor paths.</param>
    /// <param name="counts">Whether the file has the trials and count columns (files of DeterrenceSim 0.1.0 do not).</param>
    public SweepParquetSchema(string[] factorPaths, bool counts)
    {
        Values = [.. factorPaths.Select(p => new DataField<double>(p))];
        Rates = [.. SweepColumns.Rates.Select(n => new DataField<double?>(n))];
        Trials = counts ? new DataField<long?>(SweepColumns.Trials) : null;
        Counts = counts ? [.. SweepColumns.Counts.Select(n => new DataField<long?>(n))] : [];
        var fields = new List<Field> { Point, Replication, Seed };
        fields.AddRange(Values);
        fields.AddRange(Rates);
        fields.Add(Error);
        if (Trials is not null)
        {
            fields.Add(Trials);
            fields.AddRange(Counts);
        }

        Schema = new ParquetSchema(fields);
    }

    public DataField<long> Point { get; } = new("point");

    public DataField<int> Replication { get; } = new("replication");

    public DataField<ulong> Seed { get; } = new("seed");

    public DataField<double>[] Values { get; }

    public DataField<double?>[] Rates { get; }

    public DataField<string> Error { get; } = new("error");

    /// <summary>Gets the trials field, or <see langword="null"/> in a file without count columns.</summary>
    public DataField<long?>? Trials { get; }

    /// <summary>Gets the count fields in measure order; empty in a file without count columns.</summary>
    public DataField<long?>[] Counts { get; }

    public ParquetSchema Schema { get; }
}
