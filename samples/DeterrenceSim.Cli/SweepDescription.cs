using System.Globalization;
using System.Text.Json;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;

namespace DeterrenceSim.Cli;

/// <summary>What a sweep's sidecar (<c>OUTPUT.sweep.json</c>) says about its results, as far as a plot needs it: the
/// crisis, the rounds or periods, the replications and the design with each factor's range.</summary>
/// <param name="Crisis">The crisis id.</param>
/// <param name="Rounds">Rounds a replication (a sweep of single rounds).</param>
/// <param name="Periods">Periods of a run (a sweep over runs), or null.</param>
/// <param name="Replications">Replications a point (at least, with a precision target).</param>
/// <param name="Design">The design: its kind and factors.</param>
internal sealed record SweepDescription(string Crisis, long Rounds, int? Periods, int Replications, ExperimentDesign Design)
{
    /// <summary>Gets a value indicating whether the design's values are scattered (a Latin hypercube or Sobol design),
    /// not a grid's levels.</summary>
    public bool IsScattered => Design.Kind is DesignKind.LatinHypercube or DesignKind.Sobol;

    /// <summary>Gets whether the sidecar is a contrast's (its identity has <c>contrast</c>).</summary>
    public bool IsContrast { get; init; }

    /// <summary>Reads the sidecar beside a results file.</summary>
    /// <param name="results">The results file.</param>
    /// <param name="problem">Receives why there is no description (no sidecar, or one that cannot be read), or null.</param>
    /// <returns>The description, or null.</returns>
    public static SweepDescription? Read(string results, out string? problem)
    {
        string sidecar = results + SweepFile.SidecarSuffix;
        problem = null;
        try
        {
            if (!File.Exists(sidecar))
            {
                problem = $"there is no sidecar {sidecar}";
                return null;
            }

            string text = File.ReadAllText(sidecar);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("identity", out var identity) || identity.ValueKind != JsonValueKind.Object)
            {
                problem = $"{sidecar} is not a sweep's sidecar (no identity object)";
                return null;
            }

            return new SweepDescription(
                identity.GetProperty("crisis").GetString() ?? "",
                identity.GetProperty("rounds").GetInt64(),
                identity.TryGetProperty("periods", out var periods) && periods.ValueKind == JsonValueKind.Number ? periods.GetInt32() : null,
                identity.GetProperty("replications").GetInt32(),
                ExperimentDesign.FromJson(text))
            {
                IsContrast = identity.TryGetProperty("contrast", out var contrast) && contrast.ValueKind == JsonValueKind.Object,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = $"{sidecar} cannot be read ({e.Message})";
            return null;
        }
    }

    /// <summary>The factor of a parameter path, or null if the design has none.</summary>
    /// <param name="path">The parameter path, as the results' column names it.</param>
    /// <returns>The factor.</returns>
    public Factor? FactorOf(string path) => Design.Factors.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    /// <summary>What one replication is: <c>20,000 rounds</c> or <c>runs of 20 periods</c>.</summary>
    public string Replication => Periods is int t
        ? string.Create(CultureInfo.InvariantCulture, $"runs of {t:N0} periods")
        : string.Create(CultureInfo.InvariantCulture, $"{Rounds:N0} rounds");
}
