using DeterrenceSim.Calibration;

namespace DeterrenceSim.Tests.Calibration;

/// <summary>PopulationCalibration.Calibrate's options; its recovery of known parameters is in <see cref="RecoveryTests"/>.</summary>
public sealed class PopulationCalibrationTests
{
    private static readonly HistoricalPopulation Early = MidPopulation.GmlMid.Between(1816, 1870).Compile();

    private static readonly PopulationCalibrationOptions Cheap = new() { Particles = 100, Generations = 3, Seed = 5, Threads = 2 };

    [Fact]
    public void Calibrate_ObservedEqualToTheRecord_TheRecordsPosterior()
    {
        var record = PopulationStatistics.Observed(Early, Cheap.Statistics);

        var fromRecord = PopulationCalibration.Calibrate(Early, Cheap);
        var given = PopulationCalibration.Calibrate(Early, Cheap with { Observed = record });

        Assert.Equal(fromRecord.Summaries, given.Summaries);
        Assert.Equal(record, given.Result!.Observed);
    }

    [Fact]
    public void Calibrate_ObservedOtherThanTheRecord_MatchedInstead()
    {
        // Every matched share 0: no war and no concession anywhere, which only deterrence (dissatisfaction ≤ 0) gives.
        double[] deterred = new double[Cheap.Statistics.Count];

        var posterior = PopulationCalibration.Calibrate(Early, Cheap with { Observed = deterred });

        Assert.Equal(deterred, posterior.Result!.Observed);
        Assert.True(posterior.Summaries[2].Q975 <= 0.05, $"dissatisfaction's 97.5% quantile is {posterior.Summaries[2].Q975}");
        Assert.Equal(PopulationStatistics.Observed(Early, ["war"])[0], posterior.Predictive.Single(e => e.Name == "war").Observed);
    }

    [Theory]
    [InlineData(7, 0.1, "Observed holds 7 values, but 8 statistics are matched")]
    [InlineData(8, double.NaN, "Observed[3] ('war.tercile2') is NaN; expected a share in [0, 1]")]
    [InlineData(8, 1.5, "Observed[3] ('war.tercile2') is 1.5; expected a share in [0, 1]")]
    public void Calibrate_ObservedNotOneShareAStatistic_ThrowsNamingIt(int count, double fourth, string message)
    {
        double[] observed = [.. Enumerable.Repeat(0.1, count)];
        observed[3] = fourth;

        var error = Assert.Throws<ArgumentException>(() => PopulationCalibration.Calibrate(Early, Cheap with { Observed = observed }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
