using DeterrenceSim.Engine;

namespace DeterrenceSim.Tests.Engine;

/// <summary>
/// The Shapley values of the attribution's game (issue 12) against their definition, computed here independently:
/// φ_j = Σ over S ⊆ N \ {j} of |S|! (n − |S| − 1)! / n! (v(S ∪ {j}) − v(S)) (Shapley 1953), in exact rationals scaled by
/// 8!.
/// </summary>
public sealed class MechanismGameTests
{
    [Fact]
    public void Shapley_OnePlayerDecides_GetsEverything()
    {
        // v(S) = 1 iff player 2 is in S, 5 players.
        int[] phi = Solve(5, r => (r & 4) != 0);
        Assert.Equal([0, 0, MechanismGame.Scale, 0, 0], phi);
    }

    [Fact]
    public void Shapley_TwoPlayersNeededTogether_ShareEqually()
    {
        // Identical effect: war only with both players 0 and 3 on, 8 players.
        int[] phi = Solve(8, r => (r & 0b1001) == 0b1001);
        Assert.Equal(MechanismGame.Scale / 2, phi[0]);
        Assert.Equal(MechanismGame.Scale / 2, phi[3]);
        Assert.Equal(0, phi.Sum() - phi[0] - phi[3]);
    }

    [Fact]
    public void Shapley_EitherPlayerSuffices_ShareEqually()
    {
        int[] phi = Solve(3, r => (r & 0b011) != 0);
        Assert.Equal([MechanismGame.Scale / 2, MechanismGame.Scale / 2, 0], phi);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void Shapley_RandomGames_MatchTheDefinitionAndAreEfficient(int players)
    {
        var random = new Random(20261206 + players);
        for (int trial = 0; trial < 200; trial++)
        {
            int size = 1 << players;
            var table = new bool[size];
            for (int r = 1; r < size - 1; r++)
            {
                table[r] = random.NextDouble() < 0.5;
            }

            table[size - 1] = true; // v(F) = 1, v(∅) = 0: a war to attribute
            int[] phi = Solve(players, r => table[r]);
            for (int j = 0; j < players; j++)
            {
                Assert.Equal(Definition(players, j, table), phi[j]);
            }

            Assert.Equal(MechanismGame.Scale, phi.Sum());
        }
    }

    private static int[] Solve(int players, Func<int, bool> v)
    {
        var game = new ulong[4];
        for (int r = 0; r < 1 << players; r++)
        {
            if (v(r))
            {
                game[r >> 6] |= 1UL << (r & 63);
            }
        }

        var phi = new int[players];
        MechanismGame.Shapley(game, players, phi);
        return phi;
    }

    private static long Definition(int n, int j, bool[] v)
    {
        long total = 0;
        for (int s = 0; s < 1 << n; s++)
        {
            if ((s & (1 << j)) != 0)
            {
                continue;
            }

            int size = System.Numerics.BitOperations.PopCount((uint)s);
            long weight = Factorial(size) * Factorial(n - size - 1) * MechanismGame.Scale / Factorial(n);
            total += weight * ((v[s | (1 << j)] ? 1 : 0) - (v[s] ? 1 : 0));
        }

        return total;
    }

    private static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
