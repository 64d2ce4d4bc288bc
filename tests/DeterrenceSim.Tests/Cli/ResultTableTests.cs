using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary>The run table's shares: never 0 or 100% for a share that is neither.</summary>
public sealed class ResultTableTests
{
    [Theory]
    [InlineData(0.4812, 1, true, "48.1%")]
    [InlineData(1.0, 1, true, "100.0%")]
    [InlineData(0.0, 1, true, "0.0%")]
    [InlineData(-0.005, 1, true, "-0.5%")]
    [InlineData(0.99989, 1, true, "99.99%")] // 18,049 of 18,051 wars: not "100.0%"
    [InlineData(0.99997, 1, true, "99.997%")]
    [InlineData(0.0002, 1, true, "0.02%")]
    [InlineData(-0.0001, 1, true, "-0.01%")]
    [InlineData(1e-9, 1, true, "<0.0001%")]
    [InlineData(-1e-9, 1, true, ">-0.0001%")]
    [InlineData(0.99999999, 1, true, ">99.9999%")]
    [InlineData(0.0190, 4, false, "0.0190")]
    [InlineData(0.00002, 4, false, "0.00002")]
    [InlineData(0.999996, 4, false, "0.999996")]
    [InlineData(1e-12, 4, false, "<0.0000001")]
    public void Share_NeitherZeroNorOne_NeverShownAsZeroOrOne(double x, int decimals, bool percent, string expected)
    {
        Assert.Equal(expected, ResultTable.Share(x, decimals, percent));
    }
}
