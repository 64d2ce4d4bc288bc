using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeterrenceSim.Engine;

/// <summary>
/// The engine's random variates and elementary functions on four lanes at once (issue 16): the SplitMix64 finaliser,
/// the logarithm of fdlibm (Sun Microsystems 1993, e_log.c; under 1 ulp), the logistic with fdlibm's exponential
/// (e_exp.c) folded into one division (within 3 ulp), and Box-Muller normal pairs whose angle is reduced to a quadrant and a sine and cosine on [−π/4, π/4) by Taylor
/// polynomials (truncation below 5e-17). Every function is written with the basic IEEE operations only (+, −, ×, ÷,
/// √, bit operations, exact conversions), never a fused multiply-add or a library call, so a lane gives the same bits
/// on every machine and vector width, and the scalar forms (one lane of the same code) give the bits of the batched
/// engine: a round played alone (a run over periods, a paired contrast) equals the same round played in a batch.
/// No call is made inside these functions, so loops over them keep their state in registers (on Linux x64 a call spills
/// every vector register; .NET 10's Vector256.Exp and Log are not inlined).
/// </summary>
internal static class VectorMath
{
    /// <summary>The SplitMix64 increment γ, the golden ratio in 64 bits.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private const ulong OneBits = 0x3FF0000000000000UL; // 1.0
    private const ulong MantissaMask = 0x000FFFFFFFFFFFFFUL;
    private const ulong TwoTo52Bits = 0x4330000000000000UL; // 2^52
    private const double TwoTo52 = 4503599627370496.0;
    private const double RoundingShift = 6755399441055744.0; // 1.5 × 2^52: adding it rounds to an integer

    // fdlibm's ln 2 in two parts, and its constants of log(1 + f) and exp(r).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double P1 = 1.66666666666666019037e-01;
    private const double P2 = -2.77777777770155933842e-03;
    private const double P3 = 6.61375632143793436117e-05;
    private const double P4 = -1.65339022054652515390e-06;
    private const double P5 = 4.13813679705723846039e-08;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>The exponential's argument is kept inside ±700, where 2^k stays a normal number (e^±700 ≈ 1e±304).</summary>
    private const double ExpLimit = 700;

    /// <summary>The SplitMix64 finaliser of (x + γ) on four words: <see cref="SplitMix64.Mix"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        var z = x + Vector256.Create(Gamma);
        z = (z ^ (z >>> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    /// <summary>ln x for x in [2^-1022, ∞) (normal numbers; the engine passes (0, 1] uniforms of 52 bits), by fdlibm's
    /// reduction x = 2^k m, m in [√2/2, √2), and its degree-14 polynomial in s = f / (2 + f), f = m − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsUInt64();
        var m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble(); // [1, 2)
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);

        // The biased exponent as a double, exactly: 2^52 + e read as a double, minus 2^52.
        var exponent = ((bits >>> 52) | Vector256.Create(TwoTo52Bits)).AsDouble() - Vector256.Create(TwoTo52);
        var k = exponent - Vector256.Create(1023.0) + (big.AsDouble() & Vector256.Create(1.0));

        var f = m - Vector256.Create(1.0);
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(Lg2) + (w * (Vector256.Create(Lg4) + (w * Vector256.Create(Lg6)))));
        var t2 = z * (Vector256.Create(Lg1) + (w * (Vector256.Create(Lg3) + (w * (Vector256.Create(Lg5) + (w * Vector256.Create(Lg7)))))));
        var r = t2 + t1;
        var hfsq = Vector256.Create(0.5) * f * f;
        return (k * Vector256.Create(Ln2Hi)) - ((hfsq - ((s * (hfsq + r)) + (k * Vector256.Create(Ln2Lo)))) - f);
    }

    /// <summary>
    /// The logistic function 1 / (1 + e^−x) on four lanes with one division: fdlibm's reduction of −x (clamped to ±700) to
    /// k ln 2 + r, |r| ≤ ln 2 / 2, and its rational form e^r = (2 + 2r − c) / (2 − c), c = r − r²P(r²) (e_exp.c), give
    /// e^−x = 2^k N / D and the logistic D / (D + 2^k N) (fdlibm divides twice: once inside exp, once for 1 / (1 + e)).
    /// Within 3 ulp of the exact value for x in [−700, ∞) (measured worst over 200,000 arguments against 200-bit mpmath:
    /// 2.6 ulp; the two-division form: 2.3); below −700 the value at −700, 9.9e-305; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Logistic(Vector256<double> x)
    {
        // Comparisons with NaN are false: a NaN argument stays NaN through the polynomial.
        var y = -x;
        y = Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256.Create(ExpLimit)), Vector256.Create(ExpLimit), y);
        y = Vector256.ConditionalSelect(Vector256.LessThan(y, Vector256.Create(-ExpLimit)), Vector256.Create(-ExpLimit), y);
        var shifted = (y * Vector256.Create(InvLn2)) + Vector256.Create(RoundingShift);
        var k = shifted - Vector256.Create(RoundingShift); // round(y / ln 2), exactly an integer
        var r = (y - (k * Vector256.Create(Ln2Hi))) - (k * Vector256.Create(Ln2Lo));
        var t = r * r;
        var c = r - (t * (Vector256.Create(P1) + (t * (Vector256.Create(P2) + (t * (Vector256.Create(P3) + (t * (Vector256.Create(P4) + (t * Vector256.Create(P5))))))))));
        var denominator = Vector256.Create(2.0) - c;
        var numerator = Vector256.Create(2.0) + ((r + r) - c); // in [1.6, 2.4]

        // Times 2^k: add k to the exponent field (k is in [-1010, 1010], so 2^k N stays normal).
        var kBits = shifted.AsUInt64() - Vector256.Create(0x4338000000000000UL); // k as a two's-complement integer
        var scaled = (numerator.AsUInt64() + (kBits << 52)).AsDouble();
        return denominator / (denominator + scaled);
    }

    /// <summary>Four uniforms in [0, 1) with 53 bits from four words, as <see cref="SplitMix64.NextDouble"/>: (w ≫ 11) 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Uniform(Vector256<ulong> words) =>
        Vector256.ConvertToDouble((words >>> 11).AsInt64()) * Vector256.Create(1.0 / (1UL << 53));

    /// <summary>
    /// Box-Muller normal pairs (Box &amp; Muller 1958) from two words per lane: the radius √(−2 ln u) from u in (0, 1]
    /// (52 bits of the first word: u = 2 − (1 + w₁ ≫ 12 · 2^-52), so at most 8.5 standard deviations), the angle
    /// θ = q π/2 + φ from the second word's top two bits (the quadrant q) and 52 further bits (φ uniform on
    /// [−π/4, π/4)); (r cos θ, r sin θ) are two independent standard normals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NormalPair(Vector256<ulong> first, Vector256<ulong> second, out Vector256<double> cosine, out Vector256<double> sine)
    {
        var one = Vector256.Create(OneBits);
        var u = Vector256.Create(2.0) - ((first >>> 12) | one).AsDouble(); // (0, 1], exact
        var radius = Vector256.Sqrt(Vector256.Create(-2.0) * Log(u));

        var fraction = (((second >>> 10) & Vector256.Create(MantissaMask)) | one).AsDouble(); // [1, 2)
        var phi = (fraction - Vector256.Create(1.5)) * Vector256.Create(Math.PI / 2); // [−π/4, π/4)
        var z = phi * phi;

        // Taylor polynomials of sin and cos on |φ| ≤ π/4: the first omitted terms are below 5e-17.
        // Horner in z = φ²: sin φ = φ (1 − z/3! + z²/5! − ... + z⁸/17!), cos φ = 1 − z/2! + ... + z⁸/16!.
        var sin = Vector256.Create(-1.0 / 1307674368000) + (z * Vector256.Create(1.0 / 355687428096000));
        sin = Vector256.Create(1.0 / 6227020800) + (z * sin);
        sin = Vector256.Create(-1.0 / 39916800) + (z * sin);
        sin = Vector256.Create(1.0 / 362880) + (z * sin);
        sin = Vector256.Create(-1.0 / 5040) + (z * sin);
        sin = Vector256.Create(1.0 / 120) + (z * sin);
        sin = Vector256.Create(-1.0 / 6) + (z * sin);
        sin = phi + (phi * z * sin);
        var cos = Vector256.Create(-1.0 / 87178291200) + (z * Vector256.Create(1.0 / 20922789888000));
        cos = Vector256.Create(1.0 / 479001600) + (z * cos);
        cos = Vector256.Create(-1.0 / 3628800) + (z * cos);
        cos = Vector256.Create(1.0 / 40320) + (z * cos);
        cos = Vector256.Create(-1.0 / 720) + (z * cos);
        cos = Vector256.Create(1.0 / 24) + (z * cos);
        cos = Vector256.Create(-0.5) + (z * cos);
        cos = Vector256.Create(1.0) + (z * cos);

        // Rotate by q quarter turns: q = 1 gives (−sin φ, cos φ), q = 2 (−cos φ, −sin φ), q = 3 (sin φ, −cos φ).
        var quadrant = second >>> 62;
        var odd = Vector256.Equals(quadrant & Vector256.Create(1UL), Vector256.Create(1UL)).AsDouble();
        var a = Vector256.ConditionalSelect(odd, sin, cos);
        var b = Vector256.ConditionalSelect(odd, cos, sin);
        var cosineSign = ((quadrant + Vector256.Create(1UL)) & Vector256.Create(2UL)) << 62;
        var sineSign = (quadrant & Vector256.Create(2UL)) << 62;
        cosine = radius * (a.AsUInt64() ^ cosineSign).AsDouble();
        sine = radius * (b.AsUInt64() ^ sineSign).AsDouble();
    }

    // ScalarNote: the one-number forms of Log and NormalPair are never inlined (Exp and Logistic are plain scalar code).
    // They run the 256-bit code, and a method that does leaves the upper halves of the vector registers in use until its
    // epilogue's vzeroupper; inlined into a caller that then calls the C library's log or exp (Math.Log, Math.Pow), every
    // such call paid the SSE/AVX transition (measured: a period of a run took 9.4 us against 5.0). As calls of their own
    // they return with the registers clean.

    /// <summary>The four lanes' states of pairs 0 to 3 of a stream from <paramref name="state"/>: pair i takes words 2i
    /// and 2i + 1 (the radius, then the angle), as <see cref="SplitMix64.NextNormalPair"/> draws them in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> PairStates(ulong state) =>
        Vector256.Create(state) + (Vector256.Create(0UL, 2, 4, 6) * Vector256.Create(Gamma));

    /// <summary>The four pairs at <paramref name="states"/> (<see cref="PairStates"/>), which then move on to the next four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NextNormalPairs(ref Vector256<ulong> states, out Vector256<double> cosine, out Vector256<double> sine)
    {
        NormalPair(Mix(states), Mix(states + Vector256.Create(Gamma)), out cosine, out sine);
        states += Vector256.Create(unchecked(8 * Gamma));
    }

    /// <summary>ln x of one number: lane 0 of <see cref="Log(Vector256{double})"/>, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // see ScalarNote
    public static double Log(double x) => Log(Vector256.Create(x)).ToScalar();

    /// <summary>The logistic of one number: lane 0 of <see cref="Logistic(Vector256{double})"/>, bit for bit (the same
    /// operations in scalar form: the logistic of one number is the engine's most frequent call outside the batches).</summary>
    public static double Logistic(double x)
    {
        // The operations of the four-lane form, in its order, on one number (no 256-bit code: see ScalarNote).
        double y = -x;
        y = y > ExpLimit ? ExpLimit : y;
        y = y < -ExpLimit ? -ExpLimit : y;
        double shifted = (y * InvLn2) + RoundingShift;
        double k = shifted - RoundingShift;
        double r = (y - (k * Ln2Hi)) - (k * Ln2Lo);
        double t = r * r;
        double c = r - (t * (P1 + (t * (P2 + (t * (P3 + (t * (P4 + (t * P5)))))))));
        double denominator = 2.0 - c;
        double numerator = 2.0 + ((r + r) - c);
        ulong kBits = BitConverter.DoubleToUInt64Bits(shifted) - 0x4338000000000000UL;
        double scaled = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(numerator) + (kBits << 52));
        return denominator / (denominator + scaled);
    }

    /// <summary>One Box-Muller pair: lane 0 of <see cref="NormalPair(Vector256{ulong}, Vector256{ulong}, out Vector256{double}, out Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // see ScalarNote
    public static void NormalPair(ulong first, ulong second, out double cosine, out double sine)
    {
        NormalPair(Vector256.Create(first), Vector256.Create(second), out var c, out var s);
        cosine = c.ToScalar();
        sine = s.ToScalar();
    }
}
