using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Engine;

/// <summary>
/// Integer counts of a set of rounds (exact, so they may be added in any order) and the floating-point sums of one
/// chunk (added in chunk order by the caller, so threads never change the last bit).
/// </summary>
internal sealed class RoundTally
{
    // The layout of Counts: outcomes, war causes, the preventive-from-misperception and challenger-wins counts, then
    // one count per alliance and one per participant. Derived from the enums (OutcomeLayout).
    public const int OutcomeOffset = 0;
    public static readonly int CauseOffset = OutcomeOffset + OutcomeLayout.Outcomes;
    public static readonly int PreventiveFromMisperceptionIndex = CauseOffset + OutcomeLayout.Causes;
    public static readonly int ChallengerWinsIndex = PreventiveFromMisperceptionIndex + 1;
    public static readonly int AllianceOffset = ChallengerWinsIndex + 1;

    public RoundTally(int alliances, int participants)
    {
        Alliances = alliances;
        Counts = new long[AllianceOffset + alliances + participants];
    }

    public int Alliances { get; }

    public long[] Counts { get; }

    /// <summary>The attribution by mechanism's integer sums, laid out by <see cref="MechanismLayout"/>.</summary>
    public long[] Mechanisms { get; } = new long[MechanismLayout.Length];

    public double SettlementSum { get; set; }

    public double SettlementSumOfSquares { get; set; }

    public int SupportOffset => AllianceOffset + Alliances;

    /// <summary>Counts one round; the engine's buffers say who fought and what was triggered in a war.</summary>
    public void Add(in RoundRecord record, RoundEngine engine)
    {
        var counts = Counts;
        counts[OutcomeOffset + (int)record.Outcome]++;
        if (record.Outcome != Outcomes.Outcome.War)
        {
            SettlementSum += record.Settlement;
            SettlementSumOfSquares += record.Settlement * record.Settlement;
            return;
        }

        counts[CauseOffset + (int)record.Cause]++;
        MechanismLayout.Add(Mechanisms, in record, engine.Shapley);
        if (record.PreventiveFromMisperception)
        {
            counts[PreventiveFromMisperceptionIndex]++;
        }

        if (record.ChallengerWins)
        {
            counts[ChallengerWinsIndex]++;
        }

        var triggered = engine.Triggered;
        for (int a = 0; a < triggered.Length; a++)
        {
            if (triggered[a])
            {
                counts[AllianceOffset + a]++;
            }
        }

        // No branch on who fought: each participant's flag (0 or 1) is added, four at a time.
        var fights = engine.Fights;
        int offset = SupportOffset, p = 0;
        for (; p + 4 <= fights.Length; p += 4)
        {
            uint four = Unsafe.ReadUnaligned<uint>(ref Unsafe.As<bool, byte>(ref fights[p]));
            four = BitConverter.IsLittleEndian ? four : BinaryPrimitives.ReverseEndianness(four);
            var flags = Vector256.Create(four & 0xFF, (four >> 8) & 0xFF, (four >> 16) & 0xFF, (ulong)(four >> 24)).AsInt64();
            (Vector256.LoadUnsafe(ref counts[offset + p]) + flags).StoreUnsafe(ref counts[offset + p]);
        }

        for (; p < fights.Length; p++)
        {
            counts[offset + p] += Unsafe.As<bool, byte>(ref fights[p]);
        }
    }

    public void Add(RoundTally other)
    {
        for (int i = 0; i < Counts.Length; i++)
        {
            Counts[i] += other.Counts[i];
        }

        for (int i = 0; i < Mechanisms.Length; i++)
        {
            Mechanisms[i] += other.Mechanisms[i];
        }
    }

    public long Outcome(Outcome outcome) => Counts[OutcomeOffset + (int)outcome];

    public long Cause(WarCause cause) => Counts[CauseOffset + (int)cause];
}
