using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using Parquet;
using Parquet.Schema;

namespace DeterrenceSim.Tests.IO;

/// <summary>
/// The writers as they were before row groups were sized by bytes: every row kept until its group is full, then each
/// column copied into a whole array of nullable values and handed to Parquet.Net. The oracle for the bytes of the
/// buffered writers, given the same row group size.
/// </summary>
internal static class ReferenceParquet
{
    /// <summary>Sweep rows as whole column arrays; <paramref name="counts"/> false writes a file of DeterrenceSim 0.1.0
    /// (rates without the trials and count columns), <paramref name="mechanisms"/> false one of formatVersion 2 (without
    /// the mechanism columns). The mechanism columns are named here from the contract, not from SweepColumns.</summary>
    public static byte[] Sweep(IReadOnlyList<string> factors, IEnumerable<SweepRow> rows, int groupSize, bool counts = true, bool mechanisms = true)
    {
        var point = new DataField<long>("point");
        var replication = new DataField<int>("replication");
        var seed = new DataField<ulong>("seed");
        var values = factors.Select(p => new DataField<double>(p)).ToArray();
        var rates = SweepColumns.Rates.Select(n => new DataField<double?>(n)).ToArray();
        var error = new DataField<string>("error");
        var trials = new DataField<long?>("trials");
        var countFields = counts ? Measure.All.Select(m => new DataField<long?>(m.Name + "_count")).ToArray() : [];
        // Per factor butFor.F, _lower, _upper (double), _count (int64), shapley.F, _lower, _upper (double), _scaledSum,
        // _scaledSumOfSquares (int64); then shapley.rational, _lower, _upper, _count.
        var mechanismFields = new List<Field>();
        var mechanismValues = new List<Func<SweepRow, object?>>();
        foreach (var factor in counts && mechanisms ? MechanismFactors.All : [])
        {
            AddRate("butFor." + factor.Name(), 3 * (int)factor);
            string name = "shapley." + factor.Name();
            int slot = (3 * (int)factor) + 1;
            var shapley = Measure.Shapley(factor);
            AddDouble(name, r => r.Mean(shapley).Mean);
            AddDouble(name + "_lower", r => r.Mean(shapley).Lower);
            AddDouble(name + "_upper", r => r.Mean(shapley).Upper);
            AddLong(name + "_scaledSum", r => r.MechanismSums![slot]);
            AddLong(name + "_scaledSumOfSquares", r => r.MechanismSums![slot + 1]);
        }

        if (counts && mechanisms)
        {
            AddRate("shapley.rational", 24);
        }

        Field[] fields = counts ? [point, replication, seed, .. values, .. rates, error, trials, .. countFields, .. mechanismFields] : [point, replication, seed, .. values, .. rates, error];
        return Write(fields, rows, groupSize, (group, g) =>
        {
            Wait(group.WriteAsync<long>(point, g.Select(r => r.Point).ToArray()));
            Wait(group.WriteAsync<int>(replication, g.Select(r => r.Replication).ToArray()));
            Wait(group.WriteAsync<ulong>(seed, g.Select(r => r.Seed).ToArray()));
            for (int i = 0; i < values.Length; i++)
            {
                Wait(group.WriteAsync<double>(values[i], g.Select(r => r.Values[i]).ToArray()));
            }

            for (int i = 0; i < rates.Length; i++)
            {
                var measure = Measure.All[i / 3];
                Wait(group.WriteAsync<double>(rates[i], g.Select(r => r.Ran ? (i % 3) switch { 0 => r[measure].Estimate, 1 => r[measure].Lower, _ => r[measure].Upper } : null).ToArray()));
            }

            Wait(group.WriteAsync(error, g.Select(r => r.Error).ToArray()));
            if (counts)
            {
                Wait(group.WriteAsync<long>(trials, g.Select(r => r.Ran ? r.Trials : (long?)null).ToArray()));
                for (int i = 0; i < countFields.Length; i++)
                {
                    Wait(group.WriteAsync<long>(countFields[i], g.Select(r => r.Counts?[i]).ToArray()));
                }

                for (int i = 0; i < mechanismFields.Count; i++)
                {
                    if (mechanismFields[i] is DataField<double?> d)
                    {
                        Wait(group.WriteAsync<double>(d, g.Select(r => r.Ran ? (double?)mechanismValues[i](r) : null).ToArray()));
                    }
                    else
                    {
                        Wait(group.WriteAsync<long>((DataField<long?>)mechanismFields[i], g.Select(r => r.Ran ? (long?)mechanismValues[i](r) : null).ToArray()));
                    }
                }
            }
        });

        // A rate's estimate and Wilson bounds from its count out of the trials, and the count.
        void AddRate(string name, int slot)
        {
            AddDouble(name, r => Proportion.Wilson(r.MechanismSums![slot], r.Trials).Estimate);
            AddDouble(name + "_lower", r => Proportion.Wilson(r.MechanismSums![slot], r.Trials).Lower);
            AddDouble(name + "_upper", r => Proportion.Wilson(r.MechanismSums![slot], r.Trials).Upper);
            AddLong(name + "_count", r => r.MechanismSums![slot]);
        }

        void AddDouble(string name, Func<SweepRow, double?> value)
        {
            mechanismFields.Add(new DataField<double?>(name));
            mechanismValues.Add(r => value(r));
        }

        void AddLong(string name, Func<SweepRow, long> value)
        {
            mechanismFields.Add(new DataField<long?>(name));
            mechanismValues.Add(r => value(r));
        }
    }

    public static byte[] Periods(Scenario scenario, IEnumerable<PeriodRow> rows, int groupSize)
    {
        var ints = new[] { new DataField<int>("replication"), new DataField<int>("period") };
        var texts = new[] { new DataField<string>("crisis"), new DataField<string>("outcome"), new DataField<string>("cause") };
        var numbers = new[] { "challengerBelief", "defenderBelief", "challengerPerceivedStrength", "defenderPerceivedStrength" }.Select(n => new DataField<double>(n)).ToArray();
        var optional = new[] { "challengerRealisedStrength", "defenderRealisedStrength", "settlement" }.Select(n => new DataField<double?>(n)).ToArray();
        var wins = new DataField<bool?>("challengerWins");
        var commitments = scenario.Commitments.SelectMany(c => new[] { c.Key + ".reliability", c.Key + ".signal", c.Key + ".belief" }).Select(n => new DataField<double>(n)).ToArray();
        static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
        return Write([.. ints, .. texts, .. numbers, .. optional, wins, .. commitments], rows, groupSize, (group, g) =>
        {
            Wait(group.WriteAsync<int>(ints[0], g.Select(r => r.Replication).ToArray()));
            Wait(group.WriteAsync<int>(ints[1], g.Select(r => r.Period).ToArray()));
            Wait(group.WriteAsync(texts[0], g.Select(r => r.Crisis).ToArray()));
            Wait(group.WriteAsync(texts[1], g.Select(r => Camel(r.Outcome.ToString())).ToArray()));
            Wait(group.WriteAsync(texts[2], g.Select(r => r.Cause is { } c ? Camel(c.ToString()) : null).ToArray()));
            Func<PeriodRow, double>[] n = [r => r.ChallengerBelief, r => r.DefenderBelief, r => r.ChallengerPerceivedStrength, r => r.DefenderPerceivedStrength];
            for (int i = 0; i < n.Length; i++)
            {
                Wait(group.WriteAsync<double>(numbers[i], g.Select(n[i]).ToArray()));
            }

            Func<PeriodRow, double?>[] o = [r => r.ChallengerRealisedStrength, r => r.DefenderRealisedStrength, r => r.Settlement];
            for (int i = 0; i < o.Length; i++)
            {
                Wait(group.WriteAsync<double>(optional[i], g.Select(o[i]).ToArray()));
            }

            Wait(group.WriteAsync<bool>(wins, g.Select(r => r.ChallengerWins).ToArray()));
            for (int k = 0; k < commitments.Length / 3; k++)
            {
                Wait(group.WriteAsync<double>(commitments[3 * k], g.Select(r => r.Reliability[k]).ToArray()));
                Wait(group.WriteAsync<double>(commitments[(3 * k) + 1], g.Select(r => r.Signal[k]).ToArray()));
                Wait(group.WriteAsync<double>(commitments[(3 * k) + 2], g.Select(r => r.Belief[k]).ToArray()));
            }
        });
    }

    private static byte[] Write<TRow>(Field[] fields, IEnumerable<TRow> rows, int groupSize, Action<ParquetRowGroupWriter, TRow[]> writeGroup)
    {
        using var stream = new MemoryStream();
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            foreach (var chunk in rows.Chunk(groupSize))
            {
                using var group = writer.CreateRowGroup();
                writeGroup(group, chunk);
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return stream.ToArray();
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}
