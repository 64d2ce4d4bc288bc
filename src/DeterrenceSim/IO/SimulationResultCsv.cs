using System.Globalization;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes results as tidy CSV (RFC 4180, invariant culture, '\n' line ends): one row per measure, with columns
/// <c>scenario,crisis,rounds,seed,replication,group,name,count,trials,estimate,lower,upper</c>. Groups and names are
/// the keys of the JSON document (DESIGN.md section 7): <c>outcomes</c>, <c>warCauses</c>,
/// <c>preventiveFromMisperception</c>, <c>challengerVictoryGivenWar</c>, <c>meanSettlement</c> (count and trials =
/// peaceful rounds, estimate = the mean settlement, lower and upper = its t interval), <c>mechanisms.butFor</c>,
/// <c>mechanisms.shapley</c>, <c>mechanisms.shapleyPreventive</c>, <c>mechanisms.shapleyBargaining</c> (name: the
/// factor, such as <c>defender.ownCredulity</c>; a Shapley row's count and trials are the rounds, its estimate the mean
/// share and lower and upper its t interval) and <c>mechanisms</c> (names <c>rational</c>, <c>rationalPreventive</c>,
/// <c>rationalBargaining</c>, <c>rationalOfWars</c>; <c>mechanisms.butForOfWars</c> and <c>mechanisms.shapleyOfWars</c>
/// are the shares over the war rounds), <c>accurateWinProbability</c> and <c>expectedWinProbability</c> (estimate only;
/// count, trials and bounds empty), <c>alliancesTriggered</c> and
/// <c>supportRates</c>, and with <see cref="Reporter"/>s <c>reported</c>. An undefined value is an empty field.
/// </summary>
public static class SimulationResultCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "scenario,crisis,rounds,seed,replication,group,name,count,trials,estimate,lower,upper";

    /// <summary>Writes the header and the rows of each result.</summary>
    /// <param name="results">The results.</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A result is <see langword="null"/>.</exception>
    public static void Write(IEnumerable<SimulationResult> results, TextWriter writer) => Write(results, writer, null);

    /// <summary>Writes the header and the rows of each result, each row ending with where the results came from: the
    /// columns <c>scenario_source,scenario_sha256,overrides,library,variants</c> (overrides joined by <c>;</c>).</summary>
    /// <param name="results">The results, all computed from the scenario that <paramref name="provenance"/> describes.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version; <see langword="null"/> for
    /// none (no extra columns).</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or <paramref name="writer"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A result is <see langword="null"/>.</exception>
    public static void Write(IEnumerable<SimulationResult> results, TextWriter writer, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        string suffix = provenance?.CsvFields ?? "";
        writer.Write(Header);
        writer.Write(provenance is null ? "" : Provenance.CsvHeader);
        writer.Write('\n');
        foreach (var r in results)
        {
            if (r is null)
            {
                throw new ArgumentException("The results hold a null result.", nameof(results));
            }

            foreach (var (outcome, rate) in r.Outcomes)
            {
                Row(writer, suffix, r, "outcomes", SimulationResultJson.CamelCase(outcome.ToString()), rate);
            }

            foreach (var (cause, rate) in r.WarCauses)
            {
                Row(writer, suffix, r, "warCauses", SimulationResultJson.CamelCase(cause.ToString()), rate);
            }

            Row(writer, suffix, r, "preventiveFromMisperception", "preventiveFromMisperception", r.PreventiveFromMisperception);
            foreach (var (group, name, rate, mean) in SimulationResultJson.MechanismEstimates(r.Mechanisms))
            {
                string g = group is null ? "mechanisms" : "mechanisms." + group;
                if (rate is not null)
                {
                    Row(writer, suffix, r, g, name, rate);
                }
                else
                {
                    Row(writer, suffix, r, g, name, mean!.Count, mean.Count, mean.Mean, Finite(mean.Lower), Finite(mean.Upper));
                }
            }

            Row(writer, suffix, r, "challengerVictoryGivenWar", "challengerVictoryGivenWar", r.ChallengerVictoryGivenWar);
            Row(writer, suffix, r, "accurateWinProbability", "accurateWinProbability", null, null, Finite(r.AccurateWinProbability), null, null);
            Row(writer, suffix, r, "expectedWinProbability", "expectedWinProbability", null, null, Finite(r.ExpectedWinProbability), null, null);
            var m = r.MeanSettlement;
            Row(writer, suffix, r, "meanSettlement", "meanSettlement", m.Count, m.Count, m.Mean, Finite(m.Lower), Finite(m.Upper));
            foreach (var (id, rate) in r.AlliancesTriggered)
            {
                Row(writer, suffix, r, "alliancesTriggered", id, rate);
            }

            foreach (var (id, rate) in r.SupportRates)
            {
                Row(writer, suffix, r, "supportRates", id, rate);
            }

            foreach (var (name, rate) in r.Reported)
            {
                Row(writer, suffix, r, "reported", name, rate);
            }
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static void Row(TextWriter writer, string suffix, SimulationResult r, string group, string name, Proportion rate) =>
        Row(writer, suffix, r, group, name, rate.Count, rate.Trials, rate.Estimate, rate.Lower, rate.Upper);

    private static void Row(TextWriter w, string suffix, SimulationResult r, string group, string name, long? count, long? trials, double? estimate, double? lower, double? upper)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(Csv.Field(r.Scenario));
        w.Write(',');
        w.Write(Csv.Field(r.Crisis));
        w.Write(',');
        w.Write(r.Rounds.ToString(c));
        w.Write(',');
        w.Write(r.Seed.ToString(c));
        w.Write(',');
        w.Write(r.Replication.ToString(c));
        w.Write(',');
        w.Write(group);
        w.Write(',');
        w.Write(Csv.Field(name));
        w.Write(',');
        Csv.WriteEstimate(w, count, trials, estimate, lower, upper, suffix);
    }
}
