using System.Globalization;
using System.Text;
using System.Text.Json;
using DeterrenceSim.Calibration;

namespace DeterrenceSim.IO;

/// <summary>
/// The posterior file of <c>deterrence-sim calibrate</c> and the prediction of <c>deterrence-sim predict</c>
/// (docs/DESIGN.md section 10; a contract: keys are only ever added). A posterior holds <c>population</c>, <c>from</c>,
/// <c>to</c>, <c>crises</c>, <c>placed</c>, <c>unplaced</c>, <c>seed</c>, <c>library</c>, <c>rules</c>, <c>priors</c>,
/// <c>matched</c> (the statistics matched), <c>posterior.&lt;parameter&gt;.{mean, sd, q025, q975}</c>,
/// <c>statistics.&lt;name&gt;.{observed, predicted, lower, upper}</c> (the posterior predictive of the fitted population),
/// <c>generations</c> and <c>samples</c> (each particle's <c>weight</c> and parameters), from which a prediction is made.
/// </summary>
public static class PosteriorJson
{
    /// <summary>The posterior as JSON.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="seed">The seed it was computed with.</param>
    /// <returns>UTF-8 JSON text, indented, ending in a newline.</returns>
    public static string Write(PopulationPosterior posterior, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return Document(w =>
        {
            Population(w, posterior.Population);
            w.WriteNumber("seed", seed);
            w.WriteString("library", SweepFile.LibraryVersion);
            w.WriteStartObject("rules");
            w.WriteNumber("projectionHalfDistanceKm", posterior.Rules.ProjectionHalfDistanceKm);
            w.WriteNumber("reliability", posterior.Rules.Reliability);
            w.WriteNumber("challengerPower", posterior.Rules.ChallengerPower);
            w.WriteNumber("decisiveness", posterior.Rules.Decisiveness);
            w.WriteEndObject();
            if (posterior.Result is { } result)
            {
                w.WriteStartObject("priors");
                foreach (var p in result.Parameters)
                {
                    w.WriteStartObject(p.Name);
                    if (p.Prior is UniformPrior u)
                    {
                        w.WriteString("distribution", "uniform");
                        w.WriteNumber("lower", u.Lower);
                        w.WriteNumber("upper", u.Upper);
                    }
                    else
                    {
                        w.WriteString("distribution", p.Prior.ToString());
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteStartArray("matched");
            foreach (var name in posterior.Matched)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            Summaries(w, posterior.Summaries);
            Statistics(w, posterior.Predictive);
            if (posterior.Result is { } r)
            {
                w.WriteStartArray("generations");
                foreach (var g in r.History)
                {
                    w.WriteStartObject();
                    w.WriteNumber("generation", g.Index);
                    if (double.IsFinite(g.Epsilon))
                    {
                        w.WriteNumber("epsilon", g.Epsilon);
                    }
                    else
                    {
                        w.WriteNull("epsilon");
                    }

                    w.WriteNumber("proposals", g.Proposals);
                    w.WriteNumber("acceptanceRate", g.AcceptanceRate);
                    w.WriteNumber("effectiveSampleSize", g.EffectiveSampleSize);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("samples");
            foreach (var particle in posterior.Samples)
            {
                w.WriteStartObject();
                w.WriteNumber("weight", particle.Weight);
                for (int i = 0; i < PopulationParameters.Names.Count; i++)
                {
                    w.WriteNumber(PopulationParameters.Names[i], particle.Parameters[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Reads a posterior file written by <see cref="Write"/>: the population it names (<c>gml-mid</c>, between
    /// <c>from</c> and <c>to</c>), its rules, summaries and samples.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, for errors.</param>
    /// <returns>The posterior, ready for <see cref="PopulationCalibration.Predict"/>.</returns>
    /// <exception cref="InvalidDataException">Malformed JSON or a missing or invalid key: the message names the file,
    /// the key, what was expected and what was found.</exception>
    public static PopulationPosterior Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: expected a posterior file (JSON) of deterrence-sim calibrate, found malformed JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: expected a JSON object, found {root.ValueKind}");
            }

            string name = String(root, "population", source);
            if (name != "gml-mid")
            {
                throw new InvalidDataException($"{source}: key 'population': expected gml-mid (the embedded population), found '{name}'");
            }

            int from = Integer(root, "from", source), to = Integer(root, "to", source);
            if (to < from)
            {
                throw new InvalidDataException($"{source}: key 'to': expected a year >= 'from' ({from}), found {to}");
            }

            var rulesElement = Property(root, "rules", source, JsonValueKind.Object);
            PopulationRules rules;
            try
            {
                rules = new PopulationRules(
                    Number(rulesElement, "projectionHalfDistanceKm", source),
                    Number(rulesElement, "reliability", source),
                    Number(rulesElement, "challengerPower", source),
                    Number(rulesElement, "decisiveness", source));
                rules.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source}: key 'rules.{char.ToLowerInvariant(e.ParamName![0])}{e.ParamName[1..]}': {e.Message.Split(" (Parameter")[0]}, found {e.ActualValue}"));
            }

            var matched = Property(root, "matched", source, JsonValueKind.Array).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray();
            var unknown = matched.FirstOrDefault(m => !PopulationStatistics.All.Contains(m));
            if (unknown is not null)
            {
                throw new InvalidDataException($"{source}: key 'matched': expected statistics of {string.Join(", ", PopulationStatistics.All)}, found '{unknown}'");
            }

            // The priors bound the particles: a sample outside its prior's support is not one the sampler can produce.
            var bounds = new Dictionary<string, (double Lower, double Upper)>(StringComparer.Ordinal);
            if (root.TryGetProperty("priors", out var priors) && priors.ValueKind == JsonValueKind.Object)
            {
                foreach (string p in PopulationParameters.Names)
                {
                    if (priors.TryGetProperty(p, out var prior) && prior.ValueKind == JsonValueKind.Object
                        && prior.TryGetProperty("distribution", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "uniform")
                    {
                        bounds[p] = (Number(prior, "lower", source, "priors." + p), Number(prior, "upper", source, "priors." + p));
                    }
                }
            }
            var summaries = new List<ParameterSummary>();
            var posteriorElement = Property(root, "posterior", source, JsonValueKind.Object);
            foreach (string p in PopulationParameters.Names)
            {
                string at = "posterior." + p;
                var s = Property(posteriorElement, p, source, JsonValueKind.Object, "posterior");
                var summary = new ParameterSummary(p, Number(s, "mean", source, at), Number(s, "sd", source, at), Number(s, "q025", source, at), Number(s, "q975", source, at));
                if (!(summary.Q025 <= summary.Mean && summary.Mean <= summary.Q975 && summary.StandardDeviation >= 0))
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source}: key '{at}': expected q025 <= mean <= q975 and sd >= 0, found q025 {summary.Q025}, mean {summary.Mean}, q975 {summary.Q975}, sd {summary.StandardDeviation}"));
                }

                summaries.Add(summary);
            }

            var predictive = new List<StatisticEstimate>();
            foreach (var s in Property(root, "statistics", source, JsonValueKind.Object).EnumerateObject())
            {
                string at = "statistics." + s.Name;
                predictive.Add(new StatisticEstimate(s.Name, Number(s.Value, "observed", source, at), Number(s.Value, "predicted", source, at), Number(s.Value, "lower", source, at), Number(s.Value, "upper", source, at)));
            }

            var samples = new List<AbcParticle>();
            int index = 0;
            foreach (var s in Property(root, "samples", source, JsonValueKind.Array).EnumerateArray())
            {
                string at = $"samples[{index++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{source}: key '{at}': expected an object, found {s.ValueKind}");
                }

                double weight = Number(s, "weight", source, at);
                if (!(weight >= 0))
                {
                    throw new InvalidDataException($"{source}: key '{at}.weight': expected a weight >= 0, found {weight.ToString(CultureInfo.InvariantCulture)}");
                }

                var theta = PopulationParameters.Names.Select(n => Number(s, n, source, at)).ToArray();
                try
                {
                    PopulationParameters.FromValues(theta).Validate();
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source}: key '{at}.{char.ToLowerInvariant(e.ParamName![0])}{e.ParamName[1..]}': {e.Message.Split(" (Parameter")[0]}, found {e.ActualValue}"));
                }

                for (int i = 0; i < theta.Length; i++)
                {
                    if (bounds.TryGetValue(PopulationParameters.Names[i], out var b) && (theta[i] < b.Lower || theta[i] > b.Upper))
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source}: key '{at}.{PopulationParameters.Names[i]}': expected a value in its prior's support [{b.Lower}, {b.Upper}], found {theta[i]}"));
                    }
                }

                samples.Add(new AbcParticle(theta, weight, double.NaN, [], 0));
            }

            double total = samples.Sum(p => p.Weight);
            if (samples.Count == 0 || !(total > 0) || !double.IsFinite(total))
            {
                throw new InvalidDataException($"{source}: key 'samples': expected particles with a positive, finite total weight, found {(samples.Count == 0 ? "none" : total > 0 ? "weights summing past the largest double" : "weights summing to 0")}");
            }

            return new PopulationPosterior(MidPopulation.GmlMid.Between(from, to), rules, samples, summaries, matched, predictive);
        }
    }

    /// <summary>A prediction as JSON: the population predicted (<c>population</c>, <c>from</c>, <c>to</c>, <c>crises</c>,
    /// <c>placed</c>, <c>unplaced</c>), the posterior it came from (<c>posteriorFile</c>, its population and years, and
    /// <c>posterior.&lt;parameter&gt;</c>), <c>seed</c>, <c>library</c>, and
    /// <c>statistics.&lt;name&gt;.{observed, predicted, lower, upper}</c>.</summary>
    /// <param name="posterior">The posterior applied.</param>
    /// <param name="posteriorFile">The posterior file's name as given.</param>
    /// <param name="target">The population predicted.</param>
    /// <param name="estimates">The prediction.</param>
    /// <param name="seed">The seed of the predictive draws.</param>
    /// <returns>UTF-8 JSON text, indented, ending in a newline.</returns>
    public static string WritePrediction(PopulationPosterior posterior, string posteriorFile, MidPopulation target, IReadOnlyList<StatisticEstimate> estimates, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(estimates);
        return Document(w =>
        {
            Population(w, target);
            w.WriteString("posteriorFile", posteriorFile);
            w.WriteStartObject("fittedTo");
            Population(w, posterior.Population);
            w.WriteEndObject();
            w.WriteNumber("seed", seed);
            w.WriteString("library", SweepFile.LibraryVersion);
            Summaries(w, posterior.Summaries);
            Statistics(w, estimates);
        });
    }

    /// <summary>A prediction as CSV: one row per statistic, <c>statistic,observed,predicted,lower,upper,covered</c>,
    /// invariant culture.</summary>
    /// <param name="estimates">The prediction.</param>
    /// <returns>CSV text with a header, LF line ends.</returns>
    public static string PredictionCsv(IReadOnlyList<StatisticEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var b = new StringBuilder("statistic,observed,predicted,lower,upper,covered\n");
        foreach (var e in estimates)
        {
            b.Append(CultureInfo.InvariantCulture, $"{e.Name},{e.Observed:R},{e.Predicted:R},{e.Lower:R},{e.Upper:R},{(e.Covered ? "true" : "false")}\n");
        }

        return b.ToString();
    }

    private static void Population(Utf8JsonWriter w, MidPopulation population)
    {
        w.WriteString("population", population.Name);
        w.WriteNumber("from", population.FromYear);
        w.WriteNumber("to", population.ToYear);
        w.WriteNumber("crises", population.Count);
        w.WriteNumber("placed", population.Placed.Count);
        w.WriteNumber("unplaced", population.Unplaced.Count);
    }

    private static void Summaries(Utf8JsonWriter w, IReadOnlyList<ParameterSummary> summaries)
    {
        w.WriteStartObject("posterior");
        foreach (var s in summaries)
        {
            w.WriteStartObject(s.Name);
            w.WriteNumber("mean", s.Mean);
            w.WriteNumber("sd", s.StandardDeviation);
            w.WriteNumber("q025", s.Q025);
            w.WriteNumber("q975", s.Q975);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Statistics(Utf8JsonWriter w, IReadOnlyList<StatisticEstimate> estimates)
    {
        w.WriteStartObject("statistics");
        foreach (var e in estimates)
        {
            w.WriteStartObject(e.Name);
            w.WriteNumber("observed", e.Observed);
            w.WriteNumber("predicted", e.Predicted);
            w.WriteNumber("lower", e.Lower);
            w.WriteNumber("upper", e.Upper);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Document(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static JsonElement Property(JsonElement e, string key, string source, JsonValueKind kind, string? at = null)
    {
        string path = at is null ? key : at + "." + key;
        if (!e.TryGetProperty(key, out var value))
        {
            throw new InvalidDataException($"{source}: key '{path}': expected {Kind(kind)}, found nothing (missing)");
        }

        return value.ValueKind == kind ? value : throw new InvalidDataException($"{source}: key '{path}': expected {Kind(kind)}, found {value.ValueKind}");
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        _ => "a string",
    };

    private static double Number(JsonElement e, string key, string source, string? at = null)
    {
        var element = Property(e, key, source, JsonValueKind.Number, at);
        return element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{source}: key '{(at is null ? key : at + "." + key)}': expected a finite number, found {element.GetRawText()}");
    }

    private static int Integer(JsonElement e, string key, string source) =>
        Property(e, key, source, JsonValueKind.Number).TryGetInt32(out int value)
            ? value
            : throw new InvalidDataException($"{source}: key '{key}': expected an integer year, found {e.GetProperty(key).GetRawText()}");

    private static string String(JsonElement e, string key, string source) => Property(e, key, source, JsonValueKind.String).GetString()!;
}
