using DeterrenceSim.IO;

namespace DeterrenceSim.Tests.IO;

public class SweepShardTests
{
    private static SweepShard? From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return SweepShard.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void SlurmArrayTasksAreTheShardsFromOne()
    {
        Assert.Equal(new SweepShard(1, 3), From(("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "4"), ("SLURM_ARRAY_TASK_MAX", "6"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_STEP", "1")));
        Assert.Equal(new SweepShard(3, 3), From(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "3")));
        Assert.Null(From());
    }

    [Theory]
    [InlineData("2", "0", "4", "3", "2", "SLURM_ARRAY_TASK_STEP=2")]
    [InlineData("1", "0", "5", "3", "1", "do not describe a contiguous range")]
    [InlineData("1", null, null, "3", null, "SLURM_ARRAY_TASK_MIN is not")]
    [InlineData("1", "0", null, null, null, "SLURM_ARRAY_TASK_COUNT is not")]
    [InlineData("x", "0", null, "3", null, "SLURM_ARRAY_TASK_ID: expected a non-negative integer")]
    [InlineData("5", "0", null, "3", null, "do not give a shard")]
    public void InconsistentSlurmVariablesAreRefused(string id, string? min, string? max, string? count, string? step, string expected)
    {
        var variables = new List<(string, string)> { ("SLURM_ARRAY_TASK_ID", id) };
        foreach (var (name, value) in new[] { ("SLURM_ARRAY_TASK_MIN", min), ("SLURM_ARRAY_TASK_MAX", max), ("SLURM_ARRAY_TASK_COUNT", count), ("SLURM_ARRAY_TASK_STEP", step) })
        {
            if (value is not null)
            {
                variables.Add((name, value));
            }
        }

        Assert.Contains(expected, Assert.Throws<FormatException>(() => From([.. variables])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 2)]
    [InlineData(1, 0)]
    [InlineData(-1, -1)]
    public void AShardOutsideOneToNIsRefusedWhenMade(int index, int count) =>
        Assert.Contains($"found {index}/{count}", Assert.Throws<ArgumentOutOfRangeException>(() => new SweepShard(index, count)).Message, StringComparison.Ordinal);

    [Fact]
    public void KubernetesIndexNeedsTheCount()
    {
        Assert.Equal(new SweepShard(2, 3), SweepShard.FromEnvironment(n => n == "JOB_COMPLETION_INDEX" ? "1" : null, 3));
        Assert.Contains("--shards", Assert.Throws<FormatException>(() => SweepShard.FromEnvironment(n => n == "JOB_COMPLETION_INDEX" ? "1" : null)).Message, StringComparison.Ordinal);
        Assert.Null(SweepShard.FromEnvironment(n => n == "JOB_COMPLETION_INDEX" ? " " : null, 3));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(2, 5)]
    [InlineData(1_000_003, 7)]
    public void ShardsAreContiguousAndCoverEveryPointOnce(long points, int count)
    {
        long next = 0;
        for (int i = 1; i <= count; i++)
        {
            var shard = new SweepShard(i, count);
            Assert.Equal(next, shard.First(points));
            next = shard.End(points);
            Assert.True(next >= shard.First(points));
        }

        Assert.Equal(points, next);
    }
}
