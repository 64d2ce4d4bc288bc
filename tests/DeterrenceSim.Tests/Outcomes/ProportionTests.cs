using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Outcomes;

public class ProportionTests
{
    [Theory]
    [InlineData(5, 10, 0.2366, 0.7634)] // Wilson (1927) interval, z = 1.96: textbook values
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(81, 263, 0.2553, 0.3662)] // Newcombe (1998), Statistics in Medicine 17:857-872, table I example
    public void Wilson_KnownCases_MatchPublishedIntervals(long count, long trials, double lower, double upper)
    {
        var rate = Proportion.Wilson(count, trials);
        Assert.Equal(lower, rate.Lower, 4);
        Assert.Equal(upper, rate.Upper, 4);
        Assert.Equal((double)count / trials, rate.Estimate!.Value, 15);
    }

    [Fact]
    public void Wilson_NoTrials_NullEstimateAndWholeInterval()
    {
        var rate = Proportion.Wilson(0, 0);
        Assert.Null(rate.Estimate);
        Assert.Equal(0, rate.Lower);
        Assert.Equal(1, rate.Upper);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void Wilson_CountOutsideTrials_Throws(long count, long trials) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(count, trials));

    [Fact]
    public void FromSums_KnownSample_MeanAndStudentTInterval()
    {
        // 1, 2, 3, 4: mean 2.5, s = 1.2910, SE = 0.6455, t(0.975, 3) = 3.1824.
        var m = MeanEstimate.FromSums(4, 10, 30);
        Assert.Equal(2.5, m.Mean!.Value, 12);
        Assert.Equal(0.645497, m.StandardError!.Value, 6);
        Assert.Equal(2.5 - (3.182446 * 0.645497), m.Lower, 4);
        Assert.Equal(2.5 + (3.182446 * 0.645497), m.Upper, 4);
    }
}
