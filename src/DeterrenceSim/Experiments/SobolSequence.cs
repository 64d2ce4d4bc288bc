using System.Globalization;
using System.Numerics;

namespace DeterrenceSim.Experiments;

/// <summary>
/// The unscrambled Sobol' low-discrepancy sequence in the unit hypercube [0, 1)^d (Sobol' 1967, "On the distribution
/// of points in a cube and the approximate evaluation of integrals", USSR Comput. Math. Math. Phys. 7:86-112) with the
/// direction numbers of Joe &amp; Kuo (2008), "Constructing Sobol sequences with better two-dimensional projections",
/// SIAM J. Sci. Comput. 30:2635-2654, file <c>new-joe-kuo-6.21201</c> (the set behind SciPy's
/// <c>scipy.stats.qmc.Sobol</c>). The first <see cref="MaxDimensions"/> dimensions are embedded: dimension 1 is the
/// van der Corput sequence in base 2, dimensions 2 to 1000 are the first 999 lines of the file.
/// </summary>
/// <remarks>
/// <para>
/// Points are in Gray-code order, the order of Joe &amp; Kuo's own generator <c>sobol.cc</c> and of
/// <c>scipy.stats.qmc.Sobol(d, scramble=False).random(n)</c>: point 0 is the origin, point 1 is (0.5, ..., 0.5),
/// point 2 is (0.75, 0.25, ...). Point i is the XOR of the 32-bit direction numbers V_j of the set bits j of
/// gray(i) = i XOR (i &gt;&gt; 1), divided by 2^32, so every coordinate is a multiple of 2^-32 in [0, 1) and is exact
/// in a <see cref="double"/>. Any point can be computed directly (random access); the first 2^m points of every
/// dimension are a permutation of {0, 1/2^m, ..., (2^m - 1)/2^m}.
/// </para>
/// <para>
/// The origin is kept as point 0: dropping it spoils the balance of the first 2^m points (Owen 2020, "On dropping
/// the first Sobol' point", arXiv:2008.08051). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>The largest number of dimensions supported: the dimensions whose direction numbers are embedded.</summary>
    public const int MaxDimensions = 1000;

    /// <summary>
    /// The number of distinct points, 2^32: the direction numbers have 32 bits, so point indices run over
    /// [0, <see cref="MaxPoints"/>).
    /// </summary>
    public const long MaxPoints = 1L << Bits;

    private const int Bits = 32;
    private const double Unit = 1.0 / (1L << Bits);
    private const string ResourceName = "DeterrenceSim.Experiments.new-joe-kuo-6.21201-1000.txt";

    // Bits direction numbers per dimension, dimension-major: V_j of dimension d (0-based) at [d * Bits + j], with
    // V_j = m_(j+1) * 2^(31 - j) in 32-bit fixed point (j = 0 is the most significant bit).
    private static readonly Lazy<uint[]> Directions = new(LoadDirections, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly uint[] _directions;

    /// <summary>Initializes a new instance of the <see cref="SobolSequence"/> class.</summary>
    /// <param name="dimensions">The number of coordinates of each point, 1 to <see cref="MaxDimensions"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is outside 1 to <see cref="MaxDimensions"/>.</exception>
    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _directions = Directions.Value;
    }

    /// <summary>Gets the number of coordinates of each point, 1 to <see cref="MaxDimensions"/>.</summary>
    public int Dimensions { get; }

    /// <summary>
    /// Writes point <paramref name="index"/> of the sequence (0-based, Gray-code order) into <paramref name="point"/>.
    /// Allocates nothing.
    /// </summary>
    /// <param name="index">The point's index, in [0, <see cref="MaxPoints"/>).</param>
    /// <param name="point">Receives the <see cref="Dimensions"/> coordinates, each a multiple of 2^-32 in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="MaxPoints"/>).</exception>
    /// <exception cref="ArgumentException">The length of <paramref name="point"/> is not <see cref="Dimensions"/>.</exception>
    public void GetPoint(long index, Span<double> point)
    {
        ValidateIndex(index);
        if (point.Length != Dimensions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The point has {point.Length} coordinates; the sequence has {Dimensions} dimensions."),
                nameof(point));
        }

        ulong gray = Gray(index);
        for (int d = 0; d < point.Length; d++)
        {
            point[d] = Coordinate(gray, d);
        }
    }

    /// <summary>One coordinate of point <paramref name="index"/>, without computing the others.</summary>
    /// <param name="index">The point's index, in [0, <see cref="MaxPoints"/>).</param>
    /// <param name="dimension">The 0-based dimension, in [0, <see cref="Dimensions"/>).</param>
    /// <returns>The coordinate, a multiple of 2^-32 in [0, 1).</returns>
    internal double GetCoordinate(long index, int dimension)
    {
        ValidateIndex(index);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Dimensions);
        return Coordinate(Gray(index), dimension);
    }

    private static void ValidateIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxPoints);
    }

    private static ulong Gray(long index) => (ulong)index ^ ((ulong)index >> 1);

    private double Coordinate(ulong gray, int dimension)
    {
        int offset = dimension * Bits;
        uint x = 0;
        for (ulong g = gray; g != 0; g &= g - 1)
        {
            x ^= _directions[offset + BitOperations.TrailingZeroCount(g)];
        }

        return x * Unit;
    }

    private static uint[] LoadDirections()
    {
        var directions = new uint[MaxDimensions * Bits];
        for (int j = 0; j < Bits; j++)
        {
            directions[j] = 1u << (Bits - 1 - j); // dimension 1: every m_j = 1, the van der Corput sequence
        }

        using var stream = typeof(SobolSequence).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        int dimension = 1; // dimensions read so far
        bool header = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (!header)
            {
                header = line.StartsWith('d');
                if (!header)
                {
                    throw Malformed(line, "the column header \"d s a m_i\" is missing");
                }

                continue;
            }

            if (dimension == MaxDimensions)
            {
                throw Malformed(line, $"more than {MaxDimensions} dimensions");
            }

            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                throw Malformed(line, "fewer than four fields");
            }

            int d = int.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture);
            int s = int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
            uint a = uint.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture);
            if (d != dimension + 1 || s < 1 || s >= Bits || fields.Length != 3 + s || a >= 1u << (s - 1))
            {
                throw Malformed(line, "the dimension, degree or coefficients do not fit");
            }

            Span<uint> v = directions.AsSpan(dimension * Bits, Bits);
            for (int i = 0; i < s; i++)
            {
                uint m = uint.Parse(fields[3 + i], NumberStyles.None, CultureInfo.InvariantCulture);
                if ((m & 1) == 0 || m >= 1u << (i + 1))
                {
                    throw Malformed(line, $"m_{i + 1} = {m} is not odd and below 2^{i + 1}");
                }

                v[i] = m << (Bits - 1 - i);
            }

            // Bratley & Fox (1988), as in Joe & Kuo's sobol.cc: V_i = V_(i-s) ^ (V_(i-s) >> s) ^ sum_k a_k V_(i-k).
            for (int i = s; i < Bits; i++)
            {
                uint vi = v[i - s] ^ (v[i - s] >> s);
                for (int k = 1; k < s; k++)
                {
                    if (((a >> (s - 1 - k)) & 1) != 0)
                    {
                        vi ^= v[i - k];
                    }
                }

                v[i] = vi;
            }

            dimension++;
        }

        if (dimension != MaxDimensions)
        {
            throw new InvalidOperationException($"The embedded resource {ResourceName} has {dimension} dimensions, not {MaxDimensions}.");
        }

        return directions;
    }

    private static InvalidOperationException Malformed(string line, string reason) =>
        new($"The embedded resource {ResourceName} is malformed ({reason}): \"{line}\".");
}
