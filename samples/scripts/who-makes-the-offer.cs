#:package DeterrenceSim@0.1.0
// Who should make the offer? Fearon's (1995) take-it-or-leave-it gives the challenger the proposal; here the defender
// makes the ultimatum instead: a bargaining protocol of your own, a struct the engine is compiled for (no cost over
// the built-ins). `dotnet run who-makes-the-offer.cs` (needs only the .NET 10 SDK).
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")));
var options = new RoundOptions { Rounds = 200_000, Seed = 42 };
Console.WriteLine($"{"crisis",-18}  {"war, own protocol (Nash split)",-30}  {"war, defender's ultimatum",-30}  wars C misperceived");
foreach (var crisis in new[] { "east-china-sea", "korean-peninsula", "baltic" })
{
    var own = monteCarlo.Run(crisis, options).Outcomes[Outcome.War];
    var ultimatum = monteCarlo.Run<DefenderUltimatum>(crisis, options);
    var war = ultimatum[Outcome.War];
    double challenger = ultimatum[WarCause.ChallengerMisperception].Count / (double)Math.Max(1, war.Count);
    string Rate(Proportion p) => $"{p.Estimate:F4} [{p.Lower:F4}, {p.Upper:F4}]";
    Console.WriteLine($"{crisis,-18}  {Rate(own),-30}  {Rate(war),-30}  {challenger,6:P0}");
}

/// <summary>
/// The defender offers the least it believes the challenger accepts, x = max(0, p̂_D − c_C); the challenger accepts
/// iff x ≥ p̂_C − c_C. War is pure mutual optimism: p̂_C − c_C &gt; x (Blainey 1973).
/// </summary>
readonly struct DefenderUltimatum : IBargainingProtocol
{
    public static bool PrivateDefenderCost => false; // the defender's cost is the crisis's fixed defenderCost

    public static bool IsWar(in BargainingTerms terms, double challengerBelief, double defenderBelief, double defenderCost, out double settlement)
    {
        settlement = Math.Max(0, defenderBelief - terms.ChallengerCost);
        return challengerBelief - terms.ChallengerCost > settlement;
    }
}
