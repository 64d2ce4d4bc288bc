namespace DeterrenceSim.Engine;

/// <summary>
/// The stream scheme of DESIGN.md section 5. Each round has a key hashed from (master seed, replication, round index);
/// each purpose in the round has its own sub-stream from that key. Draws therefore depend on neither the thread
/// count, the chunking, nor the parameters (a purpose left unused does not shift the others), so every design point
/// of a sweep sees the same draws for the same replication and round: common random numbers.
/// </summary>
/// <example>
/// The draws of round 7 of replication 0 with seed 42, as the engine makes them:
/// <code>
/// ulong key = RandomStreams.RoundKey(RandomStreams.ReplicationKey(42, 0), 7);
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

    /// <summary>The key of a round of <see cref="MonteCarlo.Run"/>.</summary>
    /// <param name="replicationKey">From <see cref="ReplicationKey"/>.</param>
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
