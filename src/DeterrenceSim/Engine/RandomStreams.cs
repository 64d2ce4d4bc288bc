namespace DeterrenceSim.Engine;

/// <summary>
/// The stream scheme of DESIGN.md section 5. Each round has a key hashed from (master seed, replication, crisis, round
/// index);
/// each purpose in the round has its own sub-stream from that key. Draws therefore depend on neither the thread
/// count, the chunking, nor the parameters (a purpose left unused does not shift the others), so every design point
/// of a sweep sees the same draws for the same replication and round: common random numbers.
/// </summary>
/// <example>
/// The draws of round 7 of crisis east-china-sea in replication 0 with seed 42, as <see cref="MonteCarlo.Run"/> makes them:
/// <code>
/// ulong crisis = RandomStreams.CrisisKey(RandomStreams.ReplicationKey(42, 0), "east-china-sea");
/// ulong key = RandomStreams.RoundKey(crisis, 7);
/// var shock = RandomStreams.Stream(key, StreamPurpose.Shock);
/// shock.NextNormalPair(out double etaChallenger, out double etaDefender);
/// </code>
/// </example>
public static class RandomStreams
{
    /// <summary>The key of a replication: SplitMix64 finalisers of the seed and the replication index.</summary>
    /// <param name="seed">The master seed.</param>
    /// <param name="replication">The replication index, from 0.</param>
    /// <returns>The replication's key.</returns>
    public static ulong ReplicationKey(ulong seed, int replication) =>
        SplitMix64.Mix(SplitMix64.Mix(seed) ^ (ulong)(uint)replication);

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
    public static ulong RoundKey(ulong replicationKey, long round) => SplitMix64.Mix(replicationKey ^ SplitMix64.Mix((ulong)round));

    /// <summary>The key of one crisis's round in one period of a run of <see cref="MonteCarlo.Simulate"/>: keyed by (seed,
    /// replication, period, crisis); crisis indices past the last crisis key the alliances' votes.</summary>
    /// <param name="replicationKey">From <see cref="ReplicationKey"/>.</param>
    /// <param name="period">The period index, from 0.</param>
    /// <param name="crisis">The crisis index in file order (or the crisis count plus an alliance index for votes).</param>
    /// <returns>The key.</returns>
    public static ulong PeriodKey(ulong replicationKey, int period, int crisis) =>
        SplitMix64.Mix(RoundKey(replicationKey, period) ^ SplitMix64.Mix(0x5EED0000UL + (ulong)(uint)crisis));

    /// <summary>The sub-stream of a round for one purpose.</summary>
    /// <param name="roundKey">From <see cref="RoundKey"/> or <see cref="PeriodKey"/>.</param>
    /// <param name="purpose">What the draws are for.</param>
    /// <returns>A generator positioned at the stream's start.</returns>
    public static SplitMix64 Stream(ulong roundKey, StreamPurpose purpose) => new(SplitMix64.Mix(roundKey ^ ((ulong)purpose * 0xD1B54A32D192ED03UL)));
}
