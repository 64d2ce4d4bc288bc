namespace DeterrenceSim.Calibration;

/// <summary>
/// The weighted quantile of pyABC (<c>weighted_statistics.weighted_quantile</c>): values sorted ascending, the i-th
/// placed at its cumulative weight less half its own, Pᵢ = (Σ_{j≤i} wⱼ − wᵢ / 2) / Σ w, and the α-quantile read by linear
/// interpolation between those points, clamped to the smallest and largest value. With equal weights it is definition 5
/// of Hyndman &amp; Fan (1996, The American Statistician 50(4):361-365), Pᵢ = (i − ½) / n.
/// </summary>
internal static class WeightedQuantile
{
    /// <summary>The weighted α-quantile.</summary>
    /// <param name="values">The values; finite, at least one.</param>
    /// <param name="weights">Their weights; ≥ 0, positive sum, as many as the values.</param>
    /// <param name="alpha">The probability α. Range: [0, 1].</param>
    /// <returns>The quantile, between the smallest and largest value.</returns>
    public static double Of(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double alpha)
    {
        int n = values.Length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Ties broken by index, so the order (and the result) depends only on the inputs.
        double[] copy = values.ToArray();
        Array.Sort(order, (a, b) => copy[a] != copy[b] ? copy[a].CompareTo(copy[b]) : a.CompareTo(b));
        double total = 0;
        foreach (int i in order)
        {
            total += weights[i];
        }

        double cumulative = 0;
        double previousPosition = double.NaN;
        double previousValue = double.NaN;
        for (int r = 0; r < n; r++)
        {
            int i = order[r];
            cumulative += weights[i];
            double position = (cumulative - (weights[i] / 2)) / total;
            if (position >= alpha)
            {
                if (r == 0 || position == previousPosition)
                {
                    return values[i];
                }

                return previousValue + ((alpha - previousPosition) / (position - previousPosition) * (values[i] - previousValue));
            }

            previousPosition = position;
            previousValue = values[i];
        }

        return previousValue;
    }
}
