using System.Numerics;

namespace DeterrenceSim.Engine;

/// <summary>
/// The cooperative game of one war round (issue 12; DESIGN.md section 3, attribution by mechanism): v(S) = 1 if the
/// round ends in war when exactly the factors in S are on. The players are the factors that matter this period (a
/// factor whose switching off changes nothing is a null player: its Shapley value is 0 and leaving it out changes no
/// other value); a subset is a bit set over them, the game a 256-bit table. Shapley values are kept as integers
/// scaled by 8! = 40320, in which the weights |S|! (k − |S| − 1)! / k! of every k ≤ 8 are whole numbers, so sums over
/// rounds are exact and efficiency (Σ φ = v(F) − v(∅)) holds in integers (Shapley 1953).
/// </summary>
internal static class MechanismGame
{
    /// <summary>The scale of the integer Shapley values: 8!.</summary>
    public const int Scale = 40320;

    /// <summary>The most players.</summary>
    public const int MaxPlayers = 8;

    // Members[j * 4 + w]: word w of the set of subsets that contain player j. Sizes[s * 4 + w]: of those of size s.
    // Built by field initialisers, not a static constructor, so the JIT need not check the class is initialised.
    private static readonly ulong[] Members = SubsetTable(MaxPlayers, (r, j) => (r & (1 << j)) != 0);
    private static readonly ulong[] Sizes = SubsetTable(MaxPlayers + 1, (r, s) => BitOperations.PopCount((uint)r) == s);

    // Weights[k * 9 + s] = s! (k - 1 - s)! * 8! / k!: the weight of a coalition of size s without the player, k players.
    private static readonly long[] Weights = ShapleyWeights();

    /// <summary>Per key (a player, or a size), the 256-bit set of the subsets r for which <paramref name="holds"/>(r, key).</summary>
    private static ulong[] SubsetTable(int keys, Func<int, int, bool> holds)
    {
        var table = new ulong[keys * 4];
        for (int key = 0; key < keys; key++)
        {
            for (int r = 0; r < 256; r++)
            {
                if (holds(r, key))
                {
                    table[(key * 4) + (r >> 6)] |= 1UL << (r & 63);
                }
            }
        }

        return table;
    }

    private static long[] ShapleyWeights()
    {
        var weights = new long[(MaxPlayers + 1) * (MaxPlayers + 1)];
        for (int k = 1; k <= MaxPlayers; k++)
        {
            for (int s = 0; s < k; s++)
            {
                weights[(k * 9) + s] = Factorial(s) * Factorial(k - 1 - s) * Scale / Factorial(k);
            }
        }

        return weights;
    }

    /// <summary>The game's words that can hold a coalition of <paramref name="players"/>: one up to six players (2^6 = 64
    /// coalitions), then 2^players / 64.</summary>
    public static int Words(int players) => players <= 6 ? 1 : (1 << players) >> 6;

    /// <summary>Whether coalition <paramref name="r"/> wins (wars) in the game <paramref name="v"/>.</summary>
    public static bool Value(ReadOnlySpan<ulong> v, int r) => (v[r >> 6] & (1UL << (r & 63))) != 0;

    /// <summary>
    /// The Shapley values times <see cref="Scale"/> of the <paramref name="players"/> of game <paramref name="v"/>:
    /// φ_j = Σ over S ∌ j of w(|S|) (v(S ∪ j) − v(S)) = Σ over S with v(S) = 1 of (j ∈ S ? w(|S| − 1) : −w(|S|)), counted
    /// by popcounts of the table against the sets of subsets by size and membership.
    /// </summary>
    /// <param name="v">The game: 4 words, bit r for coalition r (only r &lt; 2^players may be set).</param>
    /// <param name="players">The number of players k, 1 to 8.</param>
    /// <param name="phi">The values, k entries filled.</param>
    public static void Shapley(ReadOnlySpan<ulong> v, int players, Span<int> phi)
    {
        int words = Words(players);
        ReadOnlySpan<ulong> sizes = Sizes, members = Members;
        ReadOnlySpan<long> weights = Weights.AsSpan(players * 9, MaxPlayers + 1);
        Span<int> bySize = stackalloc int[MaxPlayers + 1];
        Span<ulong> winning = stackalloc ulong[(MaxPlayers + 1) * 4]; // the game's coalitions of each size
        for (int s = 0; s <= players; s++)
        {
            int count = 0;
            for (int w = 0; w < words; w++)
            {
                winning[(s * 4) + w] = v[w] & sizes[(s * 4) + w];
                count += BitOperations.PopCount(winning[(s * 4) + w]);
            }

            bySize[s] = count;
        }

        for (int j = 0; j < players; j++)
        {
            long value = 0;
            for (int s = 0; s <= players; s++)
            {
                int with = 0;
                for (int w = 0; w < words; w++)
                {
                    with += BitOperations.PopCount(winning[(s * 4) + w] & members[(j * 4) + w]);
                }

                // weights[s] is w(s) for a coalition of size s without the player (zero past the players).
                value += (s > 0 ? with * weights[s - 1] : 0) - (s < players ? (bySize[s] - with) * weights[s] : 0);
            }

            phi[j] = (int)value;
        }
    }

    private static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
