using System.Globalization;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One row of a sweep's results: one replication of N rounds (or one run of T periods) at one design point, as counts
/// out of the trials. Read a rate by its measure: <c>row[Measure.War]</c> is a <see cref="Proportion"/> with its count,
/// trials, estimate and 95% Wilson interval (Wilson 1927), computed from the counts.
/// </summary>
/// <param name="Point">The design point, 0 to <see cref="ExperimentDesign.PointCount"/> - 1.</param>
/// <param name="Replication">The replication, from 0; replication r uses the same random streams at every point
/// (common random numbers).</param>
/// <param name="Seed">The sweep's master seed: <c>deterrence-sim run --seed S --replication r</c> with the point's values as
/// <c>--set</c> reproduces the row.</param>
/// <param name="Values">The value of each factor at the point, in the design's factor order.</param>
/// <param name="Trials">The rounds of the replication (or the periods of the run): the denominator of every rate; 0 when
/// the point could not run.</param>
/// <param name="Counts">For each measure of <see cref="Measure.All"/>, in that order, then for each of
/// <see cref="Reported"/>, the rounds (or periods) it counts, each in [0, <paramref name="Trials"/>];
/// <see langword="null"/> when the point could not run. Prefer the indexer to positions.</param>
/// <param name="Error">Why the point could not run (its override makes the scenario invalid), or <see langword="null"/>.</param>
public sealed record SweepRow(long Point, int Replication, ulong Seed, double[] Values, long Trials, long[]? Counts, string? Error)
{
    private static readonly Proportion NoTrials = Proportion.Wilson(0, 0);

    /// <summary>Gets the measures of the sweep's <see cref="Reporter"/>s, in order, whose counts follow the built-in
    /// ones in <see cref="Counts"/>; empty without reporters.</summary>
    public IReadOnlyList<Measure> Reported { get; init; } = [];

    /// <summary>Gets whether the point ran: the row has counts and no error.</summary>
    public bool Ran => Counts is not null;

    /// <summary>Gets the rate of a measure: its count out of <see cref="Trials"/> with the 95% Wilson interval. A row
    /// whose point could not run has no trials: the estimate is <see langword="null"/> and the interval [0, 1].</summary>
    /// <param name="measure">The measure, such as <see cref="Measure.War"/> or a reporter's.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">A reporter's measure that is not among <see cref="Reported"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Counts"/> does not hold one count per measure, or a count
    /// is outside [0, <see cref="Trials"/>].</exception>
    public Proportion this[Measure measure]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(measure);
            int index = measure.SlotAmong(Reported);
            if (Counts is null)
            {
                return NoTrials;
            }

            int expected = Measure.All.Count + Reported.Count;
            if (Counts.Length != expected || Counts[index] < 0 || Counts[index] > Trials)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"point {Point}, replication {Replication}: expected {expected} counts within [0, {Trials}], found {Counts.Length} counts ('{measure.Name}': {(index < Counts.Length ? Counts[index] : "none")})."));
            }

            return Proportion.Wilson(Counts[index], Trials);
        }
    }

    /// <summary>The estimate of a measure by name, or <see langword="null"/> when the point could not run.</summary>
    /// <param name="metric">The measure's name, such as <c>war</c>.</param>
    /// <returns>The proportion of rounds, in [0, 1].</returns>
    /// <exception cref="ArgumentException">No measure has that name.</exception>
    public double? Estimate(string metric) =>
        this[Reported.FirstOrDefault(m => string.Equals(m.Name, metric, StringComparison.Ordinal)) ?? Measure.Parse(metric)].Estimate;

    /// <summary>Whether two rows hold the same numbers (bitwise) and text.</summary>
    /// <param name="other">The other row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SweepRow? other) =>
        other is not null && Point == other.Point && Replication == other.Replication && Seed == other.Seed
        && Values.AsSpan().SequenceEqual(other.Values) && Trials == other.Trials && Reported.SequenceEqual(other.Reported)
        && (Counts is null ? other.Counts is null : other.Counts is not null && Counts.AsSpan().SequenceEqual(other.Counts))
        && string.Equals(Error, other.Error, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Point, Replication, Seed);

    /// <summary>A one-line summary: point, replication, values and the outcome rates, or the error.</summary>
    /// <returns>Such as <c>point 3, replication 1, values (0.5, 0.9): deterred 0.6412, concession 0.3401, war 0.0187</c>.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string head = string.Create(c, $"point {Point}, replication {Replication}, values ({string.Join(", ", Values.Select(v => v.ToString("G6", c)))})");
        return Ran
            ? head + ": " + string.Join(", ", Enum.GetValues<Outcome>().Select(o => string.Create(c, $"{Measure.Of(o).Name} {this[Measure.Of(o)].Estimate:F4}")))
            : head + ": cannot run: " + Error;
    }
}
