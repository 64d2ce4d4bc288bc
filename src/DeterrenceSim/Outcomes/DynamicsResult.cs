using System.Globalization;

namespace DeterrenceSim.Outcomes;

/// <summary>
/// The result of R replications of runs of T periods (DESIGN.md section 4): per crisis and period the outcome rates
/// with 95% Wilson intervals, run-level outcomes (first war, share of periods at war, cumulative concessions) and the
/// evolution of beliefs, with t intervals over replications.
/// </summary>
public sealed record DynamicsResult
{
    /// <summary>Gets the scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the periods T of each run.</summary>
    public required int Periods { get; init; }

    /// <summary>Gets the number of replications R.</summary>
    public required int Replications { get; init; }

    /// <summary>Gets the master seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Gets the number of worker threads used; results do not depend on it.</summary>
    public required int Threads { get; init; }

    /// <summary>Gets the share of replications with at least one war in any crisis.</summary>
    public required Proportion AnyWar { get; init; }

    /// <summary>Gets the period of the first war in any crisis, among replications with a war.</summary>
    public required MeanEstimate PeriodOfFirstWar { get; init; }

    /// <summary>Gets each crisis's dynamics, in scenario order.</summary>
    public required IReadOnlyList<CrisisDynamics> Crises { get; init; }

    /// <summary>Gets each commitment's dynamics, in scenario order.</summary>
    public required IReadOnlyList<CommitmentDynamics> Commitments { get; init; }

    /// <summary>A plain-text table of the run-level outcomes: any war, the period of the first war, and per crisis the
    /// share of runs with a war, the share of periods at war and the war rate in the last period, with 95% intervals.</summary>
    /// <returns>The table, one row per line.</returns>
    public override string ToString() => ResultRendering.Text(Caption, Rows());

    /// <summary>The table of <see cref="ToString"/> as Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultRendering.Markdown(Caption, Rows(), "outcome");

    /// <summary>The table of <see cref="ToString"/> as an HTML <c>&lt;table&gt;</c> with a caption.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => ResultRendering.Html(Caption, Rows(), "outcome");

    private string Caption => string.Create(CultureInfo.InvariantCulture, $"{Scenario}: {Replications} runs of {Periods} periods, seed {Seed}");

    private IEnumerable<ResultRendering.Row> Rows()
    {
        yield return ResultRendering.Of("any war (any crisis)", AnyWar);
        yield return ResultRendering.Of("period of the first war", PeriodOfFirstWar);
        foreach (var crisis in Crises)
        {
            yield return ResultRendering.Of(crisis.Crisis + ": any war", crisis.AnyWar);
            yield return ResultRendering.Of(crisis.Crisis + ": share of periods at war", crisis.ShareOfPeriodsAtWar);
            yield return ResultRendering.Of(string.Create(CultureInfo.InvariantCulture, $"{crisis.Crisis}: war in period {Periods}"), crisis.WarByPeriod[^1]);
        }
    }
}
