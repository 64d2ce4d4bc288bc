using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Experiments;

public class SobolSequenceTests
{
    // Points 1 to 31 in dimensions 1 to 5: TensorFlow's SobolSampleOpTest.test_more_known_values (sobol_ops_test.py),
    // whose generator uses the Joe & Kuo new-joe-kuo-6.21201 direction numbers and starts at point 1. Points 1 to 7 of
    // the first three columns also appear in SciPy's test_qmc.py (TestSobol.unscramble_nd and the 3-d test) and in
    // Boost.Random's test/sobol_validate.cpp (sobol_02_99).
    private static readonly double[][] TensorFlowPoints1To31 =
    [
        [0.50, 0.50, 0.50, 0.50, 0.50],
        [0.75, 0.25, 0.25, 0.25, 0.75],
        [0.25, 0.75, 0.75, 0.75, 0.25],
        [0.375, 0.375, 0.625, 0.875, 0.375],
        [0.875, 0.875, 0.125, 0.375, 0.875],
        [0.625, 0.125, 0.875, 0.625, 0.625],
        [0.125, 0.625, 0.375, 0.125, 0.125],
        [0.1875, 0.3125, 0.9375, 0.4375, 0.5625],
        [0.6875, 0.8125, 0.4375, 0.9375, 0.0625],
        [0.9375, 0.0625, 0.6875, 0.1875, 0.3125],
        [0.4375, 0.5625, 0.1875, 0.6875, 0.8125],
        [0.3125, 0.1875, 0.3125, 0.5625, 0.9375],
        [0.8125, 0.6875, 0.8125, 0.0625, 0.4375],
        [0.5625, 0.4375, 0.0625, 0.8125, 0.1875],
        [0.0625, 0.9375, 0.5625, 0.3125, 0.6875],
        [0.09375, 0.46875, 0.46875, 0.65625, 0.28125],
        [0.59375, 0.96875, 0.96875, 0.15625, 0.78125],
        [0.84375, 0.21875, 0.21875, 0.90625, 0.53125],
        [0.34375, 0.71875, 0.71875, 0.40625, 0.03125],
        [0.46875, 0.09375, 0.84375, 0.28125, 0.15625],
        [0.96875, 0.59375, 0.34375, 0.78125, 0.65625],
        [0.71875, 0.34375, 0.59375, 0.03125, 0.90625],
        [0.21875, 0.84375, 0.09375, 0.53125, 0.40625],
        [0.15625, 0.15625, 0.53125, 0.84375, 0.84375],
        [0.65625, 0.65625, 0.03125, 0.34375, 0.34375],
        [0.90625, 0.40625, 0.78125, 0.59375, 0.09375],
        [0.40625, 0.90625, 0.28125, 0.09375, 0.59375],
        [0.28125, 0.28125, 0.15625, 0.21875, 0.71875],
        [0.78125, 0.78125, 0.65625, 0.71875, 0.21875],
        [0.53125, 0.03125, 0.40625, 0.46875, 0.46875],
        [0.03125, 0.53125, 0.90625, 0.96875, 0.96875],
    ];

    // Boost.Random test/sobol_validate.cpp, table sobol_16_100: 16 dimensions, "vectors skipped: 127", produced by Joe
    // & Kuo's sobol.cc with new-joe-kuo-6.21201 (Boost's generator starts at point 1, so row t is point 128 + t). The
    // rows below are the table's rows 0 to 3 and its last row, 99 (point 227).
    private static readonly (long Index, double[] Point)[] BoostSobol16 =
    [
        (128, [0.0117187500, 0.3320312500, 0.2929687500, 0.1914062500, 0.9023437500, 0.6757812500, 0.8632812500, 0.2460937500, 0.1054687500, 0.8164062500, 0.7382812500, 0.7382812500, 0.8164062500, 0.8789062500, 0.0273437500, 0.7617187500]),
        (129, [0.5117187500, 0.8320312500, 0.7929687500, 0.6914062500, 0.4023437500, 0.1757812500, 0.3632812500, 0.7460937500, 0.6054687500, 0.3164062500, 0.2382812500, 0.2382812500, 0.3164062500, 0.3789062500, 0.5273437500, 0.2617187500]),
        (130, [0.7617187500, 0.0820312500, 0.0429687500, 0.4414062500, 0.1523437500, 0.4257812500, 0.6132812500, 0.9960937500, 0.8554687500, 0.0664062500, 0.4882812500, 0.4882812500, 0.5664062500, 0.6289062500, 0.7773437500, 0.5117187500]),
        (131, [0.2617187500, 0.5820312500, 0.5429687500, 0.9414062500, 0.6523437500, 0.9257812500, 0.1132812500, 0.4960937500, 0.3554687500, 0.5664062500, 0.9882812500, 0.9882812500, 0.0664062500, 0.1289062500, 0.2773437500, 0.0117187500]),
        (227, [0.2851562500, 0.7148437500, 0.9257812500, 0.6679687500, 0.1445312500, 0.4492187500, 0.4804687500, 0.8945312500, 0.0976562500, 0.5117187500, 0.4179687500, 0.1992187500, 0.0429687500, 0.3554687500, 0.4570312500, 0.6132812500]),
    ];

    [Fact]
    public void GetPoint_First32PointsDimensions1To5_MatchPublishedValues()
    {
        var sequence = new SobolSequence(5);
        var point = new double[5];

        sequence.GetPoint(0, point);
        Assert.Equal(new double[5], point); // the origin: SciPy's TestSobol.unscramble_nd row 0, Joe & Kuo's point 0

        for (int i = 0; i < TensorFlowPoints1To31.Length; i++)
        {
            sequence.GetPoint(i + 1, point);
            Assert.Equal(TensorFlowPoints1To31[i], point); // dyadic rationals: exact
        }
    }

    [Fact]
    public void GetPoint_Points128To227In16Dimensions_MatchBoostSobolCcTable()
    {
        var sequence = new SobolSequence(16);
        var point = new double[16];
        foreach ((long index, double[] expected) in BoostSobol16)
        {
            sequence.GetPoint(index, point);
            for (int d = 0; d < 16; d++)
            {
                Assert.Equal(expected[d], point[d], 1e-12);
            }
        }
    }

    [Fact]
    public void GetPoint_PointOne_IsOneHalfInAllThousandDimensions()
    {
        // SciPy test_qmc.py TestSobol.test_high_dim: point 1 is 0.5 in every dimension (1111 there).
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var point = new double[SobolSequence.MaxDimensions];
        sequence.GetPoint(1, point);
        Assert.All(point, x => Assert.Equal(0.5, x));
        sequence.GetPoint(0, point);
        Assert.All(point, x => Assert.Equal(0.0, x));
    }

    [Theory]
    // Lines of Joe & Kuo's new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), copied here by hand:
    // "d s a m_1 ... m_s". Below 2^s points only m_1..m_s enter (no recurrence), so the points follow from the
    // definition x_i = XOR over the set bits j of gray(i) of m_(j+1) / 2^(j+1).
    [InlineData(100, 9, new[] { 1, 1, 5, 5, 11, 5, 45, 117, 217 })]
    [InlineData(298, 11, new[] { 1, 3, 7, 9, 25, 5, 105, 69, 81, 943, 1459 })]
    [InlineData(1000, 13, new[] { 1, 1, 3, 9, 3, 3, 105, 201, 373, 877, 919, 1263, 6649 })]
    public void GetPoint_HighDimension_MatchesPublishedInitialDirectionNumbers(int dimension, int degree, int[] m)
    {
        var sequence = new SobolSequence(dimension);
        var point = new double[dimension];
        long count = 1L << degree;
        for (long i = 0; i < count; i += i < 64 ? 1 : 37)
        {
            long gray = i ^ (i >> 1);
            long bits = 0;
            for (int j = 0; j < degree; j++)
            {
                if (((gray >> j) & 1) != 0)
                {
                    bits ^= (long)m[j] << (degree - 1 - j);
                }
            }

            double expected = bits / (double)count;
            sequence.GetPoint(i, point);
            Assert.Equal(expected, point[dimension - 1]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(500)]
    [InlineData(SobolSequence.MaxDimensions)]
    public void GetPoint_First2PowMPoints_ArePermutationOfDyadicGrid(int dimension)
    {
        // Sobol' (1967): each one-dimensional projection of the first 2^m points is {0, 1, ..., 2^m - 1} / 2^m.
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var point = new double[SobolSequence.MaxDimensions];
        foreach (int m in new[] { 1, 4, 10 })
        {
            int n = 1 << m;
            var seen = new bool[n];
            for (long i = 0; i < n; i++)
            {
                sequence.GetPoint(i, point);
                double scaled = point[dimension - 1] * n;
                int cell = (int)scaled;
                Assert.Equal(cell, scaled); // a multiple of 2^-m
                Assert.False(seen[cell], $"dimension {dimension}, m = {m}: {cell}/{n} repeats at point {i}");
                seen[cell] = true;
            }
        }
    }

    [Fact]
    public void GetPoint_LastIndex_IsInUnitInterval()
    {
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var point = new double[SobolSequence.MaxDimensions];
        sequence.GetPoint(SobolSequence.MaxPoints - 1, point);
        Assert.All(point, x => Assert.InRange(x, 0.0, 1.0 - Math.Pow(2, -32)));
        Assert.Equal(Math.Pow(2, -32), point[0]); // gray(2^32 - 1) = 2^31: only V_32 = 2^-32 in dimension 1
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SobolSequence.MaxDimensions + 1)]
    public void Constructor_DimensionsOutOfRange_Throws(int dimensions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(dimensions));

    [Theory]
    [InlineData(-1L)]
    [InlineData(SobolSequence.MaxPoints)]
    [InlineData(long.MaxValue)]
    public void GetPoint_IndexOutOfRange_Throws(long index)
    {
        var sequence = new SobolSequence(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.GetPoint(index, new double[3]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void GetPoint_WrongLength_Throws(int length)
    {
        var sequence = new SobolSequence(3);
        var ex = Assert.Throws<ArgumentException>(() => sequence.GetPoint(0, new double[length]));
        Assert.Equal("point", ex.ParamName);
    }

    [Fact]
    public void Dimensions_IsConstructorArgument() => Assert.Equal(42, new SobolSequence(42).Dimensions);
}
