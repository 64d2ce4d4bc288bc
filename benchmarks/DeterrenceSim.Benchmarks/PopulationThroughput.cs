using System.Globalization;
using BenchmarkDotNet.Attributes;
using DeterrenceSim.Calibration;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// Simulations per second of the whole 1816-1944 population of militarized disputes (637 crises of the embedded GML MID
/// extract, one round each), through the public <see cref="HistoricalPopulation.Simulate"/>: one simulated data set per
/// operation, the unit of work of a calibration's proposal (issue 14). The reported mean is the time of one data set.
/// </summary>
[MemoryDiagnoser]
public class PopulationThroughput
{
    private HistoricalPopulation _population = null!;
    private PopulationParameters _parameters;
    private HistoricalOutcome[] _outcomes = null!;
    private sbyte[] _challengerWon = null!;
    private ulong _key;

    /// <summary>Gets or sets the parameters as <c>noise,cost,dissatisfaction</c>: little noise (no war), about the
    /// posterior mean of the default calibration of 1816-1944, and much noise at a low cost (many wars).</summary>
    [Params("0.5,0.2,0", "2.2,0.2,0", "4,0.05,0.2")]
    public string Parameters { get; set; } = "2.2,0.2,0";

    /// <summary>Compiles the population once and allocates the buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = MidPopulation.GmlMid.Between(1816, 1944).Compile();
        _parameters = PopulationParameters.FromValues([.. Parameters.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]);
        _outcomes = new HistoricalOutcome[_population.Count];
        _challengerWon = new sbyte[_population.Count];
    }

    /// <summary>Simulates the population once, with a new key each call.</summary>
    /// <returns>The first crisis's outcome, so the work is not eliminated.</returns>
    [Benchmark]
    public HistoricalOutcome Population()
    {
        _population.Simulate(_parameters, _key++, _outcomes, _challengerWon);
        return _outcomes[0];
    }
}
