using DeterrenceSim.Model;
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

    /// <summary>The length of a sweep row's sums (<see cref="Experiments.SweepRow.MechanismSums"/>): per factor the
    /// but-for count, the Shapley sum and sum of squares over both kinds of war, then the rational count.</summary>
    public const int RowLength = (3 * Factors) + 1;

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

    /// <summary>A factor's words, for its observer's perception when known.</summary>
    private static string Words(MechanismFactor factor, PerceptionProfile? challenger, PerceptionProfile? defender) =>
        (factor.Name().StartsWith("challenger.", StringComparison.Ordinal) ? challenger : defender) is { } observer
            ? factor.Description(observer)
            : factor.Description();

    /// <summary>The attribution from exact integer sums (<c>Engine.MechanismLayout</c>); the factors' words follow the
    /// protagonists' perceptions when given (<see cref="MechanismFactors.Description(MechanismFactor, PerceptionProfile)"/>).</summary>
    public static MechanismAttribution ToAttribution(long[] sums, long rounds, PerceptionProfile? challenger = null, PerceptionProfile? defender = null)
    {
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
                Description = Words((MechanismFactor)f, challenger, defender),
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

        static MeanEstimate Mean(long count, long sum, long squares) => ShapleyMean(sum, squares, count);
    }

    /// <summary>A Shapley share from its integer sums: the mean over <paramref name="rounds"/> of the per-round value,
    /// with its 95% t interval within [−1, 1]; the one computation of run, simulate and sweep rows, so that they agree
    /// to the last bit.</summary>
    /// <param name="sum">The sum of the per-round values times <see cref="MechanismGame.Scale"/>.</param>
    /// <param name="squares">The sum of their squares times the scale squared.</param>
    /// <param name="rounds">The rounds (or periods).</param>
    public static MeanEstimate ShapleyMean(long sum, long squares, long rounds)
    {
        const double scale = MechanismGame.Scale;
        return MeanEstimate.FromSums(rounds, sum / scale, squares / (scale * scale), -1, 1);
    }

    /// <summary>A sweep row's sums (<see cref="RowLength"/>) from the sums of this layout: both kinds of war together.</summary>
    public static long[] RowSums(long[] sums)
    {
        var row = new long[RowLength];
        for (int f = 0; f < Factors; f++)
        {
            row[3 * f] = sums[ButForOffset + f];
            row[(3 * f) + 1] = sums[ShapleyOffset + f] + sums[ShapleyOffset + Factors + f];
            row[(3 * f) + 2] = sums[SquaresOffset + f] + sums[SquaresOffset + Factors + f];
        }

        row[3 * Factors] = sums[UnattributableOffset] + sums[UnattributableOffset + 1];
        return row;
    }
}
