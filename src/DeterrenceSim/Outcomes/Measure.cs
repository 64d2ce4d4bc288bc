namespace DeterrenceSim.Outcomes;

/// <summary>
/// A typed key for one rate a simulation records: an <see cref="Outcome"/> of a round (or of a crisis in a period) or a
/// <see cref="WarCause"/>, each a count of rounds (or periods) out of the trials, with its 95% Wilson interval
/// (DESIGN.md section 7: war causes, too, are counted over rounds). Read a rate by its key, never by a position:
/// <c>row[Measure.War]</c>, <c>row[Measure.Of(WarCause.Preventive)]</c>, <c>result[Measure.War]</c>.
/// </summary>
/// <remarks>
/// The measures are the outcomes in enum order, then the war causes in enum order; <see cref="All"/> is that order,
/// which is also the column order of sweep files. <see cref="Name"/> is the camel-case name of the
/// <c>run --format json</c> contract (<c>war</c>, <c>defenderMisperception</c>) and of the sweep columns. A
/// <see cref="Reporter"/> adds a measure of the researcher's own, which is not in <see cref="All"/>. Measures are equal
/// when their names are (a reporter's measure read back from a file equals the reporter's).
/// </remarks>
public sealed class Measure : IEquatable<Measure>
{
    private static readonly Measure[] ByOutcome = [.. Enum.GetValues<Outcome>().Select(o => new Measure(Camel(o.ToString()), (int)o, o, null))];
    private static readonly Measure[] ByCause = [.. Enum.GetValues<WarCause>().Select(c => new Measure(Camel(c.ToString()), OutcomeLayout.Outcomes + (int)c, null, c))];

    private Measure(string name, int index, Outcome? outcome, WarCause? cause)
    {
        Name = name;
        Index = index;
        Outcome = outcome;
        WarCause = cause;
    }

    /// <summary>Gets every measure in column order: the outcomes (<c>deterred</c>, <c>concession</c>, <c>war</c>), then
    /// the war causes (<c>preventive</c>, <c>challengerMisperception</c>, <c>defenderMisperception</c>,
    /// <c>mutualMisperception</c>, <c>rational</c>).</summary>
    public static IReadOnlyList<Measure> All { get; } = [.. ByOutcome, .. ByCause];

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

    /// <summary>Gets whether this is a <see cref="Reporter"/>'s measure rather than a built-in one.</summary>
    public bool IsReported => Index < 0;

    /// <summary>Gets the position in <see cref="All"/> (the layout of every array of counts); -1 for a reporter's.</summary>
    internal int Index { get; }

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

    /// <summary>The measure with a name.</summary>
    /// <param name="name">The name, such as <c>war</c> (case-sensitive, as in the JSON and the columns).</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentException">No measure has that name; the message lists the names.</exception>
    public static Measure Parse(string name) => TryParse(name, out var measure)
        ? measure
        : throw new ArgumentException($"expected a measure among {string.Join(", ", All.Select(m => m.Name))}, found {(name is null ? "null" : $"'{name}'")}.", nameof(name));

    /// <summary>Finds the measure with a name.</summary>
    /// <param name="name">The name, such as <c>war</c> (case-sensitive).</param>
    /// <param name="measure">The measure, or <see langword="null"/>.</param>
    /// <returns>Whether a measure has that name.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Measure? measure)
    {
        measure = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        return measure is not null;
    }

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
}
