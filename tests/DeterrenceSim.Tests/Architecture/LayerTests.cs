using NetArchTest.Rules;

namespace DeterrenceSim.Tests.Architecture;

/// <summary>
/// The direction of dependencies (DESIGN.md section 8): model definitions (Model, Scenarios) -> compiled scenario
/// (Compilation) -> engine (Engine, with its result types in Outcomes) -> experiments (Experiments) -> I/O (IO) -> the
/// short path for notebooks in the root namespace <c>DeterrenceSim</c> (extension methods and the loader entry), on top:
/// it may reference every layer and no layer may reference it. Calibration (the ABC-SMC sampler and the historical
/// population it fits) stands beside the experiments: it references only the engine (its random streams, and the
/// round's perception and Nash split for the population), and no layer below the experiments references it. Read from the compiled IL (NetArchTest, Mono.Cecil), so full names and method bodies count, not only <c>using</c>
/// directives.
/// </summary>
public class LayerTests
{
    private const string Root = "DeterrenceSim.";

    /// <summary>Each layer and the layers above it, which it must not reference.</summary>
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Model", ["Scenarios", "Compilation", "Engine", "Outcomes", "Experiments", "IO", "Calibration"] },
        { "Scenarios", ["Compilation", "Engine", "Outcomes", "Experiments", "IO", "Calibration"] },
        { "Compilation", ["Engine", "Experiments", "IO", "Calibration"] },
        { "Outcomes", ["Engine", "Experiments", "IO", "Calibration"] },
        { "Engine", ["Scenarios", "Experiments", "IO", "Calibration"] },
        { "Experiments", ["IO"] },

        // The ABC-SMC sampler knows no simulation model; the historical population plays the engine's round strategies.
        { "Calibration", ["Model", "Scenarios", "Compilation", "Outcomes", "Experiments", "IO"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_ReferencesNoLayerAboveIt(string layer, string[] above)
    {
        var unexpected = new List<string>();
        foreach (string other in above)
        {
            var result = Types.InAssembly(typeof(Model.Scenario).Assembly)
                .That().ResideInNamespace(Root + layer)
                .ShouldNot().HaveDependencyOn(Root + other)
                .GetResult();
            foreach (string type in result.FailingTypeNames ?? [])
            {
                unexpected.Add($"{type} -> {Root}{other}");
            }
        }

        Assert.True(unexpected.Count == 0, "references against the direction of the layers: " + string.Join("; ", unexpected));
    }

    /// <summary>The root namespace's types: the facade on top of every layer.</summary>
    private static string[] RootTypes => [.. typeof(Model.Scenario).Assembly.GetTypes()
        .Where(t => t.Namespace == "DeterrenceSim" && !t.IsNested && !t.Name.StartsWith('<'))
        .Select(t => t.FullName!)];

    [Fact]
    public void RootNamespace_HoldsTheShortPath()
    {
        Assert.Equal(["DeterrenceSim.DataFrameExtensions", "DeterrenceSim.ScenarioExtensions", "DeterrenceSim.Simulation"], RootTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParquetNet_ReachesOnlyTheParquetAssembly()
    {
        // Parquet.Net is a dependency of DeterrenceSim.Parquet alone (issue 11, item 4): the core library names none of
        // its types and does not reference its assembly; the Parquet assembly holds only the IO layer.
        var core = typeof(Model.Scenario).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name == "Parquet");
        Assert.True(Types.InAssembly(core).ShouldNot().HaveDependencyOn("Parquet").GetResult().IsSuccessful);
        var parquet = typeof(DeterrenceSim.IO.SweepParquetWriter).Assembly;
        Assert.Equal("DeterrenceSim.Parquet", parquet.GetName().Name);
        Assert.All(parquet.GetTypes().Where(t => !t.Name.StartsWith('<') && t.Namespace is not null), t => Assert.Equal("DeterrenceSim.IO", t.Namespace));
    }

    [Theory]
    [InlineData("Model")]
    [InlineData("Scenarios")]
    [InlineData("Compilation")]
    [InlineData("Outcomes")]
    [InlineData("Engine")]
    [InlineData("Experiments")]
    [InlineData("IO")]
    [InlineData("Calibration")]
    public void Layer_ReferencesNoTypeOfTheRootNamespace(string layer)
    {
        var result = Types.InAssembly(typeof(Model.Scenario).Assembly)
            .That().ResideInNamespace(Root + layer)
            .ShouldNot().HaveDependencyOnAny(RootTypes)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{Root}{layer} references the root namespace's short path: " + string.Join("; ", result.FailingTypeNames ?? []));
    }
}
