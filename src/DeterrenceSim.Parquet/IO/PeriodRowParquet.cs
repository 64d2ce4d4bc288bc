using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes the rows of runs as Apache Parquet (Parquet.Net), with the columns of <see cref="PeriodRowCsv"/>: integers
/// for <c>replication</c> and <c>period</c>, strings for <c>crisis</c>, <c>outcome</c> and <c>cause</c>, doubles for the
/// rest, nullable where the CSV leaves a field empty, and <c>challengerWins</c> a nullable boolean. Each row's values are
/// copied into column buffers that are reused for every row group, and a row group is written when it has
/// <see cref="RowGroupSize"/> rows, as many as fit in <see cref="RowGroupBytes"/>: the writer holds one row group however
/// long the run and however many commitments the scenario has. The file is complete only after <see cref="Dispose"/>.
/// The bytes hold no time or machine data: the same rows give the same file.
/// </summary>
public sealed class PeriodRowParquet : IDisposable
{
    /// <summary>The memory the buffered rows of a row group take (values, definition levels, references to names), in
    /// bytes: 4 MiB. It sets <see cref="RowGroupSize"/>.</summary>
    public const int RowGroupBytes = 4 << 20;

    private readonly int _commitments;
    private readonly ParquetRowGroups<PeriodRow> _groups;

    /// <summary>Initializes a new instance of the <see cref="PeriodRowParquet"/> class.</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="scenario">The scenario whose commitments name the per-commitment columns.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PeriodRowParquet(Stream stream, Scenario scenario)
        : this(stream, scenario, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PeriodRowParquet"/> class whose file records where its rows
    /// came from in its key-value metadata.</summary>
    /// <param name="stream">A writable stream; it stays open.</param>
    /// <param name="scenario">The scenario whose commitments name the per-commitment columns.</param>
    /// <param name="metadata">Key-value metadata for the file's footer (for example <see cref="Provenance"/>'s keys
    /// with the seed), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="scenario"/> is
    /// <see langword="null"/>.</exception>
    public PeriodRowParquet(Stream stream, Scenario scenario, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scenario);
        _commitments = scenario.Commitments.Count;
        var columns = new List<ParquetColumn<PeriodRow>>
        {
            ParquetColumn.Required(new DataField<int>("replication"), (PeriodRow r) => r.Replication),
            ParquetColumn.Required(new DataField<int>("period"), (PeriodRow r) => r.Period),
            ParquetColumn.Text(new DataField<string>("crisis"), (PeriodRow r) => r.Crisis, shared: true),
            ParquetColumn.Text(new DataField<string>("outcome"), (PeriodRow r) => OutcomeNames[r.Outcome], shared: true),
            ParquetColumn.Text(new DataField<string>("cause"), (PeriodRow r) => r.Cause is { } c ? CauseNames[c] : null, shared: true),
            ParquetColumn.Required(new DataField<double>("challengerBelief"), (PeriodRow r) => r.ChallengerBelief),
            ParquetColumn.Required(new DataField<double>("defenderBelief"), (PeriodRow r) => r.DefenderBelief),
            ParquetColumn.Required(new DataField<double>("challengerPerceivedStrength"), (PeriodRow r) => r.ChallengerPerceivedStrength),
            ParquetColumn.Required(new DataField<double>("defenderPerceivedStrength"), (PeriodRow r) => r.DefenderPerceivedStrength),
            ParquetColumn.Optional(new DataField<double?>("challengerRealisedStrength"), (PeriodRow r) => r.ChallengerRealisedStrength),
            ParquetColumn.Optional(new DataField<double?>("defenderRealisedStrength"), (PeriodRow r) => r.DefenderRealisedStrength),
            ParquetColumn.Optional(new DataField<double?>("settlement"), (PeriodRow r) => r.Settlement),
            ParquetColumn.Optional(new DataField<bool?>("challengerWins"), (PeriodRow r) => r.ChallengerWins),
        };
        int k = 0;
        foreach (var c in scenario.Commitments)
        {
            int at = k++;
            columns.Add(ParquetColumn.Required(new DataField<double>(c.Key + ".reliability"), (PeriodRow r) => r.Reliability[at]));
            columns.Add(ParquetColumn.Required(new DataField<double>(c.Key + ".signal"), (PeriodRow r) => r.Signal[at]));
            columns.Add(ParquetColumn.Required(new DataField<double>(c.Key + ".belief"), (PeriodRow r) => r.Belief[at]));
        }

        _groups = new ParquetRowGroups<PeriodRow>(stream, columns, RowGroupBytes, metadata);
    }

    /// <summary>Gets the rows of a full row group: as many as fit in <see cref="RowGroupBytes"/> at 105 bytes a row plus
    /// 24 for each commitment (2,519 rows for the 65 commitments of <c>indo-pacific-2023</c>), at most 65,536. Range: 1
    /// to 65,536.</summary>
    public int RowGroupSize => _groups.RowsPerGroup;

    /// <summary>Gets the most bytes the buffered rows have taken (for tests).</summary>
    internal long PeakBufferedBytes => _groups.PeakBufferedBytes;

    /// <summary>The names of the outcomes and causes as written (camel case), one string each for all rows.</summary>
    private static Dictionary<Outcome, string> OutcomeNames { get; } = Names<Outcome>();

    private static Dictionary<WarCause, string> CauseNames { get; } = Names<WarCause>();

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentException">The row has not one reliability, signal and belief per commitment.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(PeriodRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Reliability.Count != _commitments || row.Signal.Count != _commitments || row.Belief.Count != _commitments)
        {
            throw new ArgumentException($"expected a reliability, signal and belief for each of {_commitments} commitments, found {row.Reliability.Count}, {row.Signal.Count} and {row.Belief.Count}.", nameof(row));
        }

        _groups.Write(row, this);
    }

    /// <summary>Writes the buffered rows and completes the file.</summary>
    public void Dispose() => _groups.Dispose();

    private static Dictionary<TEnum, string> Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().ToDictionary(v => v, v => SimulationResultJson.CamelCase(v.ToString()));
}
