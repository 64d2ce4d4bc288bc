namespace DeterrenceSim.Outcomes;

/// <summary>
/// A typed key for one quantity a simulation records: an <see cref="Outcome"/> of a round (or of a crisis in a period) or a
/// <see cref="WarCause"/>, each a count of rounds (or periods) out of the trials, with its 95% Wilson interval
/// (DESIGN.md section 7: war causes, too, are counted over rounds); or a share of the attribution by mechanism
/// (<see cref="MechanismAttribution"/>). Read a quantity by its key, never by a position:
/// <c>row[Measure.War]</c>, <c>row[Measure.Of(WarCause.Preventive)]</c>, <c>result[Measure.War]</c>,
/// <c>row.Mean(Measure.Shapley(MechanismFactor.DefenderOwnCredulity))</c>.
/// </summary>
/// <remarks>
/// <para>The counted measures are the outcomes in enum order, then the war causes in enum order; <see cref="All"/> is
/// that order, which is also the column order of sweep files (the legacy layout of the counts). <see cref="Name"/> is
/// the camel-case name of the <c>run --format json</c> contract (<c>war</c>, <c>defenderMisperception</c>) and of the
/// sweep columns. A <see cref="Reporter"/> adds a measure of the researcher's own, which is not in <see cref="All"/>.
/// Measures are equal when their names are (a reporter's measure read back from a file equals the reporter's).</para>
/// <para>The measures of the attribution by mechanism (<see cref="Mechanisms"/>, not in <see cref="All"/>) are, for
/// each <see cref="MechanismFactor"/> f, <c>butFor.f</c> (<see cref="ButFor"/>: a rate, the rounds whose war would not
/// have happened with f alone off) and <c>shapley.f</c> (<see cref="Shapley"/>: a mean share in [−1, 1] with a t
/// interval, <see cref="IsMean"/>), then <c>shapley.rational</c> (<see cref="ShapleyRational"/>: a rate, the wars with
/// every factor off). Their names are those of the sweep columns and of <c>--metric</c>.</para>
/// </remarks>
public sealed class Measure : IEquatable<Measure>
{
    private static readonly Measure[] ByOutcome = [.. Enum.GetValues<Outcome>().Select(o => new Measure(Camel(o.ToString()), (int)o, o, null))];
    private static readonly Measure[] ByCause = [.. Enum.GetValues<WarCause>().Select(c => new Measure(Camel(c.ToString()), OutcomeLayout.Outcomes + (int)c, null, c))];
    private static readonly Measure[] ByButFor = [.. MechanismFactors.All.Select(f => new Measure("butFor." + f.Name(), MeasureKind.ButFor, f))];
    private static readonly Measure[] ByShapley = [.. MechanismFactors.All.Select(f => new Measure("shapley." + f.Name(), MeasureKind.Shapley, f))];
    private static readonly Measure Rational = new("shapley.rational", MeasureKind.ShapleyRational, null);

    private readonly MeasureKind _kind;

    private Measure(string name, int index, Outcome? outcome, WarCause? cause)
    {
        Name = name;
        Index = index;
        Outcome = outcome;
        WarCause = cause;
        _kind = index < 0 ? MeasureKind.Reported : MeasureKind.Counted;
    }

    private Measure(string name, MeasureKind kind, MechanismFactor? factor)
    {
        Name = name;
        Index = -1;
        _kind = kind;
        MechanismFactor = factor;
    }

    private enum MeasureKind
    {
        Counted,
        Reported,
        ButFor,
        Shapley,
        ShapleyRational,
    }

    /// <summary>Gets every counted measure in column order: the outcomes (<c>deterred</c>, <c>concession</c>,
    /// <c>war</c>), then the war causes (<c>preventive</c>, <c>challengerMisperception</c>, <c>defenderMisperception</c>,
    /// <c>mutualMisperception</c>, <c>rational</c>): the layout of a sweep row's <see cref="Experiments.SweepRow.Counts"/>.
    /// The measures of the attribution by mechanism are <see cref="Mechanisms"/>.</summary>
    public static IReadOnlyList<Measure> All { get; } = [.. ByOutcome, .. ByCause];

    /// <summary>Gets the 17 measures of the attribution by mechanism in the order of their sweep columns: for each
    /// <see cref="Outcomes.MechanismFactor"/> in enum order <see cref="ButFor"/> then <see cref="Shapley"/>
    /// (<c>butFor.challenger.ownCredulity</c>, <c>shapley.challenger.ownCredulity</c>, ...), then
    /// <see cref="ShapleyRational"/>.</summary>
    public static IReadOnlyList<Measure> Mechanisms { get; } = [.. MechanismFactors.All.SelectMany(f => new[] { ByButFor[(int)f], ByShapley[(int)f] }), Rational];

    /// <summary>Gets the rate of rounds that ended in a war that happens with every mechanism factor off
    /// (<c>shapley.rational</c>; <see cref="MechanismAttribution.Rational"/>): with the Shapley shares, it adds up to
    /// the war rate.</summary>
    public static Measure ShapleyRational => Rational;

    /// <summary>Gets the rate of rounds in which the challenger was deterred (status quo kept).</summary>
    public static Measure Deterred => Of(Outcomes.Outcome.Deterred);

    /// <summary>Gets the rate of rounds that ended in a concession (a settlement short of war).</summary>
    public static Measure Concession => Of(Outcomes.Outcome.Concession);

    /// <summary>Gets the rate of rounds that ended in war.</summary>
    public static Measure War => Of(Outcomes.Outcome.War);

    /// <summary>Gets the name: camel case, as in <c>run --format json</c> and the sweep columns, such as <c>war</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the outcome this measure counts, or <see langword="null"/> for a war cause.</summary>
    public Outcome? Outcome { get; }

    /// <summary>Gets the war cause this measure counts, or <see langword="null"/> for an outcome.</summary>
    public WarCause? WarCause { get; }

    /// <summary>Gets the mechanism factor of a <see cref="ButFor"/> or <see cref="Shapley"/> measure, or
    /// <see langword="null"/> for any other (<see cref="ShapleyRational"/> included).</summary>
    public MechanismFactor? MechanismFactor { get; }

    /// <summary>Gets whether this is a <see cref="Reporter"/>'s measure rather than a built-in one.</summary>
    public bool IsReported => _kind == MeasureKind.Reported;

    /// <summary>Gets whether this is a measure of the attribution by mechanism (one of <see cref="Mechanisms"/>).</summary>
    public bool IsMechanism => _kind is MeasureKind.ButFor or MeasureKind.Shapley or MeasureKind.ShapleyRational;

    /// <summary>Gets whether this measure is a mean rather than a rate: a <see cref="Shapley"/> share, the mean over the
    /// trials of a per-round value in [−1, 1] with a 95% t interval (a <see cref="MeanEstimate"/>); every other measure is
    /// a count out of the trials with its Wilson interval (a <see cref="Proportion"/>).</summary>
    public bool IsMean => _kind == MeasureKind.Shapley;

    /// <summary>Gets the position in <see cref="All"/> (the layout of every array of counts); -1 for any other measure.</summary>
    internal int Index { get; }

    /// <summary>Gets the position of this measure's first sum in a sweep row's mechanism sums
    /// (<see cref="Experiments.SweepRow.MechanismSums"/>: per factor the but-for count, the Shapley sum and its sum of
    /// squares, then the rational count); -1 for a measure that is not of the attribution by mechanism.</summary>
    internal int MechanismSlot => _kind switch
    {
        MeasureKind.ButFor => 3 * (int)MechanismFactor!.Value,
        MeasureKind.Shapley => (3 * (int)MechanismFactor!.Value) + 1,
        MeasureKind.ShapleyRational => 3 * MechanismFactors.All.Count,
        _ => -1,
    };

    /// <summary>The measure of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its measure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not an <see cref="Outcomes.Outcome"/>.</exception>
    public static Measure Of(Outcome outcome) => (int)outcome >= 0 && (int)outcome < ByOutcome.Length
        ? ByOutcome[(int)outcome]
        : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "expected an outcome among " + string.Join(", ", Enum.GetNames<Outcome>()) + ".");

    /// <summary>The measure of a war cause.</summary>
    /// <param name="cause">The war cause.</param>
    /// <returns>Its measure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="Outcomes.WarCause"/>.</exception>
    public static Measure Of(WarCause cause) => (int)cause >= 0 && (int)cause < ByCause.Length
        ? ByCause[(int)cause]
        : throw new ArgumentOutOfRangeException(nameof(cause), cause, "expected a war cause among " + string.Join(", ", Enum.GetNames<WarCause>()) + ".");

    /// <summary>The but-for measure of a mechanism factor, <c>butFor.f</c>: the rate of rounds whose war would not have
    /// happened with that factor alone off (<see cref="MechanismShare.ButFor"/>).</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>Its measure, a rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="Outcomes.MechanismFactor"/>.</exception>
    public static Measure ButFor(MechanismFactor factor) => ByButFor[CheckFactor(factor)];

    /// <summary>The Shapley measure of a mechanism factor, <c>shapley.f</c>: the mean over the rounds of the factor's
    /// Shapley value in each round, in [−1, 1], with its 95% t interval (<see cref="MechanismShare.Shapley"/>;
    /// <see cref="IsMean"/>).</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>Its measure, a mean.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="Outcomes.MechanismFactor"/>.</exception>
    public static Measure Shapley(MechanismFactor factor) => ByShapley[CheckFactor(factor)];

    /// <summary>The measure with a name.</summary>
    /// <param name="name">The name, such as <c>war</c> or <c>shapley.defender.ownCredulity</c> (case-sensitive, as in
    /// the JSON and the columns).</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentException">No measure has that name; the message lists the names.</exception>
    public static Measure Parse(string name) => TryParse(name, out var measure)
        ? measure
        : throw new ArgumentException($"expected a measure among {Names}, found {(name is null ? "null" : $"'{name}'")}.", nameof(name));

    /// <summary>Finds the measure with a name: one of <see cref="All"/> or of <see cref="Mechanisms"/>.</summary>
    /// <param name="name">The name, such as <c>war</c> (case-sensitive).</param>
    /// <param name="measure">The measure, or <see langword="null"/>.</param>
    /// <returns>Whether a measure has that name.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Measure? measure)
    {
        measure = All.Concat(Mechanisms).FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        return measure is not null;
    }

    /// <summary>Gets the names of every built-in measure, <see cref="All"/> then <see cref="Mechanisms"/>, joined by
    /// commas: for messages and help texts.</summary>
    internal static string Names => string.Join(", ", All.Concat(Mechanisms).Select(m => m.Name));

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Whether two measures have the same name.</summary>
    /// <param name="other">The other measure.</param>
    /// <returns><see langword="true"/> when the names are equal (ordinal).</returns>
    public bool Equals(Measure? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Measure);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The measure of a reporter (or of a reporter's columns read back from a file).</summary>
    /// <param name="name">The reporter's name, already checked.</param>
    /// <returns>A measure that is neither an outcome nor a war cause.</returns>
    internal static Measure Reported(string name) => new(name, -1, null, null);

    /// <summary>The measure of a reporter's columns read from a file, if the name is a valid reporter name.</summary>
    internal static bool TryParseReported(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Measure? measure)
    {
        measure = Reporter.IsValidName(name) ? Reported(name) : null;
        return measure is not null;
    }

    /// <summary>The position of this measure's count in a layout of <see cref="All"/> followed by
    /// <paramref name="reported"/> (a sweep row's counts, a summary's sums).</summary>
    /// <param name="reported">The reporters' measures of the layout, in order.</param>
    /// <returns>The index: a built-in measure's <see cref="Index"/>, or <see cref="All"/>.Count plus the reporter's
    /// position.</returns>
    /// <exception cref="ArgumentException">A reporter's measure that is not among <paramref name="reported"/>.</exception>
    internal int SlotAmong(IReadOnlyList<Measure> reported)
    {
        if (IsMechanism)
        {
            throw new System.Diagnostics.UnreachableException($"'{Name}' is not counted among the outcomes, war causes and reporters: read it from the mechanism sums.");
        }

        if (!IsReported)
        {
            return Index;
        }

        for (int i = 0; i < reported.Count; i++)
        {
            if (reported[i].Equals(this))
            {
                return All.Count + i;
            }
        }

        throw new ArgumentException($"This sweep counted no reporter named '{Name}'{(reported.Count == 0 ? "" : $" (it counted {string.Join(", ", reported)})")}.", "measure");
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static int CheckFactor(MechanismFactor factor) => (int)factor >= 0 && (int)factor < ByButFor.Length
        ? (int)factor
        : throw new ArgumentOutOfRangeException(nameof(factor), factor, "expected a mechanism factor among " + string.Join(", ", MechanismFactors.All.Select(f => f.Name())) + ".");
}
