using System.Text;
using System.Text.Json;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes a <see cref="SimulationResult"/> as the JSON document of DESIGN.md section 7 (a contract: keys are only
/// ever added). The document holds no timing, date, host or version, so one seed gives byte-identical output on any
/// machine and thread count apart from <c>threads</c>. Numbers are written in the invariant culture.
/// </summary>
public static class SimulationResultJson
{
    /// <summary>Writes the document to a stream as UTF-8, indented, with a final newline.</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(SimulationResult result, Stream stream) => Write(result, stream, null);

    /// <summary>Writes the document, with where it came from, to a stream as UTF-8, indented, with a final newline.</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version, written as the keys
    /// <c>library</c>, <c>scenarioSource</c>, <c>scenarioSha256</c> and <c>overrides</c>; <see langword="null"/> for
    /// none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="stream"/> is
    /// <see langword="null"/>.</exception>
    public static void Write(SimulationResult result, Stream stream, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(result, writer, provenance);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Returns the document as a string.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text, with a final newline.</returns>
    public static string ToJson(SimulationResult result) => ToJson(result, null);

    /// <summary>Returns the document, with where it came from, as a string.</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version; <see langword="null"/> for none.</param>
    /// <returns>The JSON text, with a final newline.</returns>
    public static string ToJson(SimulationResult result, Provenance? provenance)
    {
        using var stream = new MemoryStream();
        Write(result, stream, provenance);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the document as one JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(SimulationResult result, Utf8JsonWriter writer) => Write(result, writer, null);

    /// <summary>Writes the document, with where it came from, as one JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    /// <param name="provenance">The scenario source, hash, overrides and library version; <see langword="null"/> for none.</param>
    public static void Write(SimulationResult result, Utf8JsonWriter writer, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("scenario", result.Scenario);
        writer.WriteString("crisis", result.Crisis);
        writer.WriteNumber("rounds", result.Rounds);
        writer.WriteNumber("seed", result.Seed);
        writer.WriteNumber("replication", result.Replication);
        writer.WriteNumber("threads", result.Threads);
        provenance?.WriteTo(writer);
        writer.WriteNumber("accurateWinProbability", result.AccurateWinProbability);
        WriteNullable(writer, "expectedWinProbability", double.IsNaN(result.ExpectedWinProbability) ? null : result.ExpectedWinProbability);
        writer.WriteStartObject("outcomes");
        foreach (var (outcome, rate) in result.Outcomes)
        {
            WriteProportion(writer, CamelCase(outcome.ToString()), rate);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("warCauses");
        foreach (var (cause, rate) in result.WarCauses)
        {
            WriteProportion(writer, CamelCase(cause.ToString()), rate);
        }

        writer.WriteEndObject();
        WriteProportion(writer, "preventiveFromMisperception", result.PreventiveFromMisperception);
        WriteMechanisms(writer, result.Mechanisms);
        WriteProportion(writer, "challengerVictoryGivenWar", result.ChallengerVictoryGivenWar);
        WriteMean(writer, "meanSettlement", result.MeanSettlement);
        writer.WriteStartObject("alliancesTriggered");
        foreach (var (id, rate) in result.AlliancesTriggered)
        {
            WriteProportion(writer, id, rate);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("supportRates");
        foreach (var (id, rate) in result.SupportRates)
        {
            WriteProportion(writer, id, rate);
        }

        writer.WriteEndObject();
        if (result.Reported.Count > 0)
        {
            // Only with reporters, so that documents without them keep their bytes.
            writer.WriteStartObject("reported");
            foreach (var (name, rate) in result.Reported)
            {
                WriteProportion(writer, name, rate);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>mechanisms</c>: <c>butFor</c> (rates), <c>shapley</c>, <c>shapleyPreventive</c> and
    /// <c>shapleyBargaining</c> (means over rounds), <c>butForOfWars</c> and <c>shapleyOfWars</c> (the same over the war
    /// rounds), each keyed by factor name; <c>rational</c>, <c>rationalPreventive</c>, <c>rationalBargaining</c>,
    /// <c>rationalOfWars</c> (rates); and <c>descriptions</c>, each factor in words.</summary>
    internal static void WriteMechanisms(Utf8JsonWriter writer, MechanismAttribution mechanisms)
    {
        writer.WriteStartObject("mechanisms");
        string? open = null;
        foreach (var (group, name, rate, mean) in MechanismEstimates(mechanisms))
        {
            if (group != open)
            {
                if (open is not null)
                {
                    writer.WriteEndObject();
                }

                if (group is not null)
                {
                    writer.WriteStartObject(group);
                }

                open = group;
            }

            if (rate is not null)
            {
                WriteProportion(writer, name, rate);
            }
            else
            {
                WriteMean(writer, name, mean!);
            }
        }

        if (open is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteStartObject("descriptions");
        foreach (var factor in mechanisms.Factors)
        {
            writer.WriteString(factor.Name, factor.Description);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Every estimate of <c>mechanisms</c> in the order of the JSON and the CSV: the groups keyed by factor
    /// (<c>butFor</c>, <c>shapley</c>, ..., each a rate or a mean per factor), then the rational wars' rates, whose group
    /// is <see langword="null"/> (they stand at the top of <c>mechanisms</c>). The one list the JSON writer and both CSV
    /// writers (run, simulate) walk.</summary>
    internal static IEnumerable<(string? Group, string Name, Proportion? Rate, MeanEstimate? Mean)> MechanismEstimates(MechanismAttribution mechanisms)
    {
        (string Group, Func<MechanismShare, Proportion>? Rate, Func<MechanismShare, MeanEstimate>? Mean)[] groups =
        [
            ("butFor", s => s.ButFor, null),
            ("shapley", null, s => s.Shapley),
            ("shapleyPreventive", null, s => s.ShapleyPreventive),
            ("shapleyBargaining", null, s => s.ShapleyBargaining),
            ("butForOfWars", s => s.ButForOfWars, null),
            ("shapleyOfWars", null, s => s.ShapleyOfWars),
        ];
        foreach (var (group, rate, mean) in groups)
        {
            foreach (var share in mechanisms.Factors)
            {
                yield return (group, share.Name, rate?.Invoke(share), mean?.Invoke(share));
            }
        }

        yield return (null, "rational", mechanisms.Rational, null);
        yield return (null, "rationalPreventive", mechanisms.RationalPreventive, null);
        yield return (null, "rationalBargaining", mechanisms.RationalBargaining, null);
        yield return (null, "rationalOfWars", mechanisms.RationalOfWars, null);
    }

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Writes a mean as <c>{count, mean, standardError, lower, upper}</c>; undefined values are <c>null</c>.</summary>
    internal static void WriteMean(Utf8JsonWriter writer, string? name, MeanEstimate mean)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteNumber("count", mean.Count);
        WriteNullable(writer, "mean", mean.Mean);
        WriteNullable(writer, "standardError", mean.StandardError);
        WriteNullable(writer, "lower", double.IsFinite(mean.Lower) ? mean.Lower : null);
        WriteNullable(writer, "upper", double.IsFinite(mean.Upper) ? mean.Upper : null);
        writer.WriteEndObject();
    }

    /// <summary>Writes a rate as <c>{count, trials, estimate, lower, upper}</c>.</summary>
    internal static void WriteProportion(Utf8JsonWriter writer, string? name, Proportion rate)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteNumber("count", rate.Count);
        writer.WriteNumber("trials", rate.Trials);
        WriteNullable(writer, "estimate", rate.Estimate);
        writer.WriteNumber("lower", rate.Lower);
        writer.WriteNumber("upper", rate.Upper);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
