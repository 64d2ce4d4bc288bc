using System.Globalization;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.IO;

/// <summary>Writes a <see cref="SensitivityResult"/> as JSON or CSV (invariant culture, no time or machine data, so
/// one seed gives the same bytes on any machine and thread count apart from <c>threads</c>).</summary>
public static class SensitivityResultIO
{
    /// <summary>The JSON document: metric, crisis, design, rounds, replications, seed, variance, and for each factor its
    /// <c>firstOrder</c> and <c>totalOrder</c> index as <c>{estimate, lower, upper, standardError}</c> (95% bootstrap
    /// percentile interval).</summary>
    /// <param name="result">The result.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    public static string ToJson(SensitivityResult result) => ToJson(result, null);

    /// <summary>The JSON document, with where it came from: the keys <c>library</c>, <c>scenarioSource</c>,
    /// <c>scenarioSha256</c> and <c>overrides</c> after <c>threads</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The base scenario's source, hash and overrides, and the library version;
    /// <see langword="null"/> for none.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToJson(SensitivityResult result, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("metric", result.Metric);
            w.WriteString("crisis", result.Crisis);
            w.WriteNumber("samples", result.Design.Samples);
            w.WriteNumber("points", result.Design.PointCount);
            WriteRun(w, result.Options, provenance);
            w.WriteNumber("variance", result.Indices.Variance);
            WriteFactors(w, result.Design, i =>
            {
                Index(w, "firstOrder", result.Indices.FirstOrder[i]);
                Index(w, "totalOrder", result.Indices.TotalOrder[i]);
            });
            w.WriteEndObject();
        }) + "\n";
    }

    /// <summary>The CSV table: <c>path,first,first_lower,first_upper,first_se,total,total_lower,total_upper,total_se,seed</c>,
    /// one line per factor; <c>seed</c> is the master seed of the sweep behind the indices (the bootstrap's seed is
    /// derived from it), so each line can be reproduced.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(SensitivityResult result) => ToCsv(result, null);

    /// <summary>The CSV table, each line ending with where it came from: the columns
    /// <c>scenario_source,scenario_sha256,overrides,library,variants</c> after <c>seed</c>, then <c>metric</c> (the
    /// measure the indices are of, such as <c>war</c> or <c>shapley.defender.ownCredulity</c>) and <c>crisis</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The base scenario's source, hash and overrides, and the library version;
    /// <see langword="null"/> for none (no extra columns).</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToCsv(SensitivityResult result, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("path,first,first_lower,first_upper,first_se,total,total_lower,total_upper,total_se,seed" + (provenance is null ? "" : Provenance.CsvHeader) + ",metric,crisis\n");
        string tail = result.Options.Seed.ToString(c) + (provenance?.CsvFields ?? "") + "," + Csv.Field(result.Metric) + "," + Csv.Field(result.Crisis);
        for (int i = 0; i < result.Design.Factors.Count; i++)
        {
            var s = result.Indices.FirstOrder[i];
            var t = result.Indices.TotalOrder[i];
            text.Append(Csv.Field(result.Design.Factors[i].Path));
            foreach (double value in new[] { s.Estimate, s.Lower, s.Upper, s.StandardError, t.Estimate, t.Lower, t.Upper, t.StandardError })
            {
                text.Append(',').Append(value.ToString("R", c));
            }

            text.Append(',').Append(tail).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The JSON document of a Morris screening, without provenance (see <see cref="ToJson(MorrisResult, Provenance?)"/>).</summary>
    /// <param name="result">The result.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    public static string ToJson(MorrisResult result) => ToJson(result, null);

    /// <summary>The CSV table of a Morris screening, without provenance (see <see cref="ToCsv(MorrisResult, Provenance?)"/>).</summary>
    /// <param name="result">The result.</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(MorrisResult result) => ToCsv(result, null);

    /// <summary>The JSON document of a Morris screening: <c>method</c> (<c>"morris"</c>), metric, crisis,
    /// <c>trajectories</c> (r), <c>levels</c> (p), <c>delta</c> (Δ, in units of the normalised range), <c>points</c>,
    /// rounds (or periods), replications, seed, threads, then where it came from (the keys <c>library</c>,
    /// <c>scenarioSource</c>, <c>scenarioSha256</c>, <c>overrides</c> and <c>variants</c>), and for each factor its
    /// <c>path</c>, <c>lower</c>, <c>upper</c> and <c>mu</c>, <c>mu-star</c> and <c>sigma</c> as
    /// <c>{estimate, lower, upper, standardError}</c> (95% bootstrap percentile interval over trajectories), in units of
    /// the metric per unit of the factor's normalised range (docs/DESIGN.md, section 11).</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The base scenario's source, hash and overrides, and the library version;
    /// <see langword="null"/> for none.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToJson(MorrisResult result, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("method", "morris");
            w.WriteString("metric", result.Metric);
            w.WriteString("crisis", result.Crisis);
            w.WriteNumber("trajectories", result.Design.Samples);
            w.WriteNumber("levels", result.Design.Levels);
            w.WriteNumber("delta", result.Design.Delta);
            w.WriteNumber("points", result.Design.PointCount);
            WriteRun(w, result.Options, provenance);
            WriteFactors(w, result.Design, i =>
            {
                Index(w, "mu", result.Indices.Mu[i]);
                Index(w, "mu-star", result.Indices.MuStar[i]);
                Index(w, "sigma", result.Indices.Sigma[i]);
            });
            w.WriteEndObject();
        }) + "\n";
    }

    /// <summary>The CSV table of a Morris screening, one line per factor:
    /// <c>path,mu,mu_lower,mu_upper,mu_se,mu-star,mu-star_lower,mu-star_upper,mu-star_se,sigma,sigma_lower,sigma_upper,sigma_se,trajectories,levels,seed</c>,
    /// then with a provenance <c>scenario_source,scenario_sha256,overrides,library,variants</c>, then <c>metric</c> and
    /// <c>crisis</c>; <c>seed</c> is the master seed (of the trajectories and the bootstrap).</summary>
    /// <param name="result">The result.</param>
    /// <param name="provenance">The provenance; <see langword="null"/> for none (no extra columns).</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToCsv(MorrisResult result, Provenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("path,mu,mu_lower,mu_upper,mu_se,mu-star,mu-star_lower,mu-star_upper,mu-star_se,sigma,sigma_lower,sigma_upper,sigma_se,trajectories,levels,seed" + (provenance is null ? "" : Provenance.CsvHeader) + ",metric,crisis\n");
        string tail = result.Design.Samples.ToString(c) + "," + result.Design.Levels.ToString(c) + "," + result.Options.Seed.ToString(c) + (provenance?.CsvFields ?? "") + "," + Csv.Field(result.Metric) + "," + Csv.Field(result.Crisis);
        for (int i = 0; i < result.Design.Factors.Count; i++)
        {
            text.Append(Csv.Field(result.Design.Factors[i].Path));
            foreach (var index in new[] { result.Indices.Mu[i], result.Indices.MuStar[i], result.Indices.Sigma[i] })
            {
                foreach (double value in new[] { index.Estimate, index.Lower, index.Upper, index.StandardError })
                {
                    text.Append(',').Append(value.ToString("R", c));
                }
            }

            text.Append(',').Append(tail).Append('\n');
        }

        return text.ToString();
    }

    private static void Index(Utf8JsonWriter w, string name, SensitivityIndex index)
    {
        w.WriteStartObject(name);
        w.WriteNumber("estimate", index.Estimate);
        w.WriteNumber("lower", index.Lower);
        w.WriteNumber("upper", index.Upper);
        w.WriteNumber("standardError", index.StandardError);
        w.WriteEndObject();
    }

    /// <summary>Writes what was run: <c>periods</c> or <c>rounds</c>, <c>replications</c>, <c>seed</c>, <c>threads</c>,
    /// then the provenance's keys.</summary>
    private static void WriteRun(Utf8JsonWriter w, SweepOptions options, Provenance? provenance)
    {
        if (options.Periods is int periods)
        {
            w.WriteNumber("periods", periods);
        }
        else
        {
            w.WriteNumber("rounds", options.Rounds);
        }

        w.WriteNumber("replications", options.Replications);
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("threads", options.Threads);
        provenance?.WriteTo(w);
    }

    /// <summary>Writes the array <c>factors</c>: each factor's <c>path</c>, <c>lower</c>, <c>upper</c>, then its
    /// indices (written by <paramref name="indices"/> for the factor's place).</summary>
    private static void WriteFactors(Utf8JsonWriter w, ExperimentDesign design, Action<int> indices)
    {
        w.WriteStartArray("factors");
        for (int i = 0; i < design.Factors.Count; i++)
        {
            var factor = design.Factors[i];
            w.WriteStartObject();
            w.WriteString("path", factor.Path);
            w.WriteNumber("lower", factor.Lower);
            w.WriteNumber("upper", factor.Upper);
            indices(i);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
