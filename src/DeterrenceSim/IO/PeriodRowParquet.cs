using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes the rows of runs as Apache Parquet (Parquet.Net), with the columns of <see cref="PeriodRowCsv"/>: integers
/// for <c>replication</c> and <c>period</c>, strings for <c>crisis</c>, <c>outcome</c> and <c>cause</c>, doubles for the
/// rest, nullable where the CSV leaves a field empty, and <c>challengerWins</c> a nullable boolean. Rows are buffered
/// and written in row groups of <see cref="RowGroupSize"/>; the file is complete only after <see cref="Dispose"/>.
/// The bytes hold no time or machine data: the same rows give the same file.
/// </summary>
public sealed class PeriodRowParquet : IDisposable
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 65_536;

    private readonly ParquetRowGroups<PeriodRow> _groups;
    private readonly DataField<int> _replication = new("replication");
    private readonly DataField<int> _period = new("period");
    private readonly DataField<string> _crisis = new("crisis");
    private readonly DataField<string> _outcome = new("outcome");
    private readonly DataField<string> _cause = new("cause");
    private readonly DataField<double>[] _numbers;
    private readonly DataField<double?>[] _optional;
    private readonly DataField<bool?> _wins = new("challengerWins");
    private readonly DataField<double>[] _commitments;

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
        _numbers = [new("challengerBelief"), new("defenderBelief"), new("challengerPerceivedStrength"), new("defenderPerceivedStrength")];
        _optional = [new("challengerRealisedStrength"), new("defenderRealisedStrength"), new("settlement")];
        _commitments = scenario.Commitments
            .SelectMany(c => new[] { c.Key + ".reliability", c.Key + ".signal", c.Key + ".belief" })
            .Select(name => new DataField<double>(name))
            .ToArray();
        var fields = new List<Field> { _replication, _period, _crisis, _outcome, _cause };
        fields.AddRange(_numbers);
        fields.AddRange(_optional);
        fields.Add(_wins);
        fields.AddRange(_commitments);
        _groups = new ParquetRowGroups<PeriodRow>(stream, new ParquetSchema(fields), RowGroupSize, WriteColumns, metadata);
    }

    /// <summary>Buffers one row; a full row group is written out.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(PeriodRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _groups.Write(row, this);
    }

    /// <summary>Writes the buffered rows and completes the file.</summary>
    public void Dispose() => _groups.Dispose();

    private void WriteColumns(ParquetRowGroupWriter group, List<PeriodRow> rows)
    {
        Wait(group.WriteAsync<int>(_replication, rows.Select(r => r.Replication).ToArray()));
        Wait(group.WriteAsync<int>(_period, rows.Select(r => r.Period).ToArray()));
        Wait(group.WriteAsync(_crisis, rows.Select(r => r.Crisis).ToArray()));
        Wait(group.WriteAsync(_outcome, rows.Select(r => SimulationResultJson.CamelCase(r.Outcome.ToString())).ToArray()));
        Wait(group.WriteAsync(_cause, rows.Select(r => r.Cause is { } c ? SimulationResultJson.CamelCase(c.ToString()) : null).ToArray()!));
        Func<PeriodRow, double>[] numbers = [r => r.ChallengerBelief, r => r.DefenderBelief, r => r.ChallengerPerceivedStrength, r => r.DefenderPerceivedStrength];
        for (int i = 0; i < numbers.Length; i++)
        {
            Wait(group.WriteAsync<double>(_numbers[i], rows.Select(numbers[i]).ToArray()));
        }

        Func<PeriodRow, double?>[] optional = [r => r.ChallengerRealisedStrength, r => r.DefenderRealisedStrength, r => r.Settlement];
        for (int i = 0; i < optional.Length; i++)
        {
            Wait(group.WriteAsync<double>(_optional[i], rows.Select(optional[i]).ToArray()));
        }

        Wait(group.WriteAsync<bool>(_wins, rows.Select(r => r.ChallengerWins).ToArray()));
        for (int k = 0; k < _commitments.Length / 3; k++)
        {
            Wait(group.WriteAsync<double>(_commitments[3 * k], rows.Select(r => r.Reliability[k]).ToArray()));
            Wait(group.WriteAsync<double>(_commitments[(3 * k) + 1], rows.Select(r => r.Signal[k]).ToArray()));
            Wait(group.WriteAsync<double>(_commitments[(3 * k) + 2], rows.Select(r => r.Belief[k]).ToArray()));
        }
    }

    private static void Wait(ValueTask task) => ParquetRowGroups<PeriodRow>.Wait(task);

    private static void Wait(Task task) => ParquetRowGroups<PeriodRow>.Wait(task);
}
