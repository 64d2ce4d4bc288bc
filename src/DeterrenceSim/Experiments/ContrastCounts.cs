using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Experiments;

/// <summary>
/// The policy's side of one contrast row (<see cref="SweepRow.Contrast"/>): per measure of <see cref="Measure.All"/>
/// (outcomes, then war causes, in that order) the policy's count, and the discordant pairs of rounds, those where only
/// the policy has the measure and those where only the baseline has it. With the baseline's count
/// (<see cref="SweepRow.Counts"/>) they make the paired 2×2 table of every measure.
/// </summary>
/// <param name="Policy">The rounds (or periods) where the policy has each measure, each in [0, trials].</param>
/// <param name="PolicyOnly">The rounds where the policy has each measure and the baseline not.</param>
/// <param name="BaselineOnly">The rounds where the baseline has each measure and the policy not.</param>
public sealed record ContrastCounts(long[] Policy, long[] PolicyOnly, long[] BaselineOnly)
{
    /// <summary>Whether two contrasts hold the same counts.</summary>
    internal bool SameCounts(ContrastCounts other) =>
        Policy.AsSpan().SequenceEqual(other.Policy) && PolicyOnly.AsSpan().SequenceEqual(other.PolicyOnly) && BaselineOnly.AsSpan().SequenceEqual(other.BaselineOnly);
}
