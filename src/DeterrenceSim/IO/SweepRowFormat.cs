using DeterrenceSim.Experiments;

namespace DeterrenceSim.IO;

/// <summary>
/// A file format of sweep rows other than CSV, supplied by another assembly so that its dependencies reach only those
/// who use it (as MathNet ships its file formats apart): Parquet lives in the package <c>DeterrenceSim.Parquet</c>,
/// which holds the one implementation, <c>DeterrenceSim.IO.SweepParquetFormat</c>. <see cref="SweepRowWriter"/> and
/// <see cref="SweepRowReader"/> find it by name when a <c>.parquet</c> file is written or read.
/// </summary>
internal abstract class SweepRowFormat
{
    private const string ParquetType = "DeterrenceSim.IO.SweepParquetFormat, DeterrenceSim.Parquet";

    private static readonly Lazy<SweepRowFormat?> ParquetFormat = new(() =>
        Type.GetType(ParquetType, throwOnError: false) is { } type ? (SweepRowFormat?)Activator.CreateInstance(type, nonPublic: true) : null);

    /// <summary>Starts a file of rows with the given columns (with the mechanism columns or without).</summary>
    public abstract ISweepRowSink Create(Stream stream, string[] factorPaths, string[] reported, bool mechanisms);

    /// <summary>Reads the rows of a file, lazily (the caller owns the stream).</summary>
    public abstract IEnumerable<SweepRow> Read(Stream stream, string source, out IReadOnlyList<string> factorPaths, long? trials);

    /// <summary>The Parquet format, from the assembly <c>DeterrenceSim.Parquet</c>.</summary>
    /// <param name="path">The file, for the message.</param>
    /// <returns>The format.</returns>
    /// <exception cref="SweepFileException">The assembly is not there (the package is not referenced).</exception>
    public static SweepRowFormat Parquet(string path) => ParquetFormat.Value
        ?? throw new SweepFileException($"{path}: Parquet files need the package DeterrenceSim.Parquet beside DeterrenceSim (dotnet add package DeterrenceSim.Parquet, or #r \"nuget: DeterrenceSim.Parquet\" in a notebook); or name a .csv file.");
}

/// <summary>Where a <see cref="SweepRowFormat"/> writes rows; disposing completes the file.</summary>
internal interface ISweepRowSink : IDisposable
{
    /// <summary>Writes (or buffers) one row.</summary>
    void Write(SweepRow row);
}
