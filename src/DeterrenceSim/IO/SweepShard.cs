using System.Globalization;

namespace DeterrenceSim.IO;

/// <summary>
/// One of n disjoint slices of a sweep's design points, for running a sweep as n independent jobs (a Slurm job array, a
/// Kubernetes Indexed Job) and joining them with <see cref="SweepFile.Merge"/>. Shard i of n holds the points from
/// floor((i-1)P/n) up to floor(iP/n) of a design of P points: contiguous, so the merged file is the concatenation.
/// </summary>
public sealed record SweepShard
{
    /// <summary>Initializes a new instance of the <see cref="SweepShard"/> class.</summary>
    /// <param name="index">The shard, 1 to <paramref name="count"/>.</param>
    /// <param name="count">The number of shards, &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or the index outside 1 to the count.</exception>
    public SweepShard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), string.Create(CultureInfo.InvariantCulture, $"A shard i/n needs 1 <= i <= n; found {index}/{count}."));
        }

        Index = index;
        Count = count;
    }

    /// <summary>Gets the shard, 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>Gets the number of shards, &gt;= 1.</summary>
    public int Count { get; }

    /// <summary>The first point of the shard in a design of <paramref name="points"/> points.</summary>
    /// <param name="points">The design's point count.</param>
    /// <returns>The first point.</returns>
    public long First(long points) => (long)(((Int128)points * (Index - 1)) / Count);

    /// <summary>One past the last point of the shard in a design of <paramref name="points"/> points.</summary>
    /// <param name="points">The design's point count.</param>
    /// <returns>The end point.</returns>
    public long End(long points) => (long)(((Int128)points * Index) / Count);

    /// <summary>Parses <c>i/n</c>, as given to <c>--shard</c>.</summary>
    /// <param name="text">The text, such as <c>2/3</c>.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="FormatException">The text is not <c>i/n</c> with 1 &lt;= i &lt;= n.</exception>
    public static SweepShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index < 1 || index > count)
        {
            throw new FormatException($"expected i/n with 1 <= i <= n (such as 2/3), found '{text}'.");
        }

        return new SweepShard(index, count);
    }

    /// <summary>The shard a scheduler assigned to this process, from its environment: a Slurm job array
    /// (<c>SLURM_ARRAY_TASK_ID</c> - <c>SLURM_ARRAY_TASK_MIN</c> + 1 of <c>SLURM_ARRAY_TASK_COUNT</c>) or a Kubernetes
    /// Indexed Job (<c>JOB_COMPLETION_INDEX</c>, 0-based, of <paramref name="kubernetesCount"/>, the job's
    /// completions, which Kubernetes does not expose).</summary>
    /// <param name="environment">Reads a variable; <see langword="null"/> for the process environment.</param>
    /// <param name="kubernetesCount">The number of completions of a Kubernetes Indexed Job, or <see langword="null"/>
    /// when unknown.</param>
    /// <returns>The shard, or <see langword="null"/> when no scheduler variables are set.</returns>
    /// <exception cref="FormatException">A variable is set but not a valid index or count; the message names it.</exception>
    public static SweepShard? FromEnvironment(Func<string, string?>? environment = null, int? kubernetesCount = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } id)
        {
            int task = Integer("SLURM_ARRAY_TASK_ID", id);
            string minText = environment("SLURM_ARRAY_TASK_MIN") ?? throw new FormatException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not.");
            int min = Integer("SLURM_ARRAY_TASK_MIN", minText);
            string count = environment("SLURM_ARRAY_TASK_COUNT") ?? throw new FormatException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not.");
            int n = Integer("SLURM_ARRAY_TASK_COUNT", count);
            if (environment("SLURM_ARRAY_TASK_STEP") is { Length: > 0 } step && Integer("SLURM_ARRAY_TASK_STEP", step) != 1)
            {
                throw new FormatException($"SLURM_ARRAY_TASK_STEP={step}: the job array must be a contiguous range such as --array=0-2 (step 1), so that its tasks are the shards 1 to SLURM_ARRAY_TASK_COUNT.");
            }

            if (environment("SLURM_ARRAY_TASK_MAX") is { Length: > 0 } maxText && Integer("SLURM_ARRAY_TASK_MAX", maxText) - min + 1 != n)
            {
                throw new FormatException($"SLURM_ARRAY_TASK_MIN={min}, SLURM_ARRAY_TASK_MAX={maxText} and SLURM_ARRAY_TASK_COUNT={n} do not describe a contiguous range: submit the array as one range such as --array=0-2.");
            }

            int index = task - min + 1;
            if (n < 1 || index < 1 || index > n)
            {
                throw new FormatException($"SLURM_ARRAY_TASK_ID={task}, SLURM_ARRAY_TASK_MIN={min}, SLURM_ARRAY_TASK_COUNT={n} do not give a shard i/n with 1 <= i <= n (the array must be a contiguous range such as --array=0-2).");
            }

            return new SweepShard(index, n);
        }

        if (environment("JOB_COMPLETION_INDEX") is { } completion && completion.Trim().Length > 0)
        {
            int index = Integer("JOB_COMPLETION_INDEX", completion) + 1;
            int n = kubernetesCount ?? throw new FormatException("JOB_COMPLETION_INDEX is set: give the number of completions with --shards (Kubernetes does not expose it to the pod).");
            if (n < 1 || index > n)
            {
                throw new FormatException($"JOB_COMPLETION_INDEX={index - 1} is not below the completions {n}.");
            }

            return new SweepShard(index, n);
        }

        return null;
    }

    /// <summary>The shard as <c>i/n</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static int Integer(string name, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= 0
            ? value
            : throw new FormatException($"{name}: expected a non-negative integer, found '{text}'.");
}
