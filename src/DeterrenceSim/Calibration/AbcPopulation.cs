namespace DeterrenceSim.Calibration;

/// <summary>One generation's N particles of <see cref="AbcSmc"/>, as flat arrays: θ row-major (N × d), the normalised
/// weights, the distances, the statistics and the model keys.</summary>
internal sealed class AbcPopulation
{
    public AbcPopulation(int count, int dimension)
    {
        Count = count;
        Dimension = dimension;
        Theta = new double[count * dimension];
        Weights = new double[count];
        Distances = new double[count];
        Statistics = new double[count][];
        Keys = new ulong[count];
    }

    public int Count { get; }

    public int Dimension { get; }

    public double[] Theta { get; }

    public double[] Weights { get; }

    public double[] Distances { get; }

    public double[][] Statistics { get; }

    public ulong[] Keys { get; }

    public ReadOnlySpan<double> Particle(int i) => Theta.AsSpan(i * Dimension, Dimension);

    public void Set(int i, ReadOnlySpan<double> theta, double[] statistics, double distance, ulong key)
    {
        theta.CopyTo(Theta.AsSpan(i * Dimension, Dimension));
        Statistics[i] = statistics;
        Distances[i] = distance;
        Keys[i] = key;
    }

    /// <summary>Sets the weights from their logarithms, normalised to sum 1 (largest first subtracted, so none
    /// overflows).</summary>
    public void SetLogWeights(ReadOnlySpan<double> logWeights)
    {
        double max = double.NegativeInfinity;
        foreach (double l in logWeights)
        {
            max = Math.Max(max, l);
        }

        if (!double.IsFinite(max))
        {
            throw new InvalidOperationException("Every particle's importance weight is 0 or not finite; the prior or the kernel density failed.");
        }

        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            Weights[i] = Math.Exp(logWeights[i] - max);
            sum += Weights[i];
        }

        for (int i = 0; i < Count; i++)
        {
            Weights[i] /= sum;
        }
    }

    public void SetEqualWeights() => Array.Fill(Weights, 1.0 / Count);

    /// <summary>Kish's effective sample size (Σ w)² / Σ w².</summary>
    public double EffectiveSampleSize()
    {
        double sum = 0;
        double squares = 0;
        foreach (double w in Weights)
        {
            sum += w;
            squares += w * w;
        }

        return sum * sum / squares;
    }

    /// <summary>The running sums of the weights, for drawing a parent by inversion.</summary>
    public double[] CumulativeWeights()
    {
        double[] cumulative = new double[Count];
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += Weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }

    /// <summary>The weighted covariance Σ wᵢ (θᵢ − μ)(θᵢ − μ)ᵀ with μ = Σ wᵢ θᵢ (weights normalised), row-major d × d.</summary>
    public double[] WeightedCovariance()
    {
        int d = Dimension;
        double[] mean = new double[d];
        for (int i = 0; i < Count; i++)
        {
            for (int p = 0; p < d; p++)
            {
                mean[p] += Weights[i] * Theta[(i * d) + p];
            }
        }

        double[] covariance = new double[d * d];
        for (int i = 0; i < Count; i++)
        {
            for (int p = 0; p < d; p++)
            {
                double dp = Theta[(i * d) + p] - mean[p];
                for (int q = 0; q <= p; q++)
                {
                    covariance[(p * d) + q] += Weights[i] * dp * (Theta[(i * d) + q] - mean[q]);
                }
            }
        }

        for (int p = 0; p < d; p++)
        {
            for (int q = 0; q < p; q++)
            {
                covariance[(q * d) + p] = covariance[(p * d) + q];
            }
        }

        return covariance;
    }
}
