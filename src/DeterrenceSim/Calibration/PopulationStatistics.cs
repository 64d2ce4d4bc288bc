namespace DeterrenceSim.Calibration;

/// <summary>
/// The summary statistics a calibration matches (docs/DESIGN.md section 10), by name. Each outcome share is taken over
/// the crises whose recorded outcome is classified (war, concession or deterred; <see cref="HistoricalOutcome"/>),
/// for the observed and the simulated alike:
/// <list type="bullet">
/// <item><c>war</c>, <c>concession</c>, <c>deterred</c>: over all of them;</item>
/// <item>the same with <c>.tercile1</c>, <c>.tercile2</c>, <c>.tercile3</c>: within a tercile of the challenger's
/// capability share K_C / (K_C + K_D) (tercile 1 the weakest challengers; Bremer 1992 on parity and war);</item>
/// <item>the same with <c>.before1945</c> or <c>.from1945</c>: by era of the start year;</item>
/// <item><c>challengerWinsGivenWar</c>: the share of wars the challenger won (observed: MID outcome 1 among wars with
/// outcome 1 or 2; simulated: every war has a victor).</item>
/// </list>
/// </summary>
public static class PopulationStatistics
{
    private static readonly string[] Kinds = ["war", "concession", "deterred"];
    private static readonly string[] Subsets = ["", ".tercile1", ".tercile2", ".tercile3", ".before1945", ".from1945"];

    /// <summary>Gets every statistic's name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Subsets.SelectMany(s => Kinds.Select(k => k + s)), "challengerWinsGivenWar"];

    /// <summary>Gets the statistics a calibration matches by default: the war and concession shares overall and in each
    /// capability-ratio tercile.</summary>
    public static IReadOnlyList<string> Default { get; } =
        ["war", "concession", "war.tercile1", "war.tercile2", "war.tercile3", "concession.tercile1", "concession.tercile2", "concession.tercile3"];

    /// <summary>Checks statistic names.</summary>
    /// <param name="names">The names.</param>
    /// <exception cref="ArgumentException">An unknown or repeated name, or none: the message lists the names there are.</exception>
    public static void Check(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("expected at least one statistic, found none", nameof(names));
        }

        foreach (var name in names)
        {
            if (!All.Contains(name))
            {
                throw new ArgumentException($"unknown statistic '{name}': expected one of {string.Join(", ", All)}", nameof(names));
            }
        }

        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"the statistic '{repeated.Key}' is named twice", nameof(names));
        }
    }

    /// <summary>The recorded values of the statistics in a population.</summary>
    /// <param name="population">The compiled population.</param>
    /// <param name="names">The statistics (see <see cref="All"/>).</param>
    /// <returns>One value per name: a share in [0, 1], or NaN where no crisis of the population counts.</returns>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static double[] Observed(HistoricalPopulation population, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(population);
        Check(names);
        var outcomes = population.Observed.ToArray();
        var won = population.ObservedChallengerWon.Select(w => w is null ? (sbyte)-1 : w.Value ? (sbyte)1 : (sbyte)0).ToArray();
        var values = new double[names.Count];
        Compute(population, outcomes, won, names, values);
        return values;
    }

    /// <summary>The statistics of one simulated (or the recorded) data set.</summary>
    /// <param name="population">The compiled population.</param>
    /// <param name="outcomes">One outcome per crisis.</param>
    /// <param name="challengerWon">Per crisis: 1 a war the challenger won, 0 a war it lost, −1 otherwise.</param>
    /// <param name="names">The statistics.</param>
    /// <param name="values">One value per name, filled: a share, or NaN where no crisis counts.</param>
    /// <exception cref="ArgumentException">An unknown name, or buffers of the wrong length.</exception>
    public static void Compute(HistoricalPopulation population, ReadOnlySpan<HistoricalOutcome> outcomes, ReadOnlySpan<sbyte> challengerWon, IReadOnlyList<string> names, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(names);
        if (outcomes.Length != population.Count || challengerWon.Length != population.Count || values.Length != names.Count)
        {
            throw new ArgumentException($"expected {population.Count} outcomes and {names.Count} values, found {outcomes.Length}, {challengerWon.Length} and {values.Length}");
        }

        for (int s = 0; s < names.Count; s++)
        {
            string name = names[s];
            if (name == "challengerWinsGivenWar")
            {
                int wars = 0, won = 0;
                foreach (sbyte w in challengerWon)
                {
                    wars += w >= 0 ? 1 : 0;
                    won += w == 1 ? 1 : 0;
                }

                values[s] = wars == 0 ? double.NaN : (double)won / wars;
                continue;
            }

            int dot = name.IndexOf('.', StringComparison.Ordinal);
            string kindName = dot < 0 ? name : name[..dot];
            string subset = dot < 0 ? "" : name[dot..];
            var kind = kindName switch
            {
                "war" => HistoricalOutcome.War,
                "concession" => HistoricalOutcome.Concession,
                "deterred" => HistoricalOutcome.Deterred,
                _ => throw new ArgumentException($"unknown statistic '{name}': expected one of {string.Join(", ", All)}", nameof(names)),
            };
            // The subset is read once per statistic, not once per crisis: this runs for every proposal of a calibration.
            Func<int, bool> inSubset = subset switch
            {
                "" => _ => true,
                ".tercile1" => i => population.Tercile[i] == 0,
                ".tercile2" => i => population.Tercile[i] == 1,
                ".tercile3" => i => population.Tercile[i] == 2,
                ".before1945" => i => population.StartYear[i] < 1945,
                ".from1945" => i => population.StartYear[i] >= 1945,
                _ => throw new ArgumentException($"unknown statistic '{name}': expected one of {string.Join(", ", All)}", nameof(names)),
            };
            int count = 0, hits = 0;
            for (int i = 0; i < population.Count; i++)
            {
                if (population.Observed[i] == HistoricalOutcome.Unclassified || !inSubset(i))
                {
                    continue;
                }

                count++;
                hits += outcomes[i] == kind ? 1 : 0;
            }

            values[s] = count == 0 ? double.NaN : (double)hits / count;
        }
    }
}
