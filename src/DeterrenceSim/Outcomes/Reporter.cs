using System.Text.RegularExpressions;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// A researcher's own measure, without forking the library (as Mesa's DataCollector and NetLogo BehaviorSpace
/// reporters): a predicate over each round (<see cref="OfRounds"/>) or each period of a crisis in a run
/// (<see cref="OfPeriods"/>), whose true values are counted out of the rounds (or periods) and reported as a
/// <see cref="Proportion"/> with its 95% Wilson interval, under its own <see cref="Measure"/>: in
/// <c>result[reporter.Measure]</c>, <c>row[reporter.Measure]</c> and as extra columns of run, simulate and sweep output.
/// </summary>
/// <remarks>
/// <para>The predicate runs on the engine's worker threads, once per round (or crisis-period) of every run it is given
/// to, so it must be thread-safe and should be cheap; it must depend only on its argument, or results stop being
/// reproducible. With no reporters the engine does not pay for them.</para>
/// <para>A name is an identifier of letters and digits starting with a letter (<c>usFights</c>), other than the
/// built-in measures (<see cref="Measure.All"/>) and the sweep columns <c>point</c>, <c>replication</c>, <c>seed</c>,
/// <c>trials</c> and <c>error</c>. Files record the name only: resuming or merging a sweep assumes the same name still
/// means the same predicate.</para>
/// </remarks>
public sealed partial class Reporter
{
    private static readonly string[] Reserved = ["point", "replication", "seed", "trials", "error"];

    private Reporter(string name, Func<RoundRow, bool>? rounds, Func<PeriodRow, bool>? periods)
    {
        Measure = Measure.Reported(CheckName(name));
        Rounds = rounds;
        Periods = periods;
    }

    /// <summary>Gets the measure under which the count is reported; its <see cref="Measure.Name"/> is the reporter's.</summary>
    public Measure Measure { get; }

    /// <summary>Gets the name: the JSON key and the column name.</summary>
    public string Name => Measure.Name;

    /// <summary>Gets whether it counts single rounds (<see cref="OfRounds"/>); otherwise it counts periods of runs.</summary>
    public bool CountsRounds => Rounds is not null;

    /// <summary>Gets the predicate over rounds, or <see langword="null"/>.</summary>
    internal Func<RoundRow, bool>? Rounds { get; }

    /// <summary>Gets the predicate over crisis-periods, or <see langword="null"/>.</summary>
    internal Func<PeriodRow, bool>? Periods { get; }

    /// <summary>A reporter of single rounds: counts the rounds for which <paramref name="counts"/> is true.</summary>
    /// <param name="name">The name (see the remarks).</param>
    /// <param name="counts">Whether a round counts.</param>
    /// <returns>The reporter.</returns>
    /// <exception cref="ArgumentException">The name is not an identifier, or is a built-in measure or a reserved
    /// column; the message says which.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Reporter OfRounds(string name, Func<RoundRow, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new Reporter(name, counts, null);
    }

    /// <summary>A reporter of runs over periods: counts, for each crisis, the periods for which
    /// <paramref name="counts"/> is true, out of periods × replications.</summary>
    /// <param name="name">The name (see the remarks).</param>
    /// <param name="counts">Whether a crisis's period counts.</param>
    /// <returns>The reporter.</returns>
    /// <exception cref="ArgumentException">The name is not an identifier, or is a built-in measure or a reserved
    /// column; the message says which.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Reporter OfPeriods(string name, Func<PeriodRow, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new Reporter(name, null, counts);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({(CountsRounds ? "rounds" : "periods")})";

    /// <summary>Checks a list of reporters for one kind of simulation: all of that kind, names unique.</summary>
    /// <param name="reporters">The reporters.</param>
    /// <param name="rounds">Whether the simulation plays single rounds (else runs over periods).</param>
    /// <param name="field">The option's name, for the message.</param>
    /// <exception cref="ArgumentException">A reporter is null, of the other kind, or two share a name.</exception>
    internal static void Check(IReadOnlyList<Reporter> reporters, bool rounds, string field)
    {
        ArgumentNullException.ThrowIfNull(reporters, field);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reporter in reporters)
        {
            if (reporter is null)
            {
                throw new ArgumentException($"{field}: expected reporters, found null.", field);
            }

            if (reporter.CountsRounds != rounds)
            {
                throw new ArgumentException($"{field}: '{reporter.Name}' counts {(reporter.CountsRounds ? "single rounds" : "periods of runs")}, but this simulation plays {(rounds ? "single rounds: make it with Reporter.OfRounds" : "runs over periods: make it with Reporter.OfPeriods")}.", field);
            }

            if (!names.Add(reporter.Name))
            {
                throw new ArgumentException($"{field}: two reporters are named '{reporter.Name}' (names differing only in case count as the same).", field);
            }
        }
    }

    /// <summary>Whether a name would be accepted (an identifier, not built-in or reserved).</summary>
    internal static bool IsValidName(string name) => Identifier().IsMatch(name) && Taken(name) is null;

    /// <summary>The built-in measure or column a name clashes with, ignoring case (tools such as DuckDB and Excel do not
    /// tell <c>War</c> from <c>war</c>), or <see langword="null"/>.</summary>
    private static string? Taken(string name) =>
        Measure.All.Select(m => m.Name).Concat(Reserved).FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));

    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"expected a reporter name of letters and digits starting with a letter, such as usFights, found '{name}'.", nameof(name));
        }

        if (Taken(name) is { } taken)
        {
            throw new ArgumentException($"'{name}' is {(taken == name ? "already" : $"'{taken}' but for case,")} a {(Reserved.Contains(taken, StringComparer.Ordinal) ? "column" : "built-in measure")} of results: name the reporter otherwise.", nameof(name));
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
