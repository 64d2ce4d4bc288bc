using System.Globalization;
using System.Text;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// The result of a Monte Carlo run of one crisis (DESIGN.md sections 5 and 7): outcome and war-cause rates with 95%
/// Wilson intervals, and the inputs that reproduce it (scenario, crisis, rounds, seed).
/// </summary>
public sealed record SimulationResult
{
    /// <summary>Gets the scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the crisis id.</summary>
    public required string Crisis { get; init; }

    /// <summary>Gets the number of rounds played.</summary>
    public required long Rounds { get; init; }

    /// <summary>Gets the master seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Gets the replication index whose random streams were used (0 for a single run).</summary>
    public required int Replication { get; init; }

    /// <summary>Gets the number of worker threads used; results do not depend on it.</summary>
    public required int Threads { get; init; }

    /// <summary>Gets the win probability of the challenger under accurate perception, p_acc = CSF(E[S(C)], E[S(D)]), before escalation.</summary>
    public required double AccurateWinProbability { get; init; }

    /// <summary>
    /// Gets the challenger's expected chance of victory in war, E[p]: the contest success function
    /// p = CSF(S(C), S(D)) = 1 / (1 + (S(D) / S(C))^m) (Tullock 1980), a probability in [0, 1], averaged over the realised
    /// support of every supporter and over escalation (strikes and the members of the alliances they trigger), at the
    /// run's strengths (DESIGN.md section 3). It is what <see cref="ChallengerVictoryGivenWar"/> estimates, since realised
    /// support is drawn independently of the decision to fight; <see cref="AccurateWinProbability"/>, the accurate
    /// belief, is the CSF of expected strengths instead. Source: <see cref="Engine.MonteCarlo.ExpectedWinProbability"/>
    /// (exact for up to 20 uncertain participants, else within about 1e-4). NaN when not computed: a result built
    /// without it, or a crisis with more than 12 distinct escalation strikes of uncertain outcome.
    /// </summary>
    public double ExpectedWinProbability { get; init; } = double.NaN;

    /// <summary>Gets the rate of each outcome; denominator: rounds. The counts sum to <see cref="Rounds"/>.</summary>
    public required IReadOnlyDictionary<Outcome, Proportion> Outcomes { get; init; }

    /// <summary>Gets the rate of each war cause; denominator: rounds. The counts sum to the war count.</summary>
    public required IReadOnlyDictionary<WarCause, Proportion> WarCauses { get; init; }

    /// <summary>Gets the rate of preventive wars whose preventive test fails when the challenger sees truly
    /// (Shifrinson's first mechanism); denominator: rounds.</summary>
    public required Proportion PreventiveFromMisperception { get; init; }

    /// <summary>Gets which mechanism of misperception caused the wars: each factor's but-for and Shapley shares and
    /// the wars without misperception (<see cref="MechanismAttribution"/>); denominators: rounds.</summary>
    public required MechanismAttribution Mechanisms { get; init; }

    /// <summary>Gets P(challenger wins | war); denominator: wars.</summary>
    public required Proportion ChallengerVictoryGivenWar { get; init; }

    /// <summary>Gets the mean settlement x (the challenger's share of the stakes) over peaceful rounds, with its t interval.</summary>
    public required MeanEstimate MeanSettlement { get; init; }

    /// <summary>Gets, by alliance id, how often each alliance of the scenario was triggered by an escalation strike; denominator: rounds.</summary>
    public required IReadOnlyDictionary<string, Proportion> AlliancesTriggered { get; init; }

    /// <summary>Gets, by state id, how often each potential supporter fought, escalation joins included; denominator: wars.</summary>
    public required IReadOnlyDictionary<string, Proportion> SupportRates { get; init; }

    /// <summary>Gets the rate of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its rate with interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Outcome"/>.</exception>
    public Proportion this[Outcome outcome] => Outcomes.TryGetValue(outcome, out var rate) ? rate
        : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome.");

    /// <summary>Gets the rate of a war cause.</summary>
    /// <param name="cause">The cause.</param>
    /// <returns>Its rate with interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="WarCause"/>.</exception>
    public Proportion this[WarCause cause] => WarCauses.TryGetValue(cause, out var rate) ? rate
        : throw new ArgumentOutOfRangeException(nameof(cause), cause, "Not a war cause.");

    /// <summary>Gets, by reporter name in the order the reporters were given, the rate of rounds each
    /// <see cref="Reporter"/> counted, with its 95% Wilson interval; empty without reporters.</summary>
    public IReadOnlyDictionary<string, Proportion> Reported { get; init; } = new Dictionary<string, Proportion>();

    /// <summary>Gets the rate of a measure: an outcome, a war cause, a reporter's, a but-for share or
    /// <c>shapley.rational</c> (<see cref="Mechanisms"/>), each over the rounds.</summary>
    /// <param name="measure">The measure, such as <see cref="Measure.War"/> or a reporter's <see cref="Reporter.Measure"/>.</param>
    /// <returns>Its rate with interval.</returns>
    /// <exception cref="ArgumentException">A reporter's measure that this run did not count, or a Shapley share (a mean:
    /// <c>Mechanisms[factor].Shapley</c>).</exception>
    public Proportion this[Measure measure]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(measure);
            if (measure.IsMechanism)
            {
                return measure.IsMean
                    ? throw new ArgumentException($"'{measure.Name}' is a mean share, not a rate: read it as Mechanisms[factor].Shapley.", nameof(measure))
                    : measure.MechanismFactor is { } factor ? Mechanisms[factor].ButFor : Mechanisms.Rational;
            }

            if (measure.Outcome is Outcome outcome)
            {
                return this[outcome];
            }

            if (measure.WarCause is WarCause cause)
            {
                return this[cause];
            }

            return Reported.TryGetValue(measure.Name, out var rate) ? rate
                : throw new ArgumentException($"This run counted no reporter named '{measure.Name}'{(Reported.Count == 0 ? "" : $" (it counted {string.Join(", ", Reported.Keys)})")}.", nameof(measure));
        }
    }

    /// <summary>A plain-text table: each outcome and war cause with its rate, 95% Wilson interval and count, then
    /// P(challenger wins | war) and the mean settlement.</summary>
    /// <returns>The table, one row per line.</returns>
    public override string ToString() => ResultRendering.Text(Caption, Rows());

    /// <summary>The table of <see cref="ToString"/> as Markdown (a caption line, then a pipe table), for reports and
    /// notebooks.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultRendering.Markdown(Caption, Rows(), "outcome");

    /// <summary>The table of <see cref="ToString"/> as an HTML <c>&lt;table&gt;</c> with a caption (text HTML-encoded), for
    /// notebooks and web pages.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => ResultRendering.Html(Caption, Rows(), "outcome");

    private string Caption => string.Create(CultureInfo.InvariantCulture, $"{Scenario} / {Crisis}: {Rounds} rounds, seed {Seed}{(Replication == 0 ? "" : $", replication {Replication}")}");

    private IEnumerable<ResultRendering.Row> Rows()
    {
        foreach (var (outcome, rate) in Outcomes)
        {
            yield return ResultRendering.Of(ResultRendering.Words(outcome.ToString()), rate);
        }

        foreach (var (cause, rate) in WarCauses)
        {
            yield return ResultRendering.Of("war: " + ResultRendering.Words(cause.ToString()), rate);
        }

        foreach (var share in Mechanisms.Factors)
        {
            yield return ResultRendering.Of("war but for: " + share.Description, share.ButFor);
        }

        foreach (var share in Mechanisms.Factors)
        {
            yield return ResultRendering.Of("Shapley share: " + share.Description, share.Shapley);
        }

        yield return ResultRendering.Of("Shapley share: no misperception (rational: private information or a commitment problem)", Mechanisms.Rational);
        yield return ResultRendering.Of("P(challenger wins | war)", ChallengerVictoryGivenWar);
        yield return ResultRendering.Of("mean settlement (peace)", MeanSettlement);
        foreach (var (name, rate) in Reported)
        {
            yield return ResultRendering.Of("reported: " + name, rate);
        }
    }
}
