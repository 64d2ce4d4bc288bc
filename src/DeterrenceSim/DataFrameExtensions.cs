using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using Microsoft.Data.Analysis;

namespace DeterrenceSim;

/// <summary>
/// Results as <see cref="DataFrame"/>s of Microsoft.Data.Analysis, for notebooks: tidy tables, one row an observation,
/// like the DataFrames of Agents.jl's <c>paramscan</c> and Mesa's <c>batch_run</c>. .NET Interactive shows a data frame
/// as a table; <c>DataFrame.SaveCsv</c> writes one. Rates that do not exist (a point that could not run) are missing
/// values (<see langword="null"/>), as an empty cell is in the sweep CSV.
/// </summary>
/// <example>
/// <code>
/// var frame = scenario.Run("east-china-sea").ToDataFrame();           // one row per measure
/// var points = sweep.Summarise().ToDataFrame();                        // one row per design point
/// </code>
/// </example>
public static class DataFrameExtensions
{
    /// <summary>One row per measure of <see cref="Measure.All"/> (outcomes, then war causes), then per reporter of
    /// <see cref="SimulationResult.Reported"/>, then the attribution by mechanism (<see cref="SimulationResult.Mechanisms"/>):
    /// <c>butFor.FACTOR</c> for the eight factors (rates), <c>shapley.FACTOR</c> (mean shares: <c>count</c> is missing,
    /// <c>trials</c> the rounds, <c>lower</c> and <c>upper</c> the t interval) and <c>shapley.rational</c>. Columns <c>measure</c>
    /// (its name, such as <c>war</c>), <c>count</c>, <c>trials</c> (the rounds), <c>estimate</c> (count / trials) and the
    /// 95% Wilson interval (Wilson 1927) <c>lower</c>, <c>upper</c>.</summary>
    /// <param name="result">The result of a run of rounds.</param>
    /// <returns>A data frame of <see cref="Measure.All"/>.Count rows (and one per reporter), 17 of the mechanisms, and
    /// 6 columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static DataFrame ToDataFrame(this SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var measure = new StringDataFrameColumn("measure");
        var count = new Int64DataFrameColumn("count");
        var trials = new Int64DataFrameColumn("trials");
        var estimate = new DoubleDataFrameColumn("estimate");
        var lower = new DoubleDataFrameColumn("lower");
        var upper = new DoubleDataFrameColumn("upper");
        foreach (var (name, rate) in Measure.All.Select(m => (m.Name, result[m])).Concat(result.Reported.Select(r => (r.Key, r.Value))))
        {
            measure.Append(name);
            count.Append(rate.Count);
            trials.Append(rate.Trials);
            estimate.Append(rate.Estimate);
            lower.Append(rate.Lower);
            upper.Append(rate.Upper);
        }

        // The attribution by mechanism: but-for rates, then Shapley means (no count: a mean of per-round shares).
        foreach (var share in result.Mechanisms.Factors)
        {
            measure.Append("butFor." + share.Name);
            count.Append(share.ButFor.Count);
            trials.Append(share.ButFor.Trials);
            estimate.Append(share.ButFor.Estimate);
            lower.Append(share.ButFor.Lower);
            upper.Append(share.ButFor.Upper);
        }

        foreach (var share in result.Mechanisms.Factors)
        {
            measure.Append("shapley." + share.Name);
            count.Append(null);
            trials.Append(share.Shapley.Count);
            estimate.Append(share.Shapley.Mean);
            lower.Append(share.Shapley.Lower);
            upper.Append(share.Shapley.Upper);
        }

        var rational = result.Mechanisms.Rational;
        measure.Append("shapley.rational");
        count.Append(rational.Count);
        trials.Append(rational.Trials);
        estimate.Append(rational.Estimate);
        lower.Append(rational.Lower);
        upper.Append(rational.Upper);
        return new DataFrame(measure, count, trials, estimate, lower, upper);
    }

    /// <summary>Sweep rows with the columns of the sweep's results file, in its order and with its names
    /// (<see cref="SweepColumns.For(IEnumerable{string}, IEnumerable{string})"/>): <c>point</c>, <c>replication</c>,
    /// <c>seed</c>, each factor's parameter path, per measure <c>name</c>, <c>name_lower</c>, <c>name_upper</c> (estimate
    /// and 95% Wilson interval), <c>error</c>, <c>trials</c>, per measure <c>name_count</c>, then per reporter of the
    /// first row (<see cref="SweepRow.Reported"/>) <c>name</c>, <c>name_lower</c>, <c>name_upper</c>, <c>name_count</c>,
    /// then, when the first row records the attribution by mechanism (<see cref="SweepRow.RecordsMechanisms"/>), the
    /// mechanism columns (<see cref="SweepColumns.Mechanisms"/>: rates with their counts, Shapley shares with their t
    /// bounds and scaled sums). A point that could not run has missing rates, trials and counts
    /// and its message in <c>error</c>, as its empty cells in the CSV file; <c>error</c> is missing for the others.</summary>
    /// <param name="rows">The rows: <see cref="Sweep.Rows"/>, or read back with <see cref="SweepRowReader.Read"/>. They are
    /// enumerated once.</param>
    /// <param name="factorPaths">The factors' parameter paths, in the order of <see cref="SweepRow.Values"/>.</param>
    /// <returns>A data frame, one row a sweep row.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row has not one value per factor path.</exception>
    public static DataFrame ToDataFrame(this IEnumerable<SweepRow> rows, IReadOnlyList<string> factorPaths)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(factorPaths);
        var point = new Int64DataFrameColumn(SweepColumns.Leading[0]);
        var replication = new Int32DataFrameColumn(SweepColumns.Leading[1]);
        var seed = new UInt64DataFrameColumn(SweepColumns.Leading[2]);
        var factors = factorPaths.Select(p => new DoubleDataFrameColumn(p)).ToArray();
        var rates = SweepColumns.Rates.Select(name => new DoubleDataFrameColumn(name)).ToArray();
        var error = new StringDataFrameColumn(SweepColumns.Error);
        var trials = new Int64DataFrameColumn(SweepColumns.Trials);
        var counts = SweepColumns.Counts.Select(name => new Int64DataFrameColumn(name)).ToArray();
        IReadOnlyList<Measure>? reported = null;
        var reporterColumns = new List<DataFrameColumn>();
        var mechanismColumns = new List<DataFrameColumn>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            CheckValues(row.Values.Length, factors.Length, row.Point);
            if (reported is null)
            {
                reported = row.Reported;
                foreach (var m in reported)
                {
                    reporterColumns.AddRange([new DoubleDataFrameColumn(m.Name), new DoubleDataFrameColumn(m.Name + "_lower"), new DoubleDataFrameColumn(m.Name + "_upper"), new Int64DataFrameColumn(m.Name + "_count")]);
                }

                if (row.RecordsMechanisms)
                {
                    // The names of the file's mechanism columns: three estimates, then one count or two sums.
                    int at = 0;
                    foreach (var m in Measure.Mechanisms)
                    {
                        for (int k = 0; k < 3; k++)
                        {
                            mechanismColumns.Add(new DoubleDataFrameColumn(SweepColumns.Mechanisms[at++]));
                        }

                        for (int k = 0; k < (m.IsMean ? 2 : 1); k++)
                        {
                            mechanismColumns.Add(new Int64DataFrameColumn(SweepColumns.Mechanisms[at++]));
                        }
                    }
                }
            }

            if (mechanismColumns.Count > 0)
            {
                int at = 0;
                foreach (var m in Measure.Mechanisms)
                {
                    if (m.IsMean)
                    {
                        var mean = row.Mean(m);
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(mean.Mean);
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? mean.Lower : null);
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? mean.Upper : null);
                        ((Int64DataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? row.MechanismSums![m.MechanismSlot] : null);
                        ((Int64DataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? row.MechanismSums![m.MechanismSlot + 1] : null);
                    }
                    else
                    {
                        var rate = row[m];
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(rate.Estimate);
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? rate.Lower : null);
                        ((DoubleDataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? rate.Upper : null);
                        ((Int64DataFrameColumn)mechanismColumns[at++]).Append(row.Ran ? rate.Count : null);
                    }
                }
            }

            for (int j = 0; j < reported.Count; j++)
            {
                var rate = row[reported[j]];
                ((DoubleDataFrameColumn)reporterColumns[4 * j]).Append(row.Ran ? rate.Estimate : null);
                ((DoubleDataFrameColumn)reporterColumns[(4 * j) + 1]).Append(row.Ran ? rate.Lower : null);
                ((DoubleDataFrameColumn)reporterColumns[(4 * j) + 2]).Append(row.Ran ? rate.Upper : null);
                ((Int64DataFrameColumn)reporterColumns[(4 * j) + 3]).Append(row.Ran ? rate.Count : null);
            }

            point.Append(row.Point);
            replication.Append(row.Replication);
            seed.Append(row.Seed);
            for (int f = 0; f < factors.Length; f++)
            {
                factors[f].Append(row.Values[f]);
            }

            for (int m = 0; m < Measure.All.Count; m++)
            {
                var rate = row[Measure.All[m]];
                rates[3 * m].Append(row.Ran ? rate.Estimate : null);
                rates[(3 * m) + 1].Append(row.Ran ? rate.Lower : null);
                rates[(3 * m) + 2].Append(row.Ran ? rate.Upper : null);
                counts[m].Append(row.Ran ? rate.Count : null);
            }

            error.Append(row.Error);
            trials.Append(row.Ran ? row.Trials : null);
        }

        return new DataFrame([point, replication, seed, .. factors, .. rates, error, trials, .. counts, .. reporterColumns, .. mechanismColumns]);
    }

    /// <summary>Runs a sweep and returns its rows as a data frame with the columns of its results file (see
    /// <see cref="ToDataFrame(IEnumerable{SweepRow}, IReadOnlyList{string})"/>): the counterpart of Agents.jl's
    /// <c>paramscan</c>. The whole table is held in memory; for large designs write a file (<see cref="SweepFile.Run"/>)
    /// or summarise (<see cref="Sweep.Summarise"/>).</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>A data frame, one row a (point, replication).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sweep"/> is <see langword="null"/>.</exception>
    public static DataFrame ToDataFrame(this Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return sweep.Rows().ToDataFrame([.. sweep.Design.Factors.Select(f => f.Path)]);
    }

    /// <summary>Design-point summaries, one row a point: <c>point</c>, each factor's parameter path (the keys of
    /// <see cref="DesignPointSummary.Values"/>, in design order), <c>replications</c>, <c>trials</c> (summed over the
    /// replications), <c>error</c> (missing when the point ran), then per measure (the built-in ones, then the first
    /// summary's <see cref="DesignPointSummary.Reported"/>) the pooled rate <c>name</c>,
    /// <c>name_lower</c>, <c>name_upper</c> (95% Wilson interval of the summed counts), <c>name_count</c>, and the mean
    /// over replications <c>name_mean</c>, <c>name_mean_lower</c>, <c>name_mean_upper</c> (95% Student-t interval within
    /// [0, 1]; see <see cref="DesignPointSummary.MeanOfReplications"/>), then, when the first summary records the
    /// attribution by mechanism, the same for each of <see cref="Measure.Mechanisms"/>, except that a Shapley share has
    /// no <c>name_count</c> and its <c>name</c>, <c>name_lower</c>, <c>name_upper</c> are the pooled mean and its t
    /// interval within [−1, 1] (<see cref="DesignPointSummary.PooledMean"/>). A point that could not run has missing
    /// rates and counts; with one replication the t bounds are 0 and 1 (−1 and 1 for a Shapley share).</summary>
    /// <param name="summaries">The summaries (<see cref="Sweep.Summarise"/> or <see cref="DesignPointSummary.Of"/>), all
    /// with the same factor paths.</param>
    /// <returns>A data frame, one row a design point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The summaries have different factor paths.</exception>
    public static DataFrame ToDataFrame(this IEnumerable<DesignPointSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToList();
        string[] paths = list.Count > 0 ? [.. list[0].Values.Keys] : [];
        var point = new Int64DataFrameColumn(SweepColumns.Leading[0]);
        var factors = paths.Select(p => new DoubleDataFrameColumn(p)).ToArray();
        var replications = new Int32DataFrameColumn("replications");
        var trials = new Int64DataFrameColumn(SweepColumns.Trials);
        var error = new StringDataFrameColumn(SweepColumns.Error);
        // Seven columns a rate (pooled rate, Wilson bounds, count, mean over replications, t bounds); six a Shapley share
        // (pooled mean and t bounds, then the mean over replications and its t bounds).
        Measure[] all = [.. Measure.All, .. (list.Count > 0 ? list[0].Reported : []), .. (list.Count > 0 && list[0].RecordsMechanisms ? Measure.Mechanisms : [])];
        var groups = all
            .Select(m => m.IsMean
                ? new DataFrameColumn[]
                {
                    new DoubleDataFrameColumn(m.Name), new DoubleDataFrameColumn(m.Name + "_lower"), new DoubleDataFrameColumn(m.Name + "_upper"),
                    new DoubleDataFrameColumn(m.Name + "_mean"), new DoubleDataFrameColumn(m.Name + "_mean_lower"), new DoubleDataFrameColumn(m.Name + "_mean_upper"),
                }
                : new DataFrameColumn[]
                {
                    new DoubleDataFrameColumn(m.Name), new DoubleDataFrameColumn(m.Name + "_lower"), new DoubleDataFrameColumn(m.Name + "_upper"),
                    new Int64DataFrameColumn(m.Name + "_count"),
                    new DoubleDataFrameColumn(m.Name + "_mean"), new DoubleDataFrameColumn(m.Name + "_mean_lower"), new DoubleDataFrameColumn(m.Name + "_mean_upper"),
                })
            .ToArray();
        foreach (var summary in list)
        {
            ArgumentNullException.ThrowIfNull(summary, nameof(summaries));
            if (!summary.Values.Keys.SequenceEqual(paths, StringComparer.Ordinal))
            {
                throw new ArgumentException($"point {summary.Point} has the factors ({string.Join(", ", summary.Values.Keys)}), point {list[0].Point} ({string.Join(", ", paths)}): summarise one sweep at a time.", nameof(summaries));
            }

            point.Append(summary.Point);
            int f = 0;
            foreach (double value in summary.Values.Values)
            {
                factors[f++].Append(value);
            }

            replications.Append(summary.Replications);
            trials.Append(summary.Trials);
            error.Append(summary.Error);
            bool ran = summary.ReplicationsRun > 0;
            for (int m = 0; m < all.Length; m++)
            {
                var columns = groups[m];
                var mean = summary.MeanOfReplications(all[m]);
                int at = 0;
                if (all[m].IsMean)
                {
                    var pooled = summary.PooledMean(all[m]);
                    ((DoubleDataFrameColumn)columns[at++]).Append(pooled.Mean);
                    ((DoubleDataFrameColumn)columns[at++]).Append(ran ? pooled.Lower : null);
                    ((DoubleDataFrameColumn)columns[at++]).Append(ran ? pooled.Upper : null);
                }
                else
                {
                    var pooled = summary.Pooled(all[m]);
                    ((DoubleDataFrameColumn)columns[at++]).Append(pooled.Estimate);
                    ((DoubleDataFrameColumn)columns[at++]).Append(ran ? pooled.Lower : null);
                    ((DoubleDataFrameColumn)columns[at++]).Append(ran ? pooled.Upper : null);
                    ((Int64DataFrameColumn)columns[at++]).Append(ran ? pooled.Count : null);
                }

                ((DoubleDataFrameColumn)columns[at++]).Append(mean.Mean);
                ((DoubleDataFrameColumn)columns[at++]).Append(ran ? mean.Lower : null);
                ((DoubleDataFrameColumn)columns[at]).Append(ran ? mean.Upper : null);
            }
        }

        return new DataFrame([point, .. factors, replications, trials, error, .. groups.SelectMany(g => g)]);
    }

    private static void CheckValues(int values, int paths, long point)
    {
        if (values != paths)
        {
            throw new ArgumentException($"point {point}: {values} values for {paths} factor paths.", "rows");
        }
    }
}
