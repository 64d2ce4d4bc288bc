using System.Globalization;

namespace DeterrenceSim.Calibration;

/// <summary>
/// A population of historical crises: the militarized interstate disputes of Gibler, Miller &amp; Little's MID 2.2.1
/// (2,174 disputes, 1816-2010) with their protagonists' and allies' capabilities (COW NMC v7: Singer, Bremer &amp;
/// Stuckey 1972), defence and offence obligations in force (ATOP 5.1: Leeds et al. 2002) and capital-to-capital
/// distances, as placed by the rules of docs/DESIGN.md section 10 (the extract <c>data/gml-mid-2.2.1-population.csv</c>,
/// made by <c>tools/make_mid_population.py</c>). Disputes the rules cannot place are kept in <see cref="Unplaced"/> with
/// the reason, never dropped. Immutable.
/// </summary>
public sealed class MidPopulation
{
    private const string Header = "dispnum,styear,stmon,hostlev,outcome,settle,recip,fatality,role,ccode,cinc,distance_km,obligation,note";
    private static readonly Lazy<MidPopulation> Embedded = new(() =>
    {
        const string name = "DeterrenceSim.Calibration.gml-mid-2.2.1-population.csv";
        using var stream = typeof(MidPopulation).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from {typeof(MidPopulation).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Load(reader, "embedded:gml-mid");
    });

    private MidPopulation(string name, IReadOnlyList<HistoricalDispute> placed, IReadOnlyList<UnplacedDispute> unplaced, int fromYear, int toYear)
    {
        Name = name;
        Placed = placed;
        Unplaced = unplaced;
        FromYear = fromYear;
        ToYear = toYear;
    }

    /// <summary>Gets the embedded population <c>gml-mid</c>: every dispute of GML MID 2.2.1, 1816-2010.</summary>
    public static MidPopulation GmlMid => Embedded.Value;

    /// <summary>Gets the population's name: <c>gml-mid</c>, or the source a file was loaded from.</summary>
    public string Name { get; }

    /// <summary>Gets the disputes placed as crises, in dispute-number order.</summary>
    public IReadOnlyList<HistoricalDispute> Placed { get; }

    /// <summary>Gets the disputes the rules could not place, with the reasons.</summary>
    public IReadOnlyList<UnplacedDispute> Unplaced { get; }

    /// <summary>Gets the number of disputes: placed and unplaced.</summary>
    public int Count => Placed.Count + Unplaced.Count;

    /// <summary>Gets the first start year the population covers (inclusive).</summary>
    public int FromYear { get; }

    /// <summary>Gets the last start year the population covers (inclusive).</summary>
    public int ToYear { get; }

    /// <summary>The disputes that started from <paramref name="fromYear"/> to <paramref name="toYear"/>, inclusive.</summary>
    /// <param name="fromYear">The first start year.</param>
    /// <param name="toYear">The last start year. Range: ≥ <paramref name="fromYear"/>.</param>
    /// <returns>A new population.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public MidPopulation Between(int fromYear, int toYear)
    {
        if (toYear < fromYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, $"expected a year >= the first year {fromYear}");
        }

        return new MidPopulation(
            Name,
            [.. Placed.Where(d => d.StartYear >= fromYear && d.StartYear <= toYear)],
            [.. Unplaced.Where(d => d.StartYear >= fromYear && d.StartYear <= toYear)],
            fromYear,
            toYear);
    }

    /// <summary>Compiles the placed disputes into the arrays the simulation plays, once: calibrated parameters are
    /// applied at play time (<see cref="HistoricalPopulation.Simulate"/>) and need no recompiling.</summary>
    /// <param name="rules">The placement rules; <see langword="null"/> for <see cref="PopulationRules.Default"/>.</param>
    /// <returns>The compiled population.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rule is out of its range.</exception>
    /// <exception cref="InvalidOperationException">No dispute is placed.</exception>
    public HistoricalPopulation Compile(PopulationRules? rules = null) => new(this, rules ?? PopulationRules.Default);

    /// <summary>Reads a population extract in the format of <c>data/gml-mid-2.2.1-population.csv</c> (columns
    /// <c>dispnum,styear,stmon,hostlev,outcome,settle,recip,fatality,role,ccode,cinc,distance_km,obligation,note</c>;
    /// one row per state in a role, or one <c>unplaced</c> row with the reason in <c>note</c>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file's name, for errors.</param>
    /// <returns>The population.</returns>
    /// <exception cref="InvalidDataException">A malformed line: the message names the source, line, column, what was
    /// expected and what was found.</exception>
    public static MidPopulation Load(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        string? header = reader.ReadLine();
        if (header?.TrimEnd('\r') != Header)
        {
            throw new InvalidDataException($"{source}:1: expected the header '{Header}', found '{header}'");
        }

        var placed = new List<HistoricalDispute>();
        var unplaced = new List<UnplacedDispute>();
        var rows = new List<(int Line, string[] Cells)>();
        int line = 1;
        int current = int.MinValue;
        string? text;
        while ((text = reader.ReadLine()) != null)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = text.TrimEnd('\r').Split(',');
            if (cells.Length != 14)
            {
                throw new InvalidDataException($"{source}:{line}: expected 14 columns, found {cells.Length}");
            }

            int id = Integer(source, line, "dispnum", cells[0]);
            if (id != current && rows.Count > 0)
            {
                Add(source, rows, placed, unplaced);
                rows.Clear();
            }

            if (id < current)
            {
                throw new InvalidDataException($"{source}:{line}: column 'dispnum': expected rows in dispute order, found {id} after {current}");
            }

            current = id;
            rows.Add((line, cells));
        }

        if (rows.Count > 0)
        {
            Add(source, rows, placed, unplaced);
        }

        int from = Math.Min(placed.Count > 0 ? placed.Min(d => d.StartYear) : int.MaxValue, unplaced.Count > 0 ? unplaced.Min(d => d.StartYear) : int.MaxValue);
        int to = Math.Max(placed.Count > 0 ? placed.Max(d => d.StartYear) : int.MinValue, unplaced.Count > 0 ? unplaced.Max(d => d.StartYear) : int.MinValue);
        return new MidPopulation(source == "embedded:gml-mid" ? "gml-mid" : source, placed, unplaced, from, to);
    }

    private static void Add(string source, List<(int Line, string[] Cells)> rows, List<HistoricalDispute> placed, List<UnplacedDispute> unplaced)
    {
        var (line, first) = rows[0];
        int id = Integer(source, line, "dispnum", first[0]);
        int year = Integer(source, line, "styear", first[1]);
        int hostility = Integer(source, line, "hostlev", first[3]);
        int outcome = Integer(source, line, "outcome", first[4]);
        if (hostility is < 1 or > 5)
        {
            throw new InvalidDataException($"{source}:{line}: column 'hostlev': expected 1 to 5, found {hostility}");
        }

        if (first[8] == "unplaced")
        {
            if (rows.Count != 1)
            {
                throw new InvalidDataException($"{source}:{rows[1].Line}: dispute {id}: expected one row for an unplaced dispute, found {rows.Count}");
            }

            unplaced.Add(new UnplacedDispute(id, year, hostility, first[13]));
            return;
        }

        int challenger = -1, defender = -1, dropped = 0;
        double challengerCapability = 0, defenderCapability = 0, challengerDistance = 0;
        var supporters = new List<HistoricalSupporter>();
        foreach (var (l, c) in rows)
        {
            int state = Integer(source, l, "ccode", c[9]);
            double capability = Number(source, l, "cinc", c[10], 0, 1);
            double distance = Number(source, l, "distance_km", c[11], 0, 40_100);
            switch (c[8])
            {
                case "challenger":
                    challenger = challenger < 0 ? state : throw new InvalidDataException($"{source}:{l}: dispute {id}: a second challenger row");
                    challengerCapability = capability;
                    challengerDistance = distance;
                    dropped = Dropped(source, l, c[13]);
                    break;
                case "defender":
                    defender = defender < 0 ? state : throw new InvalidDataException($"{source}:{l}: dispute {id}: a second defender row");
                    defenderCapability = capability;
                    break;
                case "challenger-originator":
                case "defender-originator":
                    supporters.Add(new HistoricalSupporter(state, c[8][0] == 'c', CoOriginator: true, capability, distance, ""));
                    break;
                case "challenger-ally":
                case "defender-ally":
                    if (c[12] is not ("defense" or "offense" or "defense+offense"))
                    {
                        throw new InvalidDataException($"{source}:{l}: column 'obligation': expected defense, offense or defense+offense, found '{c[12]}'");
                    }

                    supporters.Add(new HistoricalSupporter(state, c[8][0] == 'c', CoOriginator: false, capability, distance, c[12]));
                    break;
                default:
                    throw new InvalidDataException($"{source}:{l}: column 'role': expected challenger, defender, challenger-originator, defender-originator, challenger-ally, defender-ally or unplaced, found '{c[8]}'");
            }
        }

        if (challenger < 0 || defender < 0)
        {
            throw new InvalidDataException($"{source}:{line}: dispute {id}: expected a challenger row and a defender row, found {(challenger < 0 ? "no challenger" : "no defender")}");
        }

        placed.Add(new HistoricalDispute(id, year, hostility, outcome, challenger, defender, challengerCapability, defenderCapability, challengerDistance, supporters, dropped));
    }

    private static int Dropped(string source, int line, string note)
    {
        int dropped = 0;
        foreach (var part in note.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("dropped=", StringComparison.Ordinal))
            {
                dropped = Integer(source, line, "note", part["dropped=".Length..]);
            }
        }

        return dropped;
    }

    private static int Integer(string source, int line, string column, string cell) =>
        int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"{source}:{line}: column '{column}': expected an integer, found '{cell}'");

    private static double Number(string source, int line, string column, string cell, double min, double max) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max
            ? value
            : throw new InvalidDataException($"{source}:{line}: column '{column}': expected a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], found '{cell}'");
}
