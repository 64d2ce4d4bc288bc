using System.Globalization;
using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// One row of a sweep's results: one replication of N rounds (or one run of T periods) at one design point, as counts
/// out of the trials. Read a rate by its measure: <c>row[Measure.War]</c> is a <see cref="Proportion"/> with its count,
/// trials, estimate and 95% Wilson interval (Wilson 1927), computed from the counts. The attribution by mechanism
/// (<see cref="MechanismAttribution"/>) is kept as exact integer sums (<see cref="MechanismSums"/>):
/// <c>row[Measure.ButFor(f)]</c> and <c>row[Measure.ShapleyRational]</c> are rates,
/// <c>row.Mean(Measure.Shapley(f))</c> a mean share with its t interval; <see cref="Estimate(Measure)"/> takes any.
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

    /// <summary>Gets the exact integer sums of the attribution by mechanism over the row's trials, 25 of them: for each
    /// <see cref="MechanismFactor"/> in enum order its but-for count (rounds, in [0, wars]), the sum of its per-round
    /// Shapley values and the sum of their squares, both scaled by 8! = 40320 (so whole numbers: a Shapley value times
    /// 8! is an integer, and a sum of squares is in units of 1/8!²), then the count of rational wars (with every factor
    /// off). The Shapley sums and 8! times the rational count add up to 8! times the wars. <see langword="null"/> when
    /// the point could not run, and for rows of files written before sweep results had the mechanism columns
    /// (<see cref="RecordsMechanisms"/> is then false). Setting sums also sets <see cref="RecordsMechanisms"/>. Prefer
    /// the indexer, <see cref="Mean"/> and <see cref="Estimate(Measure)"/> to positions.</summary>
    public long[]? MechanismSums
    {
        get => _mechanismSums;
        init
        {
            _mechanismSums = value;
            if (value is not null)
            {
                RecordsMechanisms = true;
            }
        }
    }

    /// <summary>Gets whether the row's sweep recorded the attribution by mechanism: true for the rows of sweeps run by
    /// this library and of files of sidecar <c>formatVersion</c> 3 and later (even when the point could not run: its
    /// mechanism columns are then empty); false for rows of files written before (formatVersion 2, DeterrenceSim 0.1.0),
    /// whose mechanism measures cannot be read.</summary>
    public bool RecordsMechanisms { get; init; }

    private readonly long[]? _mechanismSums;

    private readonly ContrastCounts? _contrast;

    /// <summary>Gets the policy's side of a contrast row (<c>deterrence-sim contrast</c>, <see cref="Sweep.Contrast"/>):
    /// the policy's counts and the discordant pairs, per measure of <see cref="Measure.All"/>. A contrast row's
    /// <see cref="Counts"/> are the baseline's. <see langword="null"/> for a sweep's rows and for a contrast point that
    /// could not run (<see cref="RecordsContrast"/> tells them apart). Setting it also sets
    /// <see cref="RecordsContrast"/>. Read it with <see cref="Policy"/> and <see cref="Difference"/>.</summary>
    public ContrastCounts? Contrast
    {
        get => _contrast;
        init
        {
            _contrast = value;
            if (value is not null)
            {
                RecordsContrast = true;
            }
        }
    }

    /// <summary>Gets whether the row is a contrast's: its file has the policy and difference columns
    /// (<see cref="IO.SweepColumns.ContrastColumns"/>), empty when the point could not run.</summary>
    public bool RecordsContrast { get; init; }

    /// <summary>Gets the policy's rate of a measure in a contrast row: its count out of <see cref="Trials"/> with the 95%
    /// Wilson interval (a point that could not run: no estimate, interval [0, 1]).</summary>
    /// <param name="measure">An outcome or a war cause (<see cref="Measure.All"/>).</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">The measure is not among <see cref="Measure.All"/> (contrasts compare outcomes
    /// and war causes), or the row is not a contrast's (<see cref="RecordsContrast"/>).</exception>
    public Proportion Policy(Measure measure)
    {
        int index = ContrastIndex(measure);
        return Contrast is { } c ? Proportion.Wilson(c.Policy[index], Trials) : NoTrials;
    }

    /// <summary>Gets the paired difference of a measure in a contrast row, policy minus baseline, with its 95% interval
    /// from the per-round pairs (<see cref="PairedDifference.Newcombe"/>): narrower than two independent intervals when
    /// the policies' rounds agree, as they mostly do under common random numbers.</summary>
    /// <param name="measure">An outcome or a war cause (<see cref="Measure.All"/>).</param>
    /// <returns>The difference; a point that could not run has no estimate and the interval [−1, 1].</returns>
    /// <exception cref="ArgumentException">The measure is not among <see cref="Measure.All"/>, or the row is not a
    /// contrast's.</exception>
    public PairedDifference Difference(Measure measure)
    {
        int index = ContrastIndex(measure);
        return Contrast is { } c && Counts is { } counts
            ? PairedDifference.Newcombe(Trials, c.Policy[index], counts[index], c.PolicyOnly[index], c.BaselineOnly[index])
            : new PairedDifference(0, 0, 0, null, -1, 1);
    }

    private int ContrastIndex(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!RecordsContrast)
        {
            throw new ArgumentException($"point {Point}, replication {Replication}: not a contrast's row: it has no policy and no difference (run deterrence-sim contrast, or Sweep.Contrast).", nameof(measure));
        }

        return measure.Index >= 0 && measure.Index < Measure.All.Count && ReferenceEquals(Measure.All[measure.Index], measure)
            ? measure.Index
            : throw new ArgumentException($"'{measure.Name}': a contrast compares the outcomes and war causes ({string.Join(", ", Measure.All)}), not the attribution by mechanism or a reporter.", nameof(measure));
    }

    /// <summary>Gets the rate of a measure: its count out of <see cref="Trials"/> with the 95% Wilson interval. A row
    /// whose point could not run has no trials: the estimate is <see langword="null"/> and the interval [0, 1].</summary>
    /// <param name="measure">The measure, such as <see cref="Measure.War"/> or a reporter's.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentException">A reporter's measure that is not among <see cref="Reported"/>, or a Shapley
    /// measure (a mean: read it with <see cref="Mean"/>).</exception>
    /// <exception cref="InvalidOperationException"><see cref="Counts"/> does not hold one count per measure, or a count
    /// is outside [0, <see cref="Trials"/>]; a mechanism measure of a row that does not record them
    /// (<see cref="RecordsMechanisms"/>), or whose <see cref="MechanismSums"/> are not 25.</exception>
    public Proportion this[Measure measure]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(measure);
            if (measure.IsMechanism)
            {
                if (measure.IsMean)
                {
                    throw new ArgumentException($"'{measure.Name}' is a mean share in [-1, 1], not a rate: read it with row.Mean(measure) or row.Estimate(measure).", nameof(measure));
                }

                if (SumsOf(measure) is not { } sums)
                {
                    return NoTrials;
                }

                long count = sums[measure.MechanismSlot];
                if (count < 0 || count > Trials)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"point {Point}, replication {Replication}: the count of '{measure.Name}' is {count}, expected it within [0, {Trials}]."));
                }

                return Proportion.Wilson(count, Trials);
            }

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

    /// <summary>Gets a Shapley share (<see cref="Measure.IsMean"/>): the mean over <see cref="Trials"/> of the factor's
    /// per-round Shapley value, <see cref="MechanismSums"/>' sum / 8! / trials, with its 95% t interval from the
    /// per-round variance, within [−1, 1], as <c>run</c> reports it (<see cref="MechanismShare.Shapley"/>). A row whose
    /// point could not run has no observations: the mean is <see langword="null"/> and the interval [−1, 1].</summary>
    /// <param name="measure">The measure, such as <c>Measure.Shapley(MechanismFactor.DefenderOwnCredulity)</c>.</param>
    /// <returns>The mean with its interval.</returns>
    /// <exception cref="ArgumentException">The measure is a rate (read it with the indexer).</exception>
    /// <exception cref="InvalidOperationException">The row does not record the attribution by mechanism (a file written
    /// before the mechanism columns), or its <see cref="MechanismSums"/> are not 25.</exception>
    public MeanEstimate Mean(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!measure.IsMean)
        {
            throw new ArgumentException($"'{measure.Name}' is a rate, a count out of the trials: read it with row[measure] or row.Estimate(measure).", nameof(measure));
        }

        return SumsOf(measure) is { } sums
            ? MechanismLayout.ShapleyMean(sums[measure.MechanismSlot], sums[measure.MechanismSlot + 1], Trials)
            : MeanEstimate.FromMoments(0, 0, 0, -1, 1);
    }

    /// <summary>The estimate of a measure of any kind: a rate's proportion in [0, 1] (the indexer) or a Shapley share's
    /// mean in [−1, 1] (<see cref="Mean"/>); <see langword="null"/> when the point could not run.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A reporter's measure that is not among <see cref="Reported"/>.</exception>
    /// <exception cref="InvalidOperationException">A mechanism measure of a row that does not record them, or counts or
    /// sums that are not the row's (see the indexer).</exception>
    public double? Estimate(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.IsMean ? Mean(measure).Mean : this[measure].Estimate;
    }

    /// <summary>The estimate of a measure by name, or <see langword="null"/> when the point could not run.</summary>
    /// <param name="metric">The measure's name, such as <c>war</c>, <c>butFor.defender.ownCredulity</c> or
    /// <c>shapley.defender.ownCredulity</c>, or a reporter's; in a contrast row also <c>policy.MEASURE</c> (the policy's
    /// rate) and <c>MEASURE_difference</c> (the paired difference, in [−1, 1]) for an outcome or war cause.</param>
    /// <returns>A rate's proportion of rounds in [0, 1], or a Shapley share's mean in [−1, 1].</returns>
    /// <exception cref="ArgumentException">No measure has that name.</exception>
    /// <exception cref="InvalidOperationException">A mechanism measure of a row that does not record them.</exception>
    public double? Estimate(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (RecordsContrast && metric.EndsWith(DifferenceSuffix, StringComparison.Ordinal) && Measure.TryParse(metric[..^DifferenceSuffix.Length], out var differenced))
        {
            return Difference(differenced).Estimate;
        }

        if (RecordsContrast && metric.StartsWith(PolicyPrefix, StringComparison.Ordinal) && Measure.TryParse(metric[PolicyPrefix.Length..], out var policy))
        {
            return Policy(policy).Estimate;
        }

        return Estimate(Reported.FirstOrDefault(m => string.Equals(m.Name, metric, StringComparison.Ordinal)) ?? Measure.Parse(metric));
    }

    /// <summary>Whether a metric's name is a contrast's: <c>policy.M</c> or <c>M_difference</c> for an outcome or war
    /// cause M (<see cref="Measure.All"/>).</summary>
    /// <param name="metric">The name.</param>
    /// <returns><see langword="true"/> for a contrast's metric.</returns>
    public static bool IsContrastMetric(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return (metric.EndsWith(DifferenceSuffix, StringComparison.Ordinal) && Measure.TryParse(metric[..^DifferenceSuffix.Length], out var d) && Measure.All.Contains(d))
            || (metric.StartsWith(PolicyPrefix, StringComparison.Ordinal) && Measure.TryParse(metric[PolicyPrefix.Length..], out var p) && Measure.All.Contains(p));
    }

    /// <summary>The suffix of a contrast's difference metric, <c>war_difference</c>.</summary>
    internal const string DifferenceSuffix = "_difference";

    /// <summary>The prefix of a contrast's policy metric, <c>policy.war</c>.</summary>
    internal const string PolicyPrefix = "policy.";

    /// <summary>Whether two rows hold the same numbers (bitwise) and text.</summary>
    /// <param name="other">The other row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SweepRow? other) =>
        other is not null && Point == other.Point && Replication == other.Replication && Seed == other.Seed
        && Values.AsSpan().SequenceEqual(other.Values) && Trials == other.Trials && Reported.SequenceEqual(other.Reported)
        && (Counts is null ? other.Counts is null : other.Counts is not null && Counts.AsSpan().SequenceEqual(other.Counts))
        && RecordsMechanisms == other.RecordsMechanisms
        && (MechanismSums is null ? other.MechanismSums is null : other.MechanismSums is not null && MechanismSums.AsSpan().SequenceEqual(other.MechanismSums))
        && RecordsContrast == other.RecordsContrast
        && (Contrast is null ? other.Contrast is null : other.Contrast is not null && Contrast.SameCounts(other.Contrast))
        && string.Equals(Error, other.Error, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Point, Replication, Seed);

    /// <summary>The mechanism sums of a row for a mechanism measure: <see langword="null"/> when the point could not run.</summary>
    private long[]? SumsOf(Measure measure)
    {
        if (!RecordsMechanisms)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"point {Point}, replication {Replication}: no '{measure.Name}': this row's sweep did not record the attribution by mechanism (a file written before sweep results had the mechanism columns: sidecar formatVersion 2 or earlier); run the sweep again to have them."));
        }

        if (Counts is null)
        {
            return null;
        }

        return MechanismSums is { Length: MechanismLayout.RowLength } sums
            ? sums
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"point {Point}, replication {Replication}: expected {MechanismLayout.RowLength} mechanism sums, found {(MechanismSums is null ? "none" : MechanismSums.Length.ToString(CultureInfo.InvariantCulture))}."));
    }

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
