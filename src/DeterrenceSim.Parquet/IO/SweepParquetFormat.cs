using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>Parquet as a format of sweep rows for <see cref="SweepRowWriter"/> and <see cref="SweepRowReader"/>, which
/// find this type by its name when this assembly is present.</summary>
internal sealed class SweepParquetFormat : SweepRowFormat
{
    public override ISweepRowSink Create(Stream stream, string[] factorPaths, string[] reported, bool mechanisms) =>
        new Sink(new SweepParquetWriter(stream, factorPaths, reported, mechanisms));

    public override IEnumerable<SweepRow> Read(Stream stream, string source, out IReadOnlyList<string> factorPaths, long? trials) =>
        SweepParquetReader.Read(stream, source, out factorPaths, trials);

    private sealed class Sink(SweepParquetWriter writer) : ISweepRowSink
    {
        public void Write(SweepRow row) => writer.Write(row);

        public void Dispose() => writer.Dispose();
    }
}
