namespace DeterrenceSim.Tests.Cli;

/// <summary>
/// Tests that set process-wide environment variables (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX: a sweep reads them
/// to find its shard) run alone: with parallelization disabled, xunit runs this collection after the parallel ones,
/// so no other test's sweep sees the variables (a variant test's sweep once failed with exit 2 that way in CI).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process environment";
}
