using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Engine;

public class MonteCarloDeterminismTests
{
    private static readonly CompiledScenario Noisy = CompiledScenario.Compile(ParameterPaths.SetAll(
        ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName),
        [new("states.*.perception.supporterNoise", "0.3"), new("states.*.perception.noise", "0.5")]));

    [Theory]
    [InlineData("east-china-sea")]
    [InlineData("baltic")]
    public void Run_OneTwoAndSevenThreads_BitIdenticalResults(string crisis)
    {
        const long rounds = (3 * MonteCarlo.ChunkSize) + 1_234; // not a multiple of the chunk size
        string Json(int threads) => SimulationResultJson.ToJson(new MonteCarlo(Noisy).Run(crisis, new RoundOptions { Rounds = rounds, Seed = 5, Threads = threads }) with { Threads = 0 });

        string one = Json(1);
        Assert.Equal(one, Json(2));
        Assert.Equal(one, Json(7));
    }

    /// <summary>
    /// The batched rounds (four lanes, in phases) count what the same rounds played one at a time count, bit for bit: a
    /// reporter makes the engine play round by round (it needs each round's record), so a run with a reporter that
    /// counts nothing must give the run without it. Across protocols, noise on and off, and the preventive test.
    /// </summary>
    [Theory]
    [InlineData("east-china-sea", "")]
    [InlineData("baltic", "")]
    [InlineData("east-china-sea", "states.JPN.perception.noise=0")]
    [InlineData("east-china-sea", "crises.east-china-sea.bargaining.protocol=TakeItOrLeaveIt")]
    [InlineData("east-china-sea", "variant:shifrinson-preventive")]
    public void Run_Batched_EqualsRoundByRound(string crisis, string settings)
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        if (settings.StartsWith("variant:", StringComparison.Ordinal))
        {
            scenario = ScenarioVariants.Apply(scenario, settings["variant:".Length..]);
        }
        else if (settings.Length > 0)
        {
            scenario = ParameterPaths.SetAll(scenario, [.. settings.Split(',').Select(s => s.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);
        }

        var monteCarlo = new MonteCarlo(CompiledScenario.Compile(scenario));
        const long rounds = MonteCarlo.ChunkSize + 1_001; // a partial batch and a partial chunk
        var batched = monteCarlo.Run(crisis, new RoundOptions { Rounds = rounds, Seed = 3, Threads = 1 });
        var single = monteCarlo.Run(crisis, new RoundOptions { Rounds = rounds, Seed = 3, Threads = 1, Reporters = [Reporter.OfRounds("none", _ => false)] });
        Assert.True(batched.Outcomes[Outcome.War].Count > 0, "the case has wars");
        Assert.True(!settings.Contains("preventive", StringComparison.Ordinal) || batched.WarCauses[WarCause.Preventive].Count > 0, "the case has preventive wars");
        Assert.Equal(SimulationResultJson.ToJson(batched), SimulationResultJson.ToJson(single with { Reported = batched.Reported }));
    }

    [Fact]
    public void Run_DifferentSeedsOrReplications_DifferentResults()
    {
        var monteCarlo = new MonteCarlo(Noisy);
        var a = monteCarlo.Run("east-china-sea", new RoundOptions { Rounds = 50_000, Seed = 1 });
        var b = monteCarlo.Run("east-china-sea", new RoundOptions { Rounds = 50_000, Seed = 2 });
        var c = monteCarlo.Run("east-china-sea", new RoundOptions { Rounds = 50_000, Seed = 1, Replication = 1 });
        Assert.NotEqual(a.Outcomes[Outcome.War].Count, b.Outcomes[Outcome.War].Count);
        Assert.NotEqual(a.Outcomes[Outcome.War].Count, c.Outcomes[Outcome.War].Count);
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new MonteCarlo(Noisy).Run("east-china-sea", new RoundOptions { Rounds = 1_000_000 }, cancellationToken: source.Token));
    }

    [Fact]
    public void Run_WithProgress_ReportsEveryRoundOnce()
    {
        var reports = new List<MonteCarloProgress>();
        var progress = new Recorder(reports);
        new MonteCarlo(Noisy).Run("east-china-sea", new RoundOptions { Rounds = 100_000, Threads = 1 }, progress);
        Assert.Equal(100_000, reports.Max(r => r.RoundsCompleted));
        Assert.Equal((100_000 + MonteCarlo.ChunkSize - 1) / MonteCarlo.ChunkSize, reports.Count);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 0)]
    public void Run_InvalidOptions_ThrowsNamingTheOption(long rounds, int threads)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarlo(Noisy).Run("east-china-sea", new RoundOptions { Rounds = rounds, Threads = threads }));
        Assert.Equal(rounds < 1 ? "Rounds" : "Threads", e.ParamName);
    }

    [Fact]
    public void Run_UnknownCrisis_ThrowsListingTheCrises()
    {
        var e = Assert.Throws<ArgumentException>(() => new MonteCarlo(Noisy).Run("taiwan-strait"));
        Assert.Contains("east-china-sea", e.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<MonteCarloProgress> reports) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
