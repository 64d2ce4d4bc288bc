using System.Text.Json;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.IO;

/// <summary>The <c>run --format json</c> document's keys around the win probabilities (DESIGN.md section 7).</summary>
public sealed class SimulationResultJsonTests
{
    [Fact]
    public void Write_ExpectedWinProbability_FollowsAccurateWinProbability()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")));
        var result = monteCarlo.Run("korean-peninsula", new RoundOptions { Rounds = 1_000, Seed = 3, Threads = 1 });

        using var document = JsonDocument.Parse(SimulationResultJson.ToJson(result));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        int accurate = names.IndexOf("accurateWinProbability");
        Assert.True(accurate >= 0);
        Assert.Equal("expectedWinProbability", names[accurate + 1]);
        Assert.Equal(result.ExpectedWinProbability, document.RootElement.GetProperty("expectedWinProbability").GetDouble());
        Assert.Equal(monteCarlo.ExpectedWinProbability("korean-peninsula"), result.ExpectedWinProbability);
    }

    [Fact]
    public void Write_ExpectedWinProbabilityNotComputed_IsNull()
    {
        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023")));
        var result = monteCarlo.Run("baltic", new RoundOptions { Rounds = 1_000, Seed = 3, Threads = 1 }) with { ExpectedWinProbability = double.NaN };

        using var document = JsonDocument.Parse(SimulationResultJson.ToJson(result));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("expectedWinProbability").ValueKind);
    }
}
