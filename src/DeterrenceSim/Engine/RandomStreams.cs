using System.Runtime.Intrinsics;

namespace DeterrenceSim.Engine;

/// <summary>
/// The stream scheme of DESIGN.md section 5. Each round has a key hashed from (master seed, replication, crisis, round
/// index); each purpose in the round has its own sub-stream from that key (<see cref="Stream"/>), except the optimism
/// shocks of a run of rounds, which are words 2r and 2r + 1 of the crisis's own stream (<see cref="ShockStream"/>; a
/// run over periods draws them from the period key's <see cref="StreamPurpose.Shock"/> stream). Draws therefore depend on neither the thread
/// count, the chunking, nor the parameters (a purpose left unused does not shift the others), so every design point
/// of a sweep sees the same draws for the same replication and round: common random numbers.
/// </summary>
/// <example>
/// The draws of round 7 of crisis east-china-sea in replication 0 with seed 42, as <see cref="MonteCarlo.Run"/> makes them:
/// <code>
/// ulong crisis = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(42, 0), "east-china-sea");
/// RandomStreams.ShockStream(crisis, 7).NextNormalPair(out double etaChallenger, out double etaDefender);
/// ulong key = RandomStreams.RoundKey(crisis, 7); // the war's draws: support, escalation, victory
/// var support = RandomStreams.Stream(key, StreamPurpose.Support);
/// </code>
/// </example>
public static class RandomStreams
{
    /// <summary>The key of a replication: SplitMix64 finalisers of the seed and the replication index.</summary>
    /// <param name="seed">The master seed.</param>
    /// <param name="replication">The replication index, from 0.</param>
    /// <returns>The replication's key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replication"/> is negative.</exception>
    public static ulong ReplicationKey(ulong seed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        return SplitMix64.Mix(SplitMix64.Mix(seed) ^ (ulong)(uint)replication);
    }

    /// <summary>
    /// The key of one crisis within a replication of <see cref="MonteCarlo.Run"/>: the replication key mixed with a
    /// 64-bit FNV-1a hash of the crisis id's UTF-8 bytes. Crises run with one seed therefore draw independently (their
    /// errors do not move together), and a crisis's draws depend on its id only, not on which other crises the
    /// scenario holds or in what order.
    /// </summary>
    /// <param name="replicationKey">From <see cref="ReplicationKey"/>.</param>
    /// <param name="crisisId">The crisis id, as in the scenario file.</param>
    /// <returns>The crisis's key, the argument of <see cref="RoundKey"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="crisisId"/> is <see langword="null"/>.</exception>
    public static ulong CrisisKey(ulong replicationKey, string crisisId)
    {
        ArgumentNullException.ThrowIfNull(crisisId);
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(crisisId))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return SplitMix64.Mix(replicationKey ^ SplitMix64.Mix(hash));
    }

    /// <summary>The key of a round of <see cref="MonteCarlo.Run"/>.</summary>
    /// <param name="replicationKey">From <see cref="CrisisKey"/> (the replication's key mixed with the crisis).</param>
    /// <param name="round">The round index within the replication, from 0.</param>
    /// <returns>The round's key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="round"/> is negative.</exception>
    public static ulong RoundKey(ulong replicationKey, long round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        return SplitMix64.Mix(replicationKey ^ SplitMix64.Mix((ulong)round));
    }

    /// <summary>The key of one crisis's round in one period of a run of <see cref="MonteCarlo.Simulate"/>: keyed by (seed,
    /// replication, period, crisis); crisis indices past the last crisis key the alliances' votes.</summary>
    /// <param name="replicationKey">From <see cref="ReplicationKey"/>.</param>
    /// <param name="period">The period index, from 0.</param>
    /// <param name="crisis">The crisis index in file order (or the crisis count plus an alliance index for votes).</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="crisis"/> is negative.</exception>
    public static ulong PeriodKey(ulong replicationKey, int period, int crisis)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfNegative(crisis);
        return SplitMix64.Mix(RoundKey(replicationKey, period) ^ SplitMix64.Mix(0x5EED0000UL + (ulong)(uint)crisis));
    }

    /// <summary>The sub-stream of a round for one purpose: SplitMix64 from the state k ⊕ (purpose × 0xD1B54A32D192ED03),
    /// so its words are Mix(k ⊕ c_purpose + i γ), i = 0, 1, ... (counter-based: the batched engine computes word i of
    /// any round without the words before it).</summary>
    /// <param name="roundKey">From <see cref="RoundKey"/> or <see cref="PeriodKey"/>.</param>
    /// <param name="purpose">What the draws are for.</param>
    /// <returns>A generator positioned at the stream's start.</returns>
    public static SplitMix64 Stream(ulong roundKey, StreamPurpose purpose) => new(StreamState(roundKey, purpose));

    /// <summary>
    /// The optimism shocks of round <paramref name="round"/> of a run of rounds (<see cref="MonteCarlo.Run"/>): words 2r
    /// and 2r + 1 of the crisis's own SplitMix64 stream, from the state crisisKey + 2r γ, one Box-Muller pair
    /// (<see cref="SplitMix64.NextNormalPair"/>: η_C, η_D). Counter-based like the purposes' streams, and one finaliser a
    /// word: the shocks are the only draws of a peaceful round, so the round's key (<see cref="RoundKey"/>) is derived
    /// only where a war, a private cost or supporter noise needs its other streams. A round of a run over periods
    /// draws its shocks from <see cref="Stream"/>(key, <see cref="StreamPurpose.Shock"/>) instead.
    /// </summary>
    /// <param name="crisisKey">From <see cref="CrisisKey"/>.</param>
    /// <param name="round">The round index within the replication, from 0.</param>
    /// <returns>A generator positioned at the round's first shock word.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="round"/> is negative, or not below
    /// <see cref="RoundOptions.MaxRounds"/> (the rounds of the largest run are 0 to 2^53 − 1).</exception>
    public static SplitMix64 ShockStream(ulong crisisKey, long round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(round, RoundOptions.MaxRounds);
        return new(ShockState(crisisKey, round));
    }

    /// <summary>
    /// The optimism shocks of consecutive rounds of a run of rounds, four rounds at a time: η_C and η_D of rounds
    /// <paramref name="firstRound"/> to <paramref name="firstRound"/> + n − 1, n the spans' length, bit for bit what
    /// <see cref="ShockStream"/> and <see cref="SplitMix64.NextNormalPair"/> give round by round (the engine draws them
    /// so; BENCHMARKS.md measures this as the random floor of a round).
    /// </summary>
    /// <param name="crisisKey">From <see cref="CrisisKey"/>.</param>
    /// <param name="firstRound">The first round index, from 0.</param>
    /// <param name="challenger">Receives η_C of each round.</param>
    /// <param name="defender">Receives η_D of each round; the same length as <paramref name="challenger"/>, and apart
    /// from it. Empty spans draw nothing.</param>
    /// <exception cref="ArgumentException">The spans differ in length or overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstRound"/> is negative, or the rounds go past
    /// <see cref="RoundOptions.MaxRounds"/>.</exception>
    public static void FillShocks(ulong crisisKey, long firstRound, Span<double> challenger, Span<double> defender)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRound);
        if (firstRound > RoundOptions.MaxRounds - challenger.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRound), firstRound, $"Rounds {firstRound} to {firstRound} + {challenger.Length} - 1 go past the largest run, {RoundOptions.MaxRounds} rounds.");
        }

        if (challenger.Length != defender.Length)
        {
            throw new ArgumentException($"The spans differ in length: {challenger.Length} for the challenger, {defender.Length} for the defender.", nameof(defender));
        }

        if (challenger.Overlaps(defender))
        {
            throw new ArgumentException("The challenger's and the defender's spans overlap: each round's two shocks need places of their own.", nameof(defender));
        }

        var states = VectorMath.PairStates(ShockState(crisisKey, firstRound));
        int n = challenger.Length, i = 0;
        for (; i + 4 <= n; i += 4)
        {
            VectorMath.NextNormalPairs(ref states, out var c, out var d);
            c.CopyTo(challenger[i..]);
            d.CopyTo(defender[i..]);
        }

        for (; i < n; i++)
        {
            new SplitMix64(ShockState(crisisKey, firstRound + i)).NextNormalPair(out challenger[i], out defender[i]);
        }
    }

    /// <summary>The first state of <see cref="ShockStream"/>.</summary>
    internal static ulong ShockState(ulong crisisKey, long round) => unchecked(crisisKey + (2 * (ulong)round * VectorMath.Gamma));

    /// <summary>The first state of a purpose's stream (<see cref="Stream"/>).</summary>
    internal static ulong StreamState(ulong roundKey, StreamPurpose purpose) => roundKey ^ ((ulong)purpose * PurposeMultiplier);

    /// <summary>The constant that spreads the purposes over the words of a key.</summary>
    internal const ulong PurposeMultiplier = 0xD1B54A32D192ED03UL;
}
