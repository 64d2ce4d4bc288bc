using System.Text;
using System.Text.Json;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes a <see cref="DynamicsResult"/> as JSON: <c>scenario, periods, replications, seed, threads, anyWar,
/// periodOfFirstWar</c>, then <c>crises</c> by id (<c>warByPeriod</c>, <c>deterredByPeriod</c>,
/// <c>concessionByPeriod</c> as arrays over periods, <c>warCauses</c>, <c>anyWar</c>, <c>periodOfFirstWar</c>,
/// <c>shareOfPeriodsAtWar</c>, <c>cumulativeConcession</c>, with reporters <c>reported</c>) and <c>commitments</c> by key (<c>beliefByPeriod</c>,
/// <c>finalBelief</c>, <c>finalReliability</c>, <c>finalSignal</c>). Rates are <c>{count, trials, estimate, lower,
/// upper}</c> (95% Wilson), means <c>{count, mean, standardError, lower, upper}</c> (95% t). No time, date, host or
/// version; invariant culture.
/// </summary>
public static class DynamicsResultJson
{
    /// <summary>Returns the document as indented JSON with a final newline.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToJson(DynamicsResult result) => ToJson(result, null);

    /// <summary>Returns the document, with where it came from, as indented JSON with a final newline.</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version, written as the keys
    /// <c>library</c>, <c>scenarioSource</c>, <c>scenarioSha256</c> and <c>overrides</c>; <see langword="null"/> for
    /// none.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToJson(DynamicsResult result, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(result, writer, provenance);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the document as one JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(DynamicsResult result, Utf8JsonWriter writer) => Write(result, writer, null);

    /// <summary>Writes the document, with where it came from, as one JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version; <see langword="null"/> for none.</param>
    public static void Write(DynamicsResult result, Utf8JsonWriter writer, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("scenario", result.Scenario);
        writer.WriteNumber("periods", result.Periods);
        writer.WriteNumber("replications", result.Replications);
        writer.WriteNumber("seed", result.Seed);
        writer.WriteNumber("threads", result.Threads);
        provenance?.WriteTo(writer);
        SimulationResultJson.WriteProportion(writer, "anyWar", result.AnyWar);
        SimulationResultJson.WriteMean(writer, "periodOfFirstWar", result.PeriodOfFirstWar);
        writer.WriteStartObject("crises");
        foreach (var crisis in result.Crises)
        {
            writer.WriteStartObject(crisis.Crisis);
            Rates(writer, "warByPeriod", crisis.WarByPeriod);
            Rates(writer, "deterredByPeriod", crisis.DeterredByPeriod);
            Rates(writer, "concessionByPeriod", crisis.ConcessionByPeriod);
            writer.WriteStartObject("warCauses");
            foreach (var (cause, rate) in crisis.WarCauses)
            {
                SimulationResultJson.WriteProportion(writer, SimulationResultJson.CamelCase(cause.ToString()), rate);
            }

            writer.WriteEndObject();
            SimulationResultJson.WriteMechanisms(writer, crisis.Mechanisms);
            SimulationResultJson.WriteProportion(writer, "anyWar", crisis.AnyWar);
            SimulationResultJson.WriteMean(writer, "periodOfFirstWar", crisis.PeriodOfFirstWar);
            SimulationResultJson.WriteMean(writer, "shareOfPeriodsAtWar", crisis.ShareOfPeriodsAtWar);
            SimulationResultJson.WriteMean(writer, "cumulativeConcession", crisis.CumulativeConcession);
            if (crisis.Reported.Count > 0)
            {
                // Only with reporters, so that documents without them keep their bytes.
                writer.WriteStartObject("reported");
                foreach (var (name, rate) in crisis.Reported)
                {
                    SimulationResultJson.WriteProportion(writer, name, rate);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("commitments");
        foreach (var commitment in result.Commitments)
        {
            writer.WriteStartObject(commitment.Commitment);
            writer.WriteStartArray("beliefByPeriod");
            foreach (var mean in commitment.BeliefByPeriod)
            {
                SimulationResultJson.WriteMean(writer, null, mean);
            }

            writer.WriteEndArray();
            SimulationResultJson.WriteMean(writer, "finalBelief", commitment.FinalBelief);
            SimulationResultJson.WriteMean(writer, "finalReliability", commitment.FinalReliability);
            SimulationResultJson.WriteMean(writer, "finalSignal", commitment.FinalSignal);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Rates(Utf8JsonWriter writer, string name, IReadOnlyList<Proportion> rates)
    {
        writer.WriteStartArray(name);
        foreach (var rate in rates)
        {
            SimulationResultJson.WriteProportion(writer, null, rate);
        }

        writer.WriteEndArray();
    }
}
