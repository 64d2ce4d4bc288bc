using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Experiments;

public class SaltelliSamplingTests
{
    [Theory]
    [InlineData(8L, 3, 40L)]
    [InlineData(1L, 1, 3L)]
    [InlineData(SobolSequence.MaxPoints, SaltelliSampling.MaxFactors, SobolSequence.MaxPoints * 502)]
    public void PointCount_IsBaseSamplesTimesFactorsPlusTwo(long baseSamples, int factors, long expected) =>
        Assert.Equal(expected, SaltelliSampling.PointCount(baseSamples, factors));

    [Theory]
    [InlineData(0L, 3)]
    [InlineData(-1L, 3)]
    [InlineData(SobolSequence.MaxPoints + 1, 3)]
    [InlineData(8L, 0)]
    [InlineData(8L, SaltelliSampling.MaxFactors + 1)]
    [InlineData(8L, int.MaxValue)]
    public void PointCount_OutOfRange_Throws(long baseSamples, int factors) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SaltelliSampling.PointCount(baseSamples, factors));

    [Fact]
    public void GetUnitPoint_RowsFollowALayoutOfA_ABs_B()
    {
        const int k = 3;
        var sequence = new SobolSequence(2 * k);
        var baseRow = new double[2 * k];
        var unit = new double[k];
        for (long r = 0; r < 16; r++)
        {
            sequence.GetPoint(r, baseRow);
            double[] a = baseRow[..k];
            double[] b = baseRow[k..];
            for (int j = 0; j < k + 2; j++)
            {
                SaltelliSampling.GetUnitPoint(sequence, k, (r * (k + 2)) + j, unit);
                double[] expected = j == 0 ? a : j == k + 1 ? b : [.. a];
                if (j >= 1 && j <= k)
                {
                    expected[j - 1] = b[j - 1];
                }

                Assert.Equal(expected, unit);
            }
        }
    }

    [Fact]
    public void GetUnitPoint_FirstRows_MatchPublishedSobolPoints()
    {
        // Two factors: base row r is point r of the 4-dimensional sequence; rows 1 and 2 are (0.5, 0.5 | 0.5, 0.5) and
        // (0.75, 0.25 | 0.25, 0.25) (TensorFlow's sobol_ops_test.py test_more_known_values, first two rows).
        var sequence = new SobolSequence(4);
        var unit = new double[2];
        double[][] expected =
        [
            [0, 0], [0, 0], [0, 0], [0, 0], // row 0: A, AB1, AB2, B all the origin
            [0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5],
            [0.75, 0.25], [0.25, 0.25], [0.75, 0.25], [0.25, 0.25],
        ];
        for (int p = 0; p < expected.Length; p++)
        {
            SaltelliSampling.GetUnitPoint(sequence, 2, p, unit);
            Assert.Equal(expected[p], unit);
        }
    }

    [Fact]
    public void GetUnitPoint_WrongSequenceDimensions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SaltelliSampling.GetUnitPoint(new SobolSequence(5), 3, 0, new double[3]));
        Assert.Equal("sequence", ex.ParamName);
    }

    [Fact]
    public void GetUnitPoint_WrongPointLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SaltelliSampling.GetUnitPoint(new SobolSequence(6), 3, 0, new double[6]));
        Assert.Equal("unit", ex.ParamName);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(SobolSequence.MaxPoints * 5)]
    public void GetUnitPoint_IndexOutOfRange_Throws(long pointIndex) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SaltelliSampling.GetUnitPoint(new SobolSequence(6), 3, pointIndex, new double[3]));

    [Fact]
    public void GetUnitPoint_LastIndex_IsBOfLastRow()
    {
        var sequence = new SobolSequence(6);
        var unit = new double[3];
        var row = new double[6];
        SaltelliSampling.GetUnitPoint(sequence, 3, (SobolSequence.MaxPoints * 5) - 1, unit);
        sequence.GetPoint(SobolSequence.MaxPoints - 1, row);
        Assert.Equal(row[3..], unit);
    }

    [Fact]
    public void GetUnitPoint_NullSequenceOrBadFactors_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SaltelliSampling.GetUnitPoint(null!, 3, 0, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SaltelliSampling.GetUnitPoint(new SobolSequence(2), 0, 0, []));
    }
}
