namespace DeterrenceSim.Engine;

/// <summary>
/// The stream scheme of DESIGN.md section 5. Each round has a key hashed from (master seed, replication, round index);
/// each purpose in the round has its own sub-stream from that key. Draws therefore depend on neither the thread
/// count, the chunking, nor the parameters (a purpose left unused does not shift the others), so every design point
/// of a sweep sees the same draws for the same replication and round: common random numbers.
/// </summary>
internal static class RandomStreams
{
    /// <summary>Purposes of the draws of one round; each indexes its own sub-stream.</summary>
    public const ulong Shock = 1, ChallengerSupporterNoise = 2, DefenderSupporterNoise = 3, PrivateCost = 4, Support = 5, Escalation = 6, Victory = 7, Vote = 8;

    public static ulong ReplicationKey(ulong seed, int replication) =>
        SplitMix64.Mix(SplitMix64.Mix(seed) ^ (ulong)(uint)replication);

    public static ulong RoundKey(ulong replicationKey, long round) => SplitMix64.Mix(replicationKey ^ SplitMix64.Mix((ulong)round));

    /// <summary>The key of one crisis's round in one period of a run: keyed by (seed, replication, period, crisis).</summary>
    public static ulong PeriodKey(ulong replicationKey, int period, int crisis) =>
        SplitMix64.Mix(RoundKey(replicationKey, period) ^ SplitMix64.Mix(0x5EED0000UL + (ulong)(uint)crisis));

    public static SplitMix64 Stream(ulong roundKey, ulong purpose) => new(SplitMix64.Mix(roundKey ^ (purpose * 0xD1B54A32D192ED03UL)));
}
