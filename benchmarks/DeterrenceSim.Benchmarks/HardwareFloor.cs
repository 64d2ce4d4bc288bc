using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace DeterrenceSim.Benchmarks;

/// <summary>
/// The cheapest way this benchmark's author could draw a peaceful round's variates on this machine (issue 16): two
/// standard normals of 52-bit uniforms, counter-keyed (so results would not depend on threads), on the widest vectors
/// the machine has (eight lanes with AVX-512, else four). The same algorithm as the engine's (SplitMix64 finaliser,
/// fdlibm's logarithm, Box-Muller with Taylor sine and cosine on a quadrant), only wider: <see cref="RandomFloor"/>
/// measures the library's four lanes; the difference is what wider vectors would give the engine. Written here, not
/// taken from the library, because it is a measurement of the machine.
/// </summary>
[MemoryDiagnoser]
public class HardwareFloor
{
    private const int Rounds = 1 << 20;
    private const int Batch = 1024;
    private readonly double[] _challenger = new double[Batch];
    private readonly double[] _defender = new double[Batch];

    /// <summary>Gets whether this machine has 512-bit vectors (else the benchmark draws four lanes).</summary>
    public static bool Wide => Vector512.IsHardwareAccelerated;

    /// <summary>Two normals per round, eight (or four) rounds a step, in batches of 1,024 rounds.</summary>
    /// <returns>A sum of the variates, so the work is not eliminated.</returns>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public double PeaceRound()
    {
        double sum = 0;
        ulong state = 0x9E3779B97F4A7C15UL;
        for (long first = 0; first < Rounds; first += Batch)
        {
            state = Wide ? Fill512(state, _challenger, _defender) : Fill256(state, _challenger, _defender);
            sum += _challenger[0] + _defender[Batch - 1];
        }

        return sum;
    }

    private static ulong Fill512(ulong start, double[] challenger, double[] defender)
    {
        const ulong gamma = 0x9E3779B97F4A7C15UL;
        var g = Vector512.Create(gamma);
        var state = Vector512.Create(start) + (Vector512.Create(0UL, 2, 4, 6, 8, 10, 12, 14) * g);
        var step = Vector512.Create(unchecked(16 * gamma));
        for (int i = 0; i < Batch; i += 8)
        {
            Pair(Mix(state), Mix(state + g), out var c, out var d);
            c.StoreUnsafe(ref challenger[i]);
            d.StoreUnsafe(ref defender[i]);
            state += step;
        }

        return state.ToScalar();
    }

    private static ulong Fill256(ulong start, double[] challenger, double[] defender)
    {
        // Without AVX-512: the library's own four lanes (RandomStreams.FillShocks draws the same way).
#if DETERRENCESIM_BASELINE
        throw new NotSupportedException("A baseline build before issue 16 has no RandomStreams.FillShocks.");
#else
        DeterrenceSim.Engine.RandomStreams.FillShocks(start, 0, challenger, defender);
        return start + 1;
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> x)
    {
        var z = x + Vector512.Create(0x9E3779B97F4A7C15UL);
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair(Vector512<ulong> first, Vector512<ulong> second, out Vector512<double> cosine, out Vector512<double> sine)
    {
        var one = Vector512.Create(0x3FF0000000000000UL);
        var mantissa = Vector512.Create(0x000FFFFFFFFFFFFFUL);

        // ln u, u in (0, 1] (fdlibm e_log.c).
        var u = Vector512.Create(2.0) - ((first >>> 12) | one).AsDouble();
        var bits = u.AsUInt64();
        var m = ((bits & mantissa) | one).AsDouble();
        var big = Vector512.GreaterThan(m, Vector512.Create(1.41421356237309504880));
        m = Vector512.ConditionalSelect(big, m * Vector512.Create(0.5), m);
        var k = ((bits >>> 52) | Vector512.Create(0x4330000000000000UL)).AsDouble() - Vector512.Create(4503599627370496.0 + 1023.0)
            + (big.AsDouble() & Vector512.Create(1.0));
        var f = m - Vector512.Create(1.0);
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector512.Create(3.999999999940941908e-01) + (w * (Vector512.Create(2.222219843214978396e-01) + (w * Vector512.Create(1.531383769920937332e-01)))));
        var t2 = z * (Vector512.Create(6.666666666666735130e-01) + (w * (Vector512.Create(2.857142874366239149e-01)
            + (w * (Vector512.Create(1.818357216161805012e-01) + (w * Vector512.Create(1.479819860511658591e-01)))))));
        var hfsq = Vector512.Create(0.5) * f * f;
        var log = (k * Vector512.Create(6.93147180369123816490e-01)) - ((hfsq - ((s * (hfsq + t2 + t1)) + (k * Vector512.Create(1.90821492927058770002e-10)))) - f);
        var radius = Vector512.Sqrt(Vector512.Create(-2.0) * log);

        // The angle: a quadrant and φ in [−π/4, π/4).
        var phi = ((((second >>> 10) & mantissa) | one).AsDouble() - Vector512.Create(1.5)) * Vector512.Create(Math.PI / 2);
        var p2 = phi * phi;
        var sin = Vector512.Create(-1.0 / 1307674368000) + (p2 * Vector512.Create(1.0 / 355687428096000));
        sin = Vector512.Create(1.0 / 6227020800) + (p2 * sin);
        sin = Vector512.Create(-1.0 / 39916800) + (p2 * sin);
        sin = Vector512.Create(1.0 / 362880) + (p2 * sin);
        sin = Vector512.Create(-1.0 / 5040) + (p2 * sin);
        sin = Vector512.Create(1.0 / 120) + (p2 * sin);
        sin = Vector512.Create(-1.0 / 6) + (p2 * sin);
        sin = phi + (phi * p2 * sin);
        var cos = Vector512.Create(-1.0 / 87178291200) + (p2 * Vector512.Create(1.0 / 20922789888000));
        cos = Vector512.Create(1.0 / 479001600) + (p2 * cos);
        cos = Vector512.Create(-1.0 / 3628800) + (p2 * cos);
        cos = Vector512.Create(1.0 / 40320) + (p2 * cos);
        cos = Vector512.Create(-1.0 / 720) + (p2 * cos);
        cos = Vector512.Create(1.0 / 24) + (p2 * cos);
        cos = Vector512.Create(-0.5) + (p2 * cos);
        cos = Vector512.Create(1.0) + (p2 * cos);
        var quadrant = second >>> 62;
        var odd = Vector512.Equals(quadrant & Vector512.Create(1UL), Vector512.Create(1UL)).AsDouble();
        var a = Vector512.ConditionalSelect(odd, sin, cos);
        var b = Vector512.ConditionalSelect(odd, cos, sin);
        cosine = radius * (a.AsUInt64() ^ (((quadrant + Vector512.Create(1UL)) & Vector512.Create(2UL)) << 62)).AsDouble();
        sine = radius * (b.AsUInt64() ^ ((quadrant & Vector512.Create(2UL)) << 62)).AsDouble();
    }
}
