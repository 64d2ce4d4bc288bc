using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.Experiments;
using DeterrenceSim.IO;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using DeterrenceSim.Tests.Engine;

namespace DeterrenceSim.Tests.Experiments;

/// <summary>Paired policy contrasts (issue 15, item 1): the Newcombe interval, the paired engine, the rows and their
/// file.</summary>
public sealed class ContrastTests
{
    private const string Crisis = "east-china-sea";

    [Theory]
    [InlineData(36, 12, 2, 0)]
    [InlineData(5, 5, 0, 0)]
    [InlineData(0, 0, 0, 10)]
    [InlineData(180, 30, 12, 9778)]
    [InlineData(0, 3, 0, 997)]
    public void Newcombe_ContainsTheEstimate_WithinMinusOneAndOne(long a, long b, long c, long d)
    {
        long n = a + b + c + d;
        var difference = PairedDifference.Newcombe(n, a + b, a + c, b, c);
        Assert.Equal((b - c) / (double)n, difference.Estimate!.Value, 15);
        Assert.InRange(difference.Estimate.Value, difference.Lower, difference.Upper);
        Assert.InRange(difference.Lower, -1, 1);
        Assert.InRange(difference.Upper, -1, 1);
    }

    [Fact]
    public void Newcombe_WithUncorrelatedPairs_IsTheIndependentInterval()
    {
        // ad − bc = 0: φ = 0, and the paired interval is the independent hybrid score interval (Newcombe's method 10 for
        // independent proportions) of the same rates.
        var paired = PairedDifference.Newcombe(40, 20, 20, 10, 10);
        var independent = PairedDifference.Independent(40, 20, 20);
        Assert.Equal(independent.Lower, paired.Lower, 15);
        Assert.Equal(independent.Upper, paired.Upper, 15);
    }

    [Fact]
    public void Newcombe_WithPositivelyCorrelatedPairs_IsNarrowerThanTheIndependentInterval()
    {
        // Most rounds agree (as under common random numbers): the difference is known far better than either rate.
        var paired = PairedDifference.Newcombe(10_000, 210, 192, 30, 12);
        var independent = PairedDifference.Independent(10_000, 210, 192);
        Assert.True(paired.Upper - paired.Lower < 0.5 * (independent.Upper - independent.Lower), $"paired {paired}, independent {independent}");
        Assert.Equal(independent.Estimate!.Value, paired.Estimate!.Value, 15);
    }

    [Theory]
    [InlineData(10, 5, 3, 1, 0)] // both: 4 and 3
    [InlineData(10, 11, 3, 1, 0)] // a count above the trials
    [InlineData(10, 5, 5, -1, -1)] // negative
    [InlineData(10, 8, 8, 4, 4)] // cells add to 12
    public void Newcombe_RefusesCountsThatAreNotAPairedTable(long n, long policy, long baseline, long policyOnly, long baselineOnly)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedDifference.Newcombe(n, policy, baseline, policyOnly, baselineOnly));
    }

    /// <summary>The check: over 1,000 seeds (replications) of a contrast whose difference is known exactly (the
    /// war-rate integral of <see cref="ExactWarRateTests"/> for both policies), the paired 95% interval covers the true
    /// difference in 93% to 97% of runs (the nominal 95% ± 2.9 binomial standard errors of 1,000 runs), and is narrower
    /// than the interval that ignores the pairing.</summary>
    [Fact]
    public void PairedInterval_CoversTheExactDifference_InNinetyFivePercentOfRuns_AndIsNarrowerThanTheUnpaired()
    {
        var baseline = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023"));
        var policy = CompiledScenario.Compile(ScenarioLoader.LoadEmbedded("indo-pacific-2023").With($"crises.{Crisis}.defenderCost", 0.125));
        double truth = ExactWarRateTests.ExactWarRate(policy, Crisis) - ExactWarRateTests.ExactWarRate(baseline, Crisis);
        Assert.True(Math.Abs(truth) > 0.002, $"the policy should change the war rate visibly; it changes it by {truth}");
        var engine = new MonteCarlo(baseline);
        var other = new MonteCarlo(policy);
        const int runs = 1_000;
        int covered = 0;
        double pairedWidth = 0, unpairedWidth = 0;
        for (int r = 0; r < runs; r++)
        {
            var paired = engine.RunPaired(other, Crisis, new RoundOptions { Rounds = 10_000, Seed = 2026, Replication = r, Threads = 1, WithoutExpectedWin = true }, default);
            Assert.Equal(0, paired.Baseline[Measure.Of(WarCause.Preventive)].Count + paired.Policy[Measure.Of(WarCause.Preventive)].Count);
            var war = Measure.War;
            var difference = PairedDifference.Newcombe(10_000, paired.Policy[war].Count, paired.Baseline[war].Count, paired.PolicyOnly[war.Index], paired.BaselineOnly[war.Index]);
            var unpaired = PairedDifference.Independent(10_000, paired.Policy[war].Count, paired.Baseline[war].Count);
            covered += difference.Lower <= truth && truth <= difference.Upper ? 1 : 0;
            pairedWidth += difference.Upper - difference.Lower;
            unpairedWidth += unpaired.Upper - unpaired.Lower;
        }

        Assert.True(covered / (double)runs is >= 0.93 and <= 0.97, $"the paired interval covered the exact difference {truth} in {covered} of {runs} runs");
        Assert.True(pairedWidth < unpairedWidth, $"mean paired width {pairedWidth / runs}, unpaired {unpairedWidth / runs}");
    }

    [Fact]
    public void Contrast_BaselineSide_IsExactlyTheSweepOfTheBaseline()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:3"));
        var options = new SweepOptions { Rounds = 5_000, Replications = 2, Threads = 2 };
        var sweep = new Sweep(scenario, design, options).Rows().ToList();
        var contrast = Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, options).Rows().ToList();
        Assert.Equal(sweep.Count, contrast.Count);
        for (int i = 0; i < sweep.Count; i++)
        {
            Assert.Equal(sweep[i].Counts, contrast[i].Counts);
            Assert.Equal(sweep[i].MechanismSums, contrast[i].MechanismSums);
            Assert.True(contrast[i].RecordsContrast);
            Assert.False(sweep[i].RecordsContrast);
        }
    }

    [Fact]
    public void Contrast_PolicySide_IsExactlyTheSweepOfThePolicy()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var policy = scenario.WithVariant("engagement-deepened");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:3"));
        var options = new SweepOptions { Rounds = 5_000, Replications = 2, Threads = 1 };
        var sweep = new Sweep(policy, design, options).Rows().ToList();
        var contrast = Sweep.Contrast(scenario, policy, design, options).Rows().ToList();
        for (int i = 0; i < sweep.Count; i++)
        {
            foreach (var measure in Measure.All)
            {
                Assert.Equal(sweep[i][measure], contrast[i].Policy(measure));
                var difference = contrast[i].Difference(measure);
                Assert.Equal(contrast[i].Policy(measure).Count - contrast[i][measure].Count, difference.PolicyOnly - difference.BaselineOnly);
            }

            Assert.Equal(contrast[i].Difference(Measure.War).Estimate, contrast[i].Estimate("war_difference"));
            Assert.Equal(contrast[i].Policy(Measure.War).Estimate, contrast[i].Estimate("policy.war"));
        }
    }

    [Fact]
    public void Contrast_OfAPolicyWithItself_HasNoDiscordantRound()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.noise=0.2:0.6:2"));
        foreach (var row in Sweep.Contrast(scenario, scenario, design, new SweepOptions { Rounds = 3_000, Replications = 1 }).Rows())
        {
            foreach (var measure in Measure.All)
            {
                var difference = row.Difference(measure);
                Assert.Equal(0, difference.PolicyOnly);
                Assert.Equal(0, difference.BaselineOnly);
                Assert.Equal(0, difference.Estimate);
            }
        }
    }

    [Fact]
    public void Contrast_WhosePolicySetsAVariedValue_IsRefused()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:3"));
        var e = Assert.Throws<ArgumentException>(() => Sweep.Contrast(scenario, scenario.With("states.CHN.perception.credulity", 0.9), design));
        Assert.Contains("states.CHN.perception.credulity", e.Message, StringComparison.Ordinal);
        Assert.Contains("vanish", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contrast_OverPeriods_IsRefused()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.noise=0.2:0.6:2"));
        Assert.Throws<ArgumentException>(() => Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, new SweepOptions { Periods = 5 }));
    }

    [Fact]
    public void Row_OfASweep_HasNoDifference()
    {
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var row = new Sweep(scenario, ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.noise=0.2:0.2:1")), new SweepOptions { Rounds = 100, Replications = 1 }).Rows().First();
        Assert.Throws<ArgumentException>(() => row.Difference(Measure.War));
        Assert.Throws<ArgumentException>(() => row.Estimate("war_difference"));
    }

    [Fact]
    public void File_OfAContrast_ReadsBackToTheSameRows_AndItsNumbersAreChecked()
    {
        using var folder = new TempFolder();
        string output = Path.Combine(folder.Path, "contrast.csv");
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:3"));
        var contrast = Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, new SweepOptions { Rounds = 4_000, Replications = 2 });
        SweepFile.Run(contrast, output, new SweepFileOptions { Baseline = "", Policy = "engagement-deepened" });
        var expected = contrast.Rows().ToList();
        using (var reader = new StreamReader(output))
        {
            Assert.Equal(expected, SweepCsv.Read(reader, output, out _).ToList());
        }

        string sidecar = File.ReadAllText(output + SweepFile.SidecarSuffix);
        Assert.Contains("\"policy\": \"engagement-deepened\"", sidecar, StringComparison.Ordinal);
        Assert.Contains("policyScenarioSha256", sidecar, StringComparison.Ordinal);

        // An edited difference is caught, naming its column.
        var lines = File.ReadAllLines(output);
        int column = Array.IndexOf(lines[0].Split(','), "war_difference");
        var fields = lines[1].Split(',');
        fields[column] = "0.5";
        lines[1] = string.Join(',', fields);
        string edited = Path.Combine(folder.Path, "edited.csv");
        File.WriteAllText(edited, string.Join('\n', lines) + "\n");
        using var editedReader = new StreamReader(edited);
        var e = Assert.Throws<InvalidDataException>(() => SweepCsv.Read(editedReader, edited, out _).ToList());
        Assert.Contains("war_difference", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_OfAContrast_ResumesToTheSameBytes()
    {
        using var folder = new TempFolder();
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:5"));
        var options = new SweepOptions { Rounds = 2_000, Replications = 1 };
        string whole = Path.Combine(folder.Path, "whole.csv"), resumed = Path.Combine(folder.Path, "resumed.csv");
        SweepFile.Run(Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, options), whole);
        var interrupted = Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, options);
        interrupted.BatchPointsOverride = 2;
        using (var cancel = new CancellationTokenSource())
        {
            int batches = 0;
            var progress = new SynchronousProgress(_ =>
            {
                if (++batches == 3)
                {
                    cancel.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() => SweepFile.Run(interrupted, resumed, null, progress, null, cancel.Token));
        }

        Assert.False(File.Exists(resumed));
        SweepFile.Run(Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, options), resumed, new SweepFileOptions { Resume = true });
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(resumed));
    }

    [Fact]
    public void File_OfAContrast_IsNotResumedAsAnotherPolicy()
    {
        using var folder = new TempFolder();
        var scenario = ScenarioLoader.LoadEmbedded("indo-pacific-2023");
        var design = ExperimentDesign.Grid(Factor.Parse("states.CHN.perception.credulity=0:1:3"));
        var options = new SweepOptions { Rounds = 1_000, Replications = 1 };
        string output = Path.Combine(folder.Path, "c.csv");
        SweepFile.Run(Sweep.Contrast(scenario, scenario.WithVariant("engagement-deepened"), design, options), output);
        var other = Sweep.Contrast(scenario, scenario.WithVariant("shifrinson-overconfidence"), design, options);
        Assert.Throws<SweepFileException>(() => SweepFile.Run(other, output, new SweepFileOptions { Resume = true }));
    }

    private sealed class SynchronousProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contrast-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
