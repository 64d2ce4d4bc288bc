using DeterrenceSim.Calibration;

namespace DeterrenceSim.Tests.Calibration;

public class UniformPriorTests
{
    [Fact]
    public void DensityLn_InsideAndOutside_LogOfOneOverWidthOrMinusInfinity()
    {
        var prior = new UniformPrior(-10, 10);

        Assert.Equal(-Math.Log(20), prior.DensityLn(3), 15);
        Assert.Equal(-Math.Log(20), prior.DensityLn(-10), 15);
        Assert.Equal(double.NegativeInfinity, prior.DensityLn(10.5));
        Assert.Equal(-4, prior.InverseCumulativeDistribution(0.3), 12);
        Assert.Equal("U(-10, 10)", prior.ToString());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    public void Constructor_LowerNotBelowUpper_Throws(double lower, double upper)
    {
        var e = Assert.Throws<ArgumentException>(() => new UniformPrior(lower, upper));
        Assert.Contains("must be below", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(double.NegativeInfinity, 1)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(-1e308, 1e308)]
    public void Constructor_NotFinite_Throws(double lower, double upper)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformPrior(lower, upper));
    }

    [Fact]
    public void CalibratedParameter_EmptyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CalibratedParameter(" ", new UniformPrior(0, 1)));
        Assert.Throws<ArgumentNullException>(() => new CalibratedParameter("x", null!));
    }
}
