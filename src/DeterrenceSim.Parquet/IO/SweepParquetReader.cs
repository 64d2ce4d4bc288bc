using DeterrenceSim.Experiments;
using DeterrenceSim.Outcomes;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.IO;

/// <summary>Reads sweep results written by <see cref="SweepParquetWriter"/>, a row group at a time.</summary>
public static class SweepParquetReader
{
    /// <summary>Reads the rows of a file, lazily, one row group in memory at a time.</summary>
    /// <param name="stream">A readable, seekable stream; it stays open.</param>
    /// <param name="source">The file, for error messages.</param>
    /// <param name="factorPaths">Receives the factor paths found in the schema.</param>
    /// <param name="trials">The trials (rounds, or periods) of every row, needed only for a file written before the
    /// count columns (DeterrenceSim 0.1.0): its sidecar's rounds or periods. A file with count columns ignores it.</param>
    /// <returns>The rows, in file order; the rates are recomputed from the counts and must equal the file's.</returns>
    /// <exception cref="InvalidDataException">The file is not Parquet sweep results, or a rate is not its count's rate.
    /// A file without count columns when <paramref name="trials"/> is not given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1.</exception>
    public static IEnumerable<SweepRow> Read(Stream stream, string source, out IReadOnlyList<string> factorPaths, long? trials = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or ParquetException)
        {
            throw new InvalidDataException($"{source}: not a Parquet file: {e.Message}", e);
        }

        var names = reader.Schema.GetDataFields().Select(f => f.Name).ToArray();
        string[] paths;
        bool counts;
        Measure[] reported;
        bool mechanisms;
        try
        {
            paths = SweepColumns.FactorsOf(names, source, out counts, out reported, out mechanisms);
            SweepColumns.CheckTrialsKnown(counts, trials, source);
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        factorPaths = paths;
        return ReadRows(reader, new SweepParquetSchema(paths, counts, [.. reported.Select(m => m.Name)], mechanisms), reported, counts ? null : trials, source);
    }

    private static IEnumerable<SweepRow> ReadRows(ParquetReader reader, SweepParquetSchema schema, Measure[] reported, long? knownTrials, string source)
    {
        try
        {
            var group = new GroupColumns(schema);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                int n;
                try
                {
                    n = group.Read(reader, g);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or ParquetException)
                {
                    throw new InvalidDataException($"{source}, row group {g}: {e.Message}", e);
                }

                for (int r = 0; r < n; r++)
                {
                    SweepRow row;
                    try
                    {
                        row = group.Next(reported, knownTrials, $"{source}, row group {g}, row {r}");
                    }
                    catch (IndexOutOfRangeException e)
                    {
                        throw new InvalidDataException($"{source}, row group {g}: a rate or count column has fewer values than its definition levels say: {e.Message}", e);
                    }

                    yield return row;
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    /// <summary>The columns of one row group, in buffers reused for every group (grown to the largest), laid out as the
    /// writer's (rates as packed values and definition levels): rows are made one at a time as they are enumerated, so
    /// reading holds one row group's columns and no rows.</summary>
    private sealed class GroupColumns(SweepParquetSchema schema)
    {
        private readonly double[][] _values = new double[schema.Values.Length][];
        // The rates, then the mechanism estimates; the trials, the counts, then the mechanism counts and sums.
        private readonly DataField<double?>[] _rateFields = [.. schema.Rates, .. schema.MechanismEstimates];
        private readonly DataField<long?>[] _countFields = schema.Trials is null ? [] : [schema.Trials, .. schema.Counts, .. schema.MechanismSums];
        private readonly double[][] _rates = new double[schema.Rates.Length + schema.MechanismEstimates.Length][];
        private readonly int[][] _levels = new int[schema.Rates.Length + schema.MechanismEstimates.Length][];
        private readonly int[] _next = new int[schema.Rates.Length + schema.MechanismEstimates.Length];
        private readonly long[][] _counts = new long[schema.Counts.Length + 1 + schema.MechanismSums.Length][];
        private readonly int[][] _countLevels = new int[schema.Counts.Length + 1 + schema.MechanismSums.Length][];
        private readonly int[] _nextCount = new int[schema.Counts.Length + 1 + schema.MechanismSums.Length];
        private long[] _point = [];
        private int[] _replication = [];
        private ulong[] _seed = [];
        private string?[] _errors = [];
        private int _row;

        /// <summary>Reads row group <paramref name="g"/>; <see cref="Next"/> then makes its rows in order.</summary>
        /// <returns>Its row count.</returns>
        public int Read(ParquetReader reader, int g)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (n > _point.Length)
            {
                _point = new long[n];
                _replication = new int[n];
                _seed = new ulong[n];
                _errors = new string?[n];
                for (int i = 0; i < _values.Length; i++)
                {
                    _values[i] = new double[n];
                }

                for (int i = 0; i < _rates.Length; i++)
                {
                    _rates[i] = new double[n];
                    _levels[i] = new int[n];
                }

                for (int i = 0; i < _counts.Length; i++)
                {
                    _counts[i] = new long[n];
                    _countLevels[i] = new int[n];
                }
            }

            Array.Clear(_errors);
            Wait(group.ReadAsync<long>(schema.Point, _point.AsMemory(0, n)));
            Wait(group.ReadAsync<int>(schema.Replication, _replication.AsMemory(0, n)));
            Wait(group.ReadAsync<ulong>(schema.Seed, _seed.AsMemory(0, n)));
            for (int i = 0; i < _values.Length; i++)
            {
                Wait(group.ReadAsync<double>(schema.Values[i], _values[i].AsMemory(0, n)));
            }

            for (int i = 0; i < _rates.Length; i++)
            {
                Wait(group.ReadRawAsync<double>(_rateFields[i], _rates[i].AsMemory(0, n), _levels[i].AsMemory(0, n), null));
            }

            Wait(group.ReadAsync(schema.Error, _errors.AsMemory(0, n)));

            // Column 0 is the trials, then the counts in measure order, then the mechanism counts and sums.
            for (int i = 0; i < _countFields.Length; i++)
            {
                Wait(group.ReadRawAsync<long>(_countFields[i], _counts[i].AsMemory(0, n), _countLevels[i].AsMemory(0, n), null));
            }

            Array.Clear(_next);
            Array.Clear(_nextCount);
            _row = 0;
            return n;
        }

        /// <summary>Makes the next row of the group read last: all rates, or none when the first is null; the trials and
        /// counts likewise; the rates are recomputed from the counts (<see cref="SweepColumns.Row"/>).</summary>
        public SweepRow Next(Measure[] reported, long? knownTrials, string where)
        {
            int r = _row++;
            var v = new double[_values.Length];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = _values[i][r];
            }

            double[]? x = schema.Rates.Length > 0 && Present(0, r) ? new double[schema.Rates.Length] : null;
            double[]? estimates = schema.MechanismEstimates.Length > 0 && Present(schema.Rates.Length, r) ? new double[schema.MechanismEstimates.Length] : null;
            for (int i = 0; i < _rates.Length; i++)
            {
                double value = Present(i, r) ? _rates[i][_next[i]++] : double.NaN;
                if (i < schema.Rates.Length && x is not null)
                {
                    x[i] = value;
                }
                else if (i >= schema.Rates.Length && estimates is not null)
                {
                    estimates[i - schema.Rates.Length] = value;
                }
            }

            long? trials = null;
            long[]? counts = null;
            long[]? sums = null;
            if (schema.Trials is not null)
            {
                bool present = PresentCount(0, r);
                int mechanismsFirst = 1 + schema.Counts.Length;
                trials = present ? _counts[0][_nextCount[0]++] : null;
                counts = present ? new long[schema.Counts.Length] : null;
                sums = schema.MechanismSums.Length > 0 && PresentCount(mechanismsFirst, r) ? new long[schema.MechanismSums.Length] : null;
                for (int i = 1; i < _counts.Length; i++)
                {
                    long value = PresentCount(i, r) ? _counts[i][_nextCount[i]++] : -1;
                    if (i < mechanismsFirst && counts is not null)
                    {
                        counts[i - 1] = value;
                    }
                    else if (i >= mechanismsFirst && sums is not null)
                    {
                        sums[i - mechanismsFirst] = value;
                    }
                }
            }

            var head = new SweepRow(_point[r], _replication[r], _seed[r], v, 0, null, _errors[r]) { Reported = reported };
            var row = SweepColumns.Row(head, x, trials, counts, knownTrials, where);
            return schema.MechanismSums.Length > 0 ? SweepColumns.WithMechanisms(row, estimates, sums, where) : row;
        }

        private bool Present(int rate, int r) => _levels[rate][r] == _rateFields[rate].MaxDefinitionLevel;

        private bool PresentCount(int column, int r) => _countLevels[column][r] == _countFields[column].MaxDefinitionLevel;
    }
}
