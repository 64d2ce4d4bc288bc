#:package DeterrenceSim@0.1.0
#:package ScottPlot@5.1.59
// DeterrenceSim quickstart as a .NET 10 file-based app: `dotnet run quickstart.cs` (needs only the .NET 10 SDK).
// It plays the East China Sea crisis of the embedded Indo-Pacific scenario, varies how credulous the defender (Japan)
// is about its partners' engagement signals, plots war risk against it (war-risk-vs-defender-credulity.png) and shows
// which side's misperception drove the wars.
using DeterrenceSim;            // the short path: Simulation.Load, scenario.Run, .Sweep, Summarise(), ToDataFrame()
using DeterrenceSim.Outcomes;   // the typed keys of the rates: Measure, WarCause

// 1. The embedded scenario, no files needed: 40 states, NATO, the US treaties in Asia, NATO's Asia-Pacific partnerships.
var scenario = Simulation.Load("indo-pacific-2023");

// 2. One crisis, 200,000 rounds: outcome and war-cause rates with 95% Wilson intervals (the scenario is compiled
//    implicitly; `new MonteCarlo(CompiledScenario.Compile(scenario)).Run(...)` is the long form).
var result = scenario.Run("east-china-sea", new() { Rounds = 200_000, Seed = 42 });
Console.WriteLine(result);
Console.WriteLine();

// 3. A sweep over the defender's credulity: 6 values, 5 replications of 50,000 rounds each (common random numbers:
//    every value sees the same draws, so the differences are the parameter's doing). Summarise() gives one record per
//    value: the war rate is the mean of the 5 replications' rates, with its 95% t-interval, mean ± t(0.975, 4) · s/√5,
//    as `deterrence-sim plot` draws it (bounds kept within [0, 1]); pooled counts give the shares of wars.
//    (summaries.ToDataFrame() holds every number as a table: Microsoft.Data.Analysis.)
var sweep = scenario.Sweep(["states.JPN.perception.credulity=0:1:6"],
    new() { Crisis = "east-china-sea", Rounds = 50_000, Replications = 5, Seed = 42 });
var byPoint = sweep.Summarise().Select(point =>
{
    var war = point.MeanOfReplications(Measure.War);
    return new
    {
        Credulity = point.Values["states.JPN.perception.credulity"],
        War = war.Mean!.Value,
        war.Lower,
        war.Upper,
        // Pooled counts: wars in which the defender misperceived (alone or with the challenger), out of all wars.
        DefenderShare = (point.Pooled(Measure.Of(WarCause.DefenderMisperception)).Count + point.Pooled(Measure.Of(WarCause.MutualMisperception)).Count)
            / (double)Math.Max(1, point.Pooled(Measure.War).Count),
    };
}).ToList();

Console.WriteLine("defender credulity   war rate   [95% t-interval over the 5 replications]   wars with the defender misperceiving");
foreach (var p in byPoint)
{
    Console.WriteLine($"{p.Credulity,18:F1}   {p.War,8:F4}   [{p.Lower:F4}, {p.Upper:F4}]   {p.DefenderShare,8:P0}");
}

// 4. The plot: war risk against the defender's credulity, with its 95% t-interval.
var plot = new ScottPlot.Plot();
double[] xs = [.. byPoint.Select(p => p.Credulity)];
var band = plot.Add.FillY(xs, [.. byPoint.Select(p => p.Lower)], [.. byPoint.Select(p => p.Upper)]);
band.FillColor = ScottPlot.Colors.SteelBlue.WithAlpha(0.3);
band.LegendText = "95% t-interval over the 5 replications";
plot.Add.Scatter(xs, [.. byPoint.Select(p => p.War)]).LegendText = "mean war rate";
plot.ShowLegend();
plot.Title("East China Sea: war risk and the defender's credulity");
plot.XLabel("states.JPN.perception.credulity");
plot.YLabel("war rate");
plot.Axes.SetLimitsX(0, 1);
plot.SavePng("war-risk-vs-defender-credulity.png", 800, 500);
Console.WriteLine();
Console.WriteLine("wrote war-risk-vs-defender-credulity.png");

// 5. Which side's misperception drove the wars at the scenario's own values?
foreach (var measure in Measure.All.Where(m => m.WarCause is not null))
{
    Console.WriteLine($"{measure.Name,-24} {result[measure].Count / (double)Math.Max(1, result[Measure.War].Count),6:P1} of wars");
}
