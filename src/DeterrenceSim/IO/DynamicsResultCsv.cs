using System.Globalization;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes a <see cref="DynamicsResult"/> as tidy CSV (invariant culture, '\n' line ends), one row per measure and
/// period: <c>scenario,periods,replications,seed,group,name,period,count,trials,estimate,lower,upper</c>. Groups are
/// the keys of <see cref="DynamicsResultJson"/>: <c>warByPeriod</c>, <c>deterredByPeriod</c>,
/// <c>concessionByPeriod</c> and <c>beliefByPeriod</c> (one row per period), and the run-level <c>warCauses</c>,
/// <c>mechanisms.butFor</c>, <c>mechanisms.shapley</c>, <c>mechanisms.shapleyPreventive</c>,
/// <c>mechanisms.shapleyBargaining</c> (name <c>crisis/factor</c>), <c>mechanisms</c> (name <c>crisis/rational</c> ...),
/// <c>anyWar</c>, <c>periodOfFirstWar</c>, <c>shareOfPeriodsAtWar</c>, <c>cumulativeConcession</c>, with reporters <c>reported</c> (name <c>crisis/reporter</c>),
/// <c>finalBelief</c>, <c>finalReliability</c>, <c>finalSignal</c> (empty period). <c>name</c> is the crisis id, the
/// commitment key, or <c>crisis/cause</c>; for means, <c>trials</c> is the count and <c>estimate</c> the mean.
/// </summary>
public static class DynamicsResultCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "scenario,periods,replications,seed,group,name,period,count,trials,estimate,lower,upper";

    /// <summary>Writes the header and the rows.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(DynamicsResult result, TextWriter writer) => Write(result, writer, null);

    /// <summary>Writes the header and the rows, each ending with where the result came from: the columns
    /// <c>scenario_source,scenario_sha256,overrides,library,variants</c> (overrides joined by <c>;</c>).</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version; <see langword="null"/> for
    /// none (no extra columns).</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="writer"/> is
    /// <see langword="null"/>.</exception>
    public static void Write(DynamicsResult result, TextWriter writer, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        string prefix = string.Join(',', Csv.Field(result.Scenario), result.Periods.ToString(c), result.Replications.ToString(c), result.Seed.ToString(c));
        string suffix = provenance?.CsvFields ?? "";
        writer.Write(Header);
        writer.Write(provenance is null ? "" : Provenance.CsvHeader);
        writer.Write('\n');
        void Rate(string group, string name, int? period, Proportion p) =>
            Row(writer, prefix, suffix, group, name, period, p.Count, p.Trials, p.Estimate, p.Lower, p.Upper);
        void Mean(string group, string name, int? period, MeanEstimate m) =>
            Row(writer, prefix, suffix, group, name, period, m.Count, m.Count, m.Mean, double.IsFinite(m.Lower) ? m.Lower : null, double.IsFinite(m.Upper) ? m.Upper : null);

        foreach (var crisis in result.Crises)
        {
            for (int t = 0; t < crisis.WarByPeriod.Count; t++)
            {
                Rate("warByPeriod", crisis.Crisis, t + 1, crisis.WarByPeriod[t]);
                Rate("deterredByPeriod", crisis.Crisis, t + 1, crisis.DeterredByPeriod[t]);
                Rate("concessionByPeriod", crisis.Crisis, t + 1, crisis.ConcessionByPeriod[t]);
            }

            foreach (var (cause, rate) in crisis.WarCauses)
            {
                Rate("warCauses", crisis.Crisis + "/" + SimulationResultJson.CamelCase(cause.ToString()), null, rate);
            }

            foreach (var (group, name, rate, mean) in SimulationResultJson.MechanismEstimates(crisis.Mechanisms))
            {
                string g = group is null ? "mechanisms" : "mechanisms." + group;
                if (rate is not null)
                {
                    Rate(g, crisis.Crisis + "/" + name, null, rate);
                }
                else
                {
                    Mean(g, crisis.Crisis + "/" + name, null, mean!);
                }
            }

            Rate("anyWar", crisis.Crisis, null, crisis.AnyWar);
            Mean("periodOfFirstWar", crisis.Crisis, null, crisis.PeriodOfFirstWar);
            Mean("shareOfPeriodsAtWar", crisis.Crisis, null, crisis.ShareOfPeriodsAtWar);
            Mean("cumulativeConcession", crisis.Crisis, null, crisis.CumulativeConcession);
            foreach (var (name, rate) in crisis.Reported)
            {
                Rate("reported", crisis.Crisis + "/" + name, null, rate);
            }
        }

        Rate("anyWar", "*", null, result.AnyWar);
        Mean("periodOfFirstWar", "*", null, result.PeriodOfFirstWar);
        foreach (var commitment in result.Commitments)
        {
            for (int t = 0; t < commitment.BeliefByPeriod.Count; t++)
            {
                Mean("beliefByPeriod", commitment.Commitment, t + 1, commitment.BeliefByPeriod[t]);
            }

            Mean("finalBelief", commitment.Commitment, null, commitment.FinalBelief);
            Mean("finalReliability", commitment.Commitment, null, commitment.FinalReliability);
            Mean("finalSignal", commitment.Commitment, null, commitment.FinalSignal);
        }
    }

    private static void Row(TextWriter w, string prefix, string suffix, string group, string name, int? period, long count, long trials, double? estimate, double? lower, double? upper)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(prefix);
        w.Write(',');
        w.Write(group);
        w.Write(',');
        w.Write(Csv.Field(name));
        w.Write(',');
        w.Write(period?.ToString(c) ?? "");
        w.Write(',');
        Csv.WriteEstimate(w, count, trials, estimate, lower, upper, suffix);
    }
}
