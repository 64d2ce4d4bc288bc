using System.Globalization;

namespace DeterrenceSim.Experiments;

/// <summary>
/// The Saltelli design for Sobol' sensitivity indices (Saltelli et al. 2010, "Variance based sensitivity analysis of
/// model output. Design and estimator for the total sensitivity index", Computer Physics Communications 181:259-270),
/// laid out as <see cref="SobolAnalysis"/> reads it.
/// </summary>
/// <remarks>
/// <para>
/// With k factors and N base samples, the base rows are points 0 to N - 1 of a 2k-dimensional
/// <see cref="SobolSequence"/>, the origin included and nothing skipped (Owen 2020, "On dropping the first Sobol'
/// point", arXiv:2008.08051); N a power of two keeps the sequence's balance. For base row r, A_r is coordinates
/// [0, k) and B_r is coordinates [k, 2k).
/// </para>
/// <para>
/// The design has N(k + 2) points. For each row r in order it evaluates k + 2 points: A_r, then AB_r^(1) to
/// AB_r^(k) (A_r with coordinate i taken from B_r), then B_r. Design point p = r(k + 2) + j is A_r for j = 0,
/// AB_r^(j) for j = 1 to k, and B_r for j = k + 1; the model outputs go to <see cref="SobolAnalysis.Analyze"/> as a
/// flat array in that same order.
/// </para>
/// <para>
/// Coordinates are in the unit hypercube [0, 1)^k: map each to its factor's distribution (for example by the
/// inverse CDF) before evaluating the model.
/// </para>
/// </remarks>
public static class SaltelliSampling
{
    /// <summary>The largest number of factors: the sequence needs 2k dimensions.</summary>
    public const int MaxFactors = SobolSequence.MaxDimensions / 2;

    /// <summary>The number of design points, N(k + 2).</summary>
    /// <param name="baseSamples">The number of base rows N, 1 to <see cref="SobolSequence.MaxPoints"/>.</param>
    /// <param name="factors">The number of factors k, 1 to <see cref="MaxFactors"/>.</param>
    /// <returns>N(k + 2).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseSamples"/> or <paramref name="factors"/> is out of range.</exception>
    /// <exception cref="OverflowException">The product does not fit in a <see cref="long"/> (it cannot within the ranges above).</exception>
    public static long PointCount(long baseSamples, int factors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseSamples, SobolSequence.MaxPoints);
        ValidateFactors(factors);
        return checked(baseSamples * (factors + 2L));
    }

    /// <summary>
    /// Writes the unit-hypercube coordinates of design point <paramref name="pointIndex"/> (see the remarks for the
    /// layout) into <paramref name="unit"/>. Allocates nothing.
    /// </summary>
    /// <param name="sequence">The base sequence, with exactly 2 · <paramref name="factors"/> dimensions.</param>
    /// <param name="factors">The number of factors k, 1 to <see cref="MaxFactors"/>.</param>
    /// <param name="pointIndex">
    /// The design point p = r(k + 2) + j, 0 ≤ p &lt; <see cref="SobolSequence.MaxPoints"/> · (k + 2): base row
    /// r = p / (k + 2), and j selects A_r (0), AB_r^(j) (1 to k) or B_r (k + 1).
    /// </param>
    /// <param name="unit">Receives the k coordinates, each in [0, 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="sequence"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factors"/> or <paramref name="pointIndex"/> is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// The sequence does not have 2 · <paramref name="factors"/> dimensions, or <paramref name="unit"/> does not have
    /// <paramref name="factors"/> elements.
    /// </exception>
    public static void GetUnitPoint(SobolSequence sequence, int factors, long pointIndex, Span<double> unit)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ValidateFactors(factors);
        if (sequence.Dimensions != 2 * factors)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The sequence has {sequence.Dimensions} dimensions; {factors} factors need {2 * factors}."),
                nameof(sequence));
        }

        if (unit.Length != factors)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The point has {unit.Length} coordinates; the design has {factors} factors."),
                nameof(unit));
        }

        long perRow = factors + 2L;
        ArgumentOutOfRangeException.ThrowIfNegative(pointIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pointIndex, SobolSequence.MaxPoints * perRow);
        long row = Math.DivRem(pointIndex, perRow, out long j);
        for (int i = 0; i < factors; i++)
        {
            // A_r takes coordinate i, B_r takes coordinate k + i, AB_r^(j) takes B's coordinate only where i = j - 1.
            bool fromB = j == factors + 1 || j == i + 1;
            unit[i] = sequence.GetCoordinate(row, fromB ? factors + i : i);
        }
    }

    private static void ValidateFactors(int factors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(factors, MaxFactors);
    }
}
