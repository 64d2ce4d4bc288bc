using System.Runtime.Intrinsics;
using DeterrenceSim.Engine;

namespace DeterrenceSim.Tests.Engine;

/// <summary>The engine's own elementary functions (issue 16) against the runtime's, and the lanes against the scalars.</summary>
public class VectorMathTests
{
    private static IEnumerable<double> Arguments(double lower, double upper, int count, int seed)
    {
        var generator = new SplitMix64((ulong)seed);
        for (int i = 0; i < count; i++)
        {
            yield return lower + ((upper - lower) * generator.NextDouble());
        }
    }

    /// <summary>Relative error in units of 2^-52 (one ulp of numbers in [1, 2)).</summary>
    private static double Ulps(double value, double reference) => Math.Abs(value - reference) / Math.Abs(reference) / Math.Pow(2, -52);

    [Fact]
    public void Log_AcrossTheUniformsRange_WithinTwoUlpsOfMathLog()
    {
        double worst = 0;
        foreach (double x in Arguments(0, 1, 200_000, 1).Select(u => Math.Max(u, Math.Pow(2, -52))).Concat([Math.Pow(2, -52), 0.5, 1.0, 1e-300, 3.0, 1e10]))
        {
            worst = Math.Max(worst, x == 1.0 ? Math.Abs(VectorMath.Log(x)) : Ulps(VectorMath.Log(x), Math.Log(x)));
        }

        Assert.True(worst <= 2, $"worst error {worst} ulp");
        Assert.Equal(0.0, VectorMath.Log(1.0));
    }

    /// <summary>logistic(x) to 25 digits by mpmath at 200 bits (an oracle independent of the code under test).</summary>
    public static TheoryData<double, double> LogisticOracle => new()
    {
        { -700.0, 9.859676543759770856705373e-305 },
        { -600.5, 1.607546769793794238749898e-261 },
        { -36.76248707751797, 1.082068416982375432190298e-16 },
        { -20.0, 2.061153618190203581430862e-9 },
        { -5.547568213203995, 3.881795160609047024659966e-3 },
        { -1.0, 2.689414213699951207488408e-1 },
        { -0.001, 4.99750000020833331244796e-1 },
        { 1e-08, 5.000000025e-1 },
        { 0.3, 5.744425168116589844380388e-1 },
        { 2.5, 9.241418199787564488066938e-1 },
        { 17.0, 9.99999958600624526056694e-1 },
        { 36.7, 9.999999999999998848159051e-1 },
        { 40.0, 9.999999999999999957516457e-1 },
    };

    [Theory]
    [MemberData(nameof(LogisticOracle))]
    public void Logistic_AgainstMpmath_WithinThreeUlps(double x, double exact)
    {
        // Three units of the last place of the exact value (measured worst over 200,000 arguments: 2.6).
        double ulp = Math.BitIncrement(exact) - exact;
        Assert.True(Math.Abs(VectorMath.Logistic(x) - exact) <= 3 * ulp, $"logistic({x}) = {VectorMath.Logistic(x):R}, exact {exact:R}");
    }

    [Fact]
    public void Logistic_AtAndAwayFromZero_MatchesTheDefinition()
    {
        Assert.Equal(0.5, VectorMath.Logistic(0));
        foreach (double x in Arguments(-40, 40, 100_000, 4).Concat(Arguments(-700, 700, 100_000, 2)))
        {
            double reference = 1.0 / (1.0 + Math.Exp(-x));
            Assert.True(Ulps(VectorMath.Logistic(x), reference) <= 4, $"logistic({x})");
        }

        Assert.Equal(1.0, VectorMath.Logistic(1e6));
        Assert.Equal(VectorMath.Logistic(-700), VectorMath.Logistic(-1e6)); // the argument is kept inside ±700
        Assert.InRange(VectorMath.Logistic(-1e6), 0, 1e-300);
    }

    [Fact]
    public void NormalPair_AngleQuadrantsAndRadius_AreBoxMuller()
    {
        // The first word's top 52 bits set u = 2 - (1 + f); the second's top two bits the quadrant, the next 52 the angle.
        ulong half = 1UL << 63; // u = 2 - 1.5 = 0.5: radius sqrt(2 ln 2)
        double radius = Math.Sqrt(2 * Math.Log(2));
        ulong middle = 1UL << 61; // fraction 1.5: φ = 0
        for (ulong q = 0; q < 4; q++)
        {
            VectorMath.NormalPair(half, (q << 62) | middle, out double cos, out double sin);
            double theta = q * Math.PI / 2;
            Assert.Equal(radius * Math.Cos(theta), cos, 1e-15);
            Assert.Equal(radius * Math.Sin(theta), sin, 1e-15);
        }

        var generator = new SplitMix64(5);
        for (int i = 0; i < 10_000; i++)
        {
            ulong a = generator.NextUInt64(), b = generator.NextUInt64();
            VectorMath.NormalPair(a, b, out double x, out double y);
            double u = 2 - BitConverter.UInt64BitsToDouble((a >> 12) | 0x3FF0000000000000UL);
            double phi = (BitConverter.UInt64BitsToDouble(((b >> 10) & 0x000FFFFFFFFFFFFFUL) | 0x3FF0000000000000UL) - 1.5) * Math.PI / 2;
            double angle = ((b >> 62) * Math.PI / 2) + phi;
            double r = Math.Sqrt(-2 * Math.Log(u));
            Assert.Equal(r * Math.Cos(angle), x, 1e-13);
            Assert.Equal(r * Math.Sin(angle), y, 1e-13);
        }
    }

    [Fact]
    public void ScalarLogistic_GivesTheLanesBits_AcrossItsRange()
    {
        var generator = new SplitMix64(13);
        double[] edges = [0, -0.0, 1e-300, -1e-300, 700, -700, 700.0000001, -700.0000001, 1e308, -1e308, double.MaxValue, double.Epsilon];
        foreach (double x in edges.Concat(Enumerable.Range(0, 100_000).Select(_ => (generator.NextDouble() - 0.5) * 1600)))
        {
            var lanes = Vector256.Create(x, -x, x / 3, x * 1e-3);
            var logistic = VectorMath.Logistic(lanes);
            for (int lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(logistic[lane]), BitConverter.DoubleToInt64Bits(VectorMath.Logistic(lanes[lane])));
            }
        }

        Assert.True(double.IsNaN(VectorMath.Logistic(double.NaN)) && double.IsNaN(VectorMath.Logistic(Vector256.Create(double.NaN))[0]));
    }

    [Fact]
    public void Lanes_GiveTheScalarsBits()
    {
        var generator = new SplitMix64(11);
        for (int i = 0; i < 1_000; i++)
        {
            var words = Vector256.Create(generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64());
            var angles = Vector256.Create(generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64());
            var mixed = VectorMath.Mix(words);
            var x = Vector256.Create(-30.0 + (60 * generator.NextDouble()), -1e-3, 5.0, 700.5);
            VectorMath.NormalPair(words, angles, out var cos, out var sin);
            var logistic = VectorMath.Logistic(x);
            var uniform = VectorMath.Uniform(words);
            for (int lane = 0; lane < 4; lane++)
            {
                Assert.Equal(SplitMix64.Mix(words[lane]), mixed[lane]);
                VectorMath.NormalPair(words[lane], angles[lane], out double c, out double s);
                Assert.Equal(c, cos[lane]);
                Assert.Equal(s, sin[lane]);
                Assert.Equal(VectorMath.Logistic(x[lane]), logistic[lane]);
                Assert.Equal((words[lane] >> 11) * (1.0 / (1UL << 53)), uniform[lane]);
            }
        }
    }
}
