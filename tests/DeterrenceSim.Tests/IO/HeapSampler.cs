namespace DeterrenceSim.Tests.IO;

/// <summary>
/// The most managed memory a piece of code holds above what was held when the sampler was made, each sample taken after
/// a full collection (<see cref="GC.GetTotalMemory(bool)"/>, which sees the whole process: tests using it belong to the
/// <see cref="HeapSampler"/> collection, which runs alone).
/// </summary>
[CollectionDefinition(nameof(HeapSampler), DisableParallelization = true)]
public sealed class HeapSampler
{
    private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>Gets the most bytes held above the baseline in any sample.</summary>
    public long Most { get; private set; }

    /// <summary>Takes a sample.</summary>
    public void Sample() => Most = Math.Max(Most, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
}
