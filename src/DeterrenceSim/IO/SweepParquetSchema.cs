using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>The Parquet fields of sweep results.</summary>
internal sealed class SweepParquetSchema
{
    public SweepParquetSchema(string[] factorPaths)
    {
        Values = [.. factorPaths.Select(p => new DataField<double>(p))];
        Rates = [.. SweepColumns.Rates.Select(n => new DataField<double?>(n))];
        var fields = new List<Field> { Point, Replication, Seed };
        fields.AddRange(Values);
        fields.AddRange(Rates);
        fields.Add(Error);
        Schema = new ParquetSchema(fields);
    }

    public DataField<long> Point { get; } = new("point");

    public DataField<int> Replication { get; } = new("replication");

    public DataField<ulong> Seed { get; } = new("seed");

    public DataField<double>[] Values { get; }

    public DataField<double?>[] Rates { get; }

    public DataField<string> Error { get; } = new("error");

    public ParquetSchema Schema { get; }
}
