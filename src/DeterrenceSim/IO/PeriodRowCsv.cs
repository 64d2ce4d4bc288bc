using System.Globalization;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.IO;

/// <summary>
/// Writes the rows of runs as CSV (RFC 4180, invariant culture, '\n' line ends), one line per (replication, period,
/// crisis): <c>replication,period,crisis,outcome,cause,challengerBelief,defenderBelief,challengerPerceivedStrength,
/// defenderPerceivedStrength,challengerRealisedStrength,defenderRealisedStrength,settlement,challengerWins</c>, then
/// for each commitment <c>Supporter&gt;Protege.reliability</c>, <c>.signal</c> and <c>.belief</c>. Empty fields are
/// undefined values (no cause in peace, no settlement in war). The rows hold no time or machine data.
/// </summary>
public sealed class PeriodRowCsv
{
    private static readonly string[] Fixed =
    [
        "replication", "period", "crisis", "outcome", "cause", "challengerBelief", "defenderBelief",
        "challengerPerceivedStrength", "defenderPerceivedStrength", "challengerRealisedStrength",
        "defenderRealisedStrength", "settlement", "challengerWins",
    ];

    private readonly TextWriter _writer;

    /// <summary>Initializes a new instance of the <see cref="PeriodRowCsv"/> class and writes the header.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="scenario">The scenario whose commitments name the per-commitment columns.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PeriodRowCsv(TextWriter writer, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenario);
        _writer = writer;
        var header = new List<string>(Fixed);
        foreach (var c in scenario.Commitments)
        {
            header.Add(c.Key + ".reliability");
            header.Add(c.Key + ".signal");
            header.Add(c.Key + ".belief");
        }

        _writer.Write(string.Join(',', header.Select(Csv.Field)));
        _writer.Write('\n');
    }

    /// <summary>Writes one row.</summary>
    /// <param name="row">The row.</param>
    public void Write(PeriodRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var w = _writer;
        var c = CultureInfo.InvariantCulture;
        w.Write(row.Replication.ToString(c));
        w.Write(',');
        w.Write(row.Period.ToString(c));
        w.Write(',');
        w.Write(Csv.Field(row.Crisis));
        w.Write(',');
        w.Write(SimulationResultJson.CamelCase(row.Outcome.ToString()));
        w.Write(',');
        w.Write(row.Cause is { } cause ? SimulationResultJson.CamelCase(cause.ToString()) : "");
        Number(row.ChallengerBelief);
        Number(row.DefenderBelief);
        Number(row.ChallengerPerceivedStrength);
        Number(row.DefenderPerceivedStrength);
        Number(row.ChallengerRealisedStrength);
        Number(row.DefenderRealisedStrength);
        Number(row.Settlement);
        w.Write(',');
        w.Write(row.ChallengerWins is { } wins ? (wins ? "true" : "false") : "");
        for (int k = 0; k < row.Reliability.Count; k++)
        {
            Number(row.Reliability[k]);
            Number(row.Signal[k]);
            Number(row.Belief[k]);
        }

        w.Write('\n');
    }

    private void Number(double? value)
    {
        _writer.Write(',');
        if (value is double v)
        {
            _writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
