using DeterrenceSim.Calibration;
using MathNet.Numerics.Statistics;

namespace DeterrenceSim.Tests.Calibration;

public class WeightedQuantileTests
{
    [Theory]
    [InlineData(0.025)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.975)]
    public void Of_EqualWeights_IsHyndmanFanDefinition5(double alpha)
    {
        double[] values = [3.1, -2, 7.5, 0.25, 4, 4, 9, -6.5, 1, 2.2, 5.5];
        double[] weights = [.. values.Select(_ => 1.0 / values.Length)];

        Assert.Equal(Statistics.QuantileCustom(values, alpha, QuantileDefinition.R5), WeightedQuantile.Of(values, weights, alpha), 12);
    }

    [Fact]
    public void Of_IntegerWeights_MatchRepeatedValuesAtTheMedian()
    {
        // Sorted (1, 2, 3) with weights (1/4, 1/4, 1/2) sit at P = (1/8, 3/8, 3/4); the median lies between 2 and 3, a third of
        // the way: 2 + (1/2 - 3/8) / (3/4 - 3/8).
        Assert.Equal(2 + (0.125 / 0.375), WeightedQuantile.Of([3, 1, 2], [0.5, 0.25, 0.25], 0.5), 12);
        Assert.Equal(1, WeightedQuantile.Of([3, 1, 2], [0.5, 0.25, 0.25], 0.0));
        Assert.Equal(3, WeightedQuantile.Of([3, 1, 2], [0.5, 0.25, 0.25], 1.0));
    }
}
