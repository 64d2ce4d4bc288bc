using System.Diagnostics;
using System.Globalization;
using DeterrenceSim.Calibration;
using DeterrenceSim.Engine;
using Xunit.Abstractions;

namespace DeterrenceSim.Tests.Calibration;

/// <summary>
/// Recovery of known parameters (issue 14): simulation-based calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman
/// 2018, arXiv:1804.06788) in the issue's simplified form. Each replicate draws a truth θ* from the priors, simulates the
/// 1816-1944 population once at θ* (637 disputes, the real ones), calibrates against that data set's statistics
/// (<see cref="PopulationCalibrationOptions.Observed"/>) and checks whether each parameter's 95% interval [Q025, Q975]
/// holds θ*. When the posterior is right, θ* is a draw from it, so each interval covers it with probability 0.95.
/// </summary>
/// <remarks>
/// The criterion, at least 90% of the replicates, is the issue's. With n replicates and a coverage of 0.95 the number
/// covered has standard deviation sqrt(n · 0.95 · 0.05): 0.97 at n = 20, so 18 of 20 is about one standard error below
/// the expected 19, and a perfectly calibrated posterior meets it with probability 0.92 a parameter (binomial). A failure
/// after a change to the sampler is therefore a reason to run the full check (100 replicates), not proof of a bias.
/// </remarks>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    private const ulong TruthSeed = 20181804;

    [Fact]
    public void Calibrate_TwentyDataSetsSimulatedAtPriorDraws_95PercentIntervalsCoverTheTruthInAtLeast18()
    {
        // Cheap settings: 200 particles, 6 generations (about 0.3 s a replicate on 2 cores). Measured over 100 replicates
        // of this scheme: coverage 94% (noise), 96% (cost) and 93% (dissatisfaction), before issue 16's new streams; these first 20 now cover
        // 19, 20 and 19 of 20.
        var coverage = Recover(replicates: 20, particles: 200, generations: 6);

        foreach (var (name, covered) in coverage)
        {
            Assert.True(covered >= 18, $"{name}: the 95% interval covered the truth in {covered} of 20 replicates; expected at least 18 (90%)");
        }
    }

    [FullRecoveryFact]
    public void Calibrate_HundredDataSetsAtTheDefaultSettings_95PercentIntervalsCoverTheTruthInAtLeast90()
    {
        // The full check (tools/recovery-check.sh): 100 replicates, each a default calibration (1,000 particles,
        // 10 generations). Measured after issue 16's new streams: 97 (noise), 97 (cost) and 96 (dissatisfaction) of 100.
        // Of the ten misses (in nine replicates), five are truths within 0.5% of a prior's edge (noise 3.986 and 3.997,
        // cost 0.497, dissatisfaction 0.497 and −0.299), where the 2.5% tail of a posterior piled against the edge stops
        // short; three are in the two data sets with almost no noise and a tiny cost (no war); two are just outside (noise
        // 3.739 against 3.548, dissatisfaction −0.154 against −0.159).
        var defaults = new PopulationCalibrationOptions();
        var coverage = Recover(replicates: 100, particles: defaults.Particles, generations: defaults.Generations);

        foreach (var (name, covered) in coverage)
        {
            Assert.True(covered >= 90, $"{name}: the 95% interval covered the truth in {covered} of 100 replicates; expected at least 90");
        }
    }

    /// <summary>Runs the replicates; writes one line each and the coverage per parameter to the test output.</summary>
    /// <returns>Per parameter, in the order of <see cref="PopulationParameters.Names"/>: the replicates whose 95%
    /// interval covered the truth.</returns>
    private List<(string Name, int Covered)> Recover(int replicates, int particles, int generations)
    {
        var population = MidPopulation.GmlMid.Between(1816, 1944).Compile();
        var priors = PopulationCalibration.DefaultPriors;
        var statistics = PopulationStatistics.Default;
        var outcomes = new HistoricalOutcome[population.Count];
        var won = new sbyte[population.Count];
        int[] covered = new int[priors.Count];
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < replicates; r++)
        {
            // Replicate r: the truth and the data set's key from a stream of its own; the calibration's seed r + 1.
            var random = new SplitMix64(SplitMix64.Mix(TruthSeed + (ulong)r));
            double[] truth = [.. priors.Select(p => p.Prior.InverseCumulativeDistribution(random.NextDouble()))];
            population.Simulate(PopulationParameters.FromValues(truth), random.NextUInt64(), outcomes, won);
            double[] observed = new double[statistics.Count];
            PopulationStatistics.Compute(population, outcomes, won, statistics, observed);

            var posterior = PopulationCalibration.Calibrate(population, new PopulationCalibrationOptions
            {
                Observed = observed,
                Particles = particles,
                Generations = generations,
                Seed = (ulong)r + 1,
            });

            var line = new List<string>();
            for (int p = 0; p < priors.Count; p++)
            {
                var summary = posterior.Summaries[p];
                bool hit = truth[p] >= summary.Q025 && truth[p] <= summary.Q975;
                covered[p] += hit ? 1 : 0;
                line.Add(string.Create(CultureInfo.InvariantCulture, $"{summary.Name} {truth[p]:F3} in [{summary.Q025:F3}, {summary.Q975:F3}]{(hit ? "" : " MISSED")}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replicate {r,3}: {string.Join("; ", line)}"));
        }

        var coverage = priors.Select((p, i) => (p.Name, Covered: covered[i])).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coverage of the 95% intervals over {replicates} replicates ({particles} particles, {generations} generations; {clock.Elapsed.TotalSeconds:F0} s): {string.Join(", ", coverage.Select(c => $"{c.Name} {c.Covered}/{replicates}"))}"));
        return coverage;
    }
}
