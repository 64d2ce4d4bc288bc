using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// The integer sums of the attribution by mechanism over a set of rounds (exact, so added in any order): per factor
/// the but-for count, per kind of war (preventive, bargaining) the unattributable wars and per factor the sum and the
/// sum of squares of its Shapley value times <see cref="MechanismGame.Scale"/>.
/// </summary>
internal static class MechanismLayout
{
    public const int Factors = MechanismGame.MaxPlayers;
    public const int ButForOffset = 0;
    public const int UnattributableOffset = ButForOffset + Factors; // + kind
    public const int ShapleyOffset = UnattributableOffset + 2; // + kind * Factors + factor
    public const int SquaresOffset = ShapleyOffset + (2 * Factors);
    public const int WarsIndex = SquaresOffset + (2 * Factors); // the war rounds, the denominator of the shares of wars
    public const int Length = WarsIndex + 1;

    /// <summary>The kind of a war: 0 preventive, 1 bargaining.</summary>
    public static int Kind(in RoundRecord record) => record.Cause == WarCause.Preventive ? 0 : 1;

    /// <summary>Adds one war round.</summary>
    public static void Add(Span<long> sums, in RoundRecord record, ReadOnlySpan<int> shapley)
    {
        int kind = Kind(in record);
        sums[WarsIndex]++;
        for (int f = 0; f < Factors; f++)
        {
            if ((record.ButFor & (1 << f)) != 0)
            {
                sums[ButForOffset + f]++;
            }
        }

        if (record.Unattributable)
        {
            sums[UnattributableOffset + kind]++;
            return;
        }

        for (int f = 0; f < Factors; f++)
        {
            long phi = shapley[f];
            sums[ShapleyOffset + (kind * Factors) + f] += phi;
            sums[SquaresOffset + (kind * Factors) + f] += phi * phi;
        }
    }

    /// <summary>The attribution from exact integer sums (<c>Engine.MechanismLayout</c>).</summary>
    public static MechanismAttribution ToAttribution(long[] sums, long rounds)
    {
        const double scale = MechanismGame.Scale;
        long wars = sums[WarsIndex];
        var factors = new MechanismShare[Factors];
        for (int f = 0; f < factors.Length; f++)
        {
            long preventive = sums[ShapleyOffset + f];
            long bargaining = sums[ShapleyOffset + Factors + f];
            long preventiveSquares = sums[SquaresOffset + f];
            long bargainingSquares = sums[SquaresOffset + Factors + f];
            factors[f] = new MechanismShare(
                (MechanismFactor)f,
                Proportion.Wilson(sums[ButForOffset + f], rounds),
                Mean(rounds, preventive + bargaining, preventiveSquares + bargainingSquares),
                Mean(rounds, preventive, preventiveSquares),
                Mean(rounds, bargaining, bargainingSquares))
            {
                ButForOfWars = Proportion.Wilson(sums[ButForOffset + f], wars),
                ShapleyOfWars = Mean(wars, preventive + bargaining, preventiveSquares + bargainingSquares),
            };
        }

        long rationalPreventive = sums[UnattributableOffset];
        long rationalBargaining = sums[UnattributableOffset + 1];
        return new MechanismAttribution(
            factors,
            Proportion.Wilson(rationalPreventive + rationalBargaining, rounds),
            Proportion.Wilson(rationalPreventive, rounds),
            Proportion.Wilson(rationalBargaining, rounds))
        {
            RationalOfWars = Proportion.Wilson(rationalPreventive + rationalBargaining, wars),
            Sums = (long[])sums.Clone(),
        };

        static MeanEstimate Mean(long count, long sum, long squares) =>
            MeanEstimate.FromSums(count, sum / scale, squares / (scale * scale), -1, 1);
    }
}
