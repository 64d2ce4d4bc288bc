namespace DeterrenceSim.Experiments;

/// <summary>
/// One row of a sweep's results: one replication of N rounds at one design point.
/// </summary>
/// <param name="Point">The design point, 0 to <see cref="ExperimentDesign.PointCount"/> - 1.</param>
/// <param name="Replication">The replication, from 0; replication r uses the same random streams at every point
/// (common random numbers).</param>
/// <param name="Seed">The sweep's master seed: <c>deterrence-sim run --seed S --replication r</c> with the point's values as
/// <c>--set</c> reproduces the row.</param>
/// <param name="Values">The value of each factor at the point, in the design's factor order.</param>
/// <param name="Rates">For each metric of <see cref="SweepMetrics.Names"/> in order, three numbers: the proportion of rounds
/// and the lower and upper ends of its 95% Wilson interval; <see langword="null"/> when the point could not run.</param>
/// <param name="Error">Why the point could not run (its override makes the scenario invalid), or <see langword="null"/>.</param>
public sealed record SweepRow(long Point, int Replication, ulong Seed, double[] Values, double[]? Rates, string? Error)
{
    /// <summary>The estimate of a metric, or <see langword="null"/> when the point could not run.</summary>
    /// <param name="metric">The metric name, such as <c>war</c>.</param>
    /// <returns>The proportion of rounds, in [0, 1].</returns>
    /// <exception cref="ArgumentException">No metric has that name.</exception>
    public double? Estimate(string metric) => Rates?[3 * SweepMetrics.IndexOf(metric)];

    /// <summary>Whether two rows hold the same numbers (bitwise) and text.</summary>
    /// <param name="other">The other row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SweepRow? other) =>
        other is not null && Point == other.Point && Replication == other.Replication && Seed == other.Seed
        && Values.AsSpan().SequenceEqual(other.Values)
        && (Rates is null ? other.Rates is null : other.Rates is not null && Rates.AsSpan().SequenceEqual(other.Rates))
        && string.Equals(Error, other.Error, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Point, Replication, Seed);

    /// <summary>A one-line summary: point, replication, values and the outcome rates, or the error.</summary>
    /// <returns>Such as <c>point 3, replication 1, values (0.5, 0.9): deterred 0.6412, concession 0.3401, war 0.0187</c>.</returns>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string head = string.Create(c, $"point {Point}, replication {Replication}, values ({string.Join(", ", Values.Select(v => v.ToString("G6", c)))})");
        return Rates is null
            ? head + ": cannot run: " + Error
            : head + string.Create(c, $": deterred {Rates[0]:F4}, concession {Rates[3]:F4}, war {Rates[6]:F4}");
    }
}
