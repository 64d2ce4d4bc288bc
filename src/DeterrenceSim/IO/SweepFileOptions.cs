namespace DeterrenceSim.IO;

/// <summary>How <see cref="SweepFile.Run"/> runs a sweep into a file.</summary>
public sealed record SweepFileOptions
{
    /// <summary>Gets a value indicating whether to continue an interrupted run into the same output (finished points are
    /// kept), or check a finished one and do nothing. The default value is <see langword="false"/>: an existing output or
    /// partial run is an error.</summary>
    public bool Resume { get; init; }

    /// <summary>Gets the shard to run, or <see langword="null"/> (the default) for every point.</summary>
    public SweepShard? Shard { get; init; }

    /// <summary>Gets where the scenario came from (a file path, <c>embedded:NAME</c>), recorded in the sidecar.</summary>
    public string? ScenarioSource { get; init; }

    /// <summary>Gets the fixed overrides applied to the scenario before the sweep (<c>path=value</c>, as given to
    /// <c>--set</c>): recorded in the sidecar and part of the sweep's identity, so a resume with other overrides is
    /// refused naming them.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Gets the names of the scenario's variants applied before the overrides (<c>--variant</c>): recorded in
    /// the sidecar's identity as <c>variants</c> (only when there are some, so that other sidecars keep their bytes),
    /// so a resume or a merge with other variants is refused naming them.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Gets a contrast's baseline as given (<c>--baseline</c>: a variant name or <c>PATH=VALUE</c> list,
    /// <see cref="Experiments.PolicySpec"/>), recorded in the sidecar's identity under <c>contrast</c>; ignored for a
    /// sweep.</summary>
    public string? Baseline { get; init; }

    /// <summary>Gets a contrast's policy as given (<c>--policy</c>), recorded in the sidecar's identity under
    /// <c>contrast</c> with the policy scenario's hash; ignored for a sweep.</summary>
    public string? Policy { get; init; }
}
