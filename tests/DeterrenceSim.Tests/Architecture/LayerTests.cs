using NetArchTest.Rules;

namespace DeterrenceSim.Tests.Architecture;

/// <summary>
/// The direction of dependencies (DESIGN.md section 8): model definitions (Model, Scenarios) -> compiled scenario
/// (Compilation) -> engine (Engine, with its result types in Outcomes) -> experiments (Experiments) -> I/O (IO). Read
/// from the compiled IL (NetArchTest, Mono.Cecil), so full names and method bodies count, not only <c>using</c>
/// directives.
/// </summary>
public class LayerTests
{
    private const string Root = "DeterrenceSim.";

    /// <summary>Each layer and the layers above it, which it must not reference.</summary>
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Model", ["Scenarios", "Compilation", "Engine", "Outcomes", "Experiments", "IO"] },
        { "Scenarios", ["Compilation", "Engine", "Outcomes", "Experiments", "IO"] },
        { "Compilation", ["Engine", "Experiments", "IO"] },
        { "Outcomes", ["Engine", "Experiments", "IO"] },
        { "Engine", ["Scenarios", "Experiments", "IO"] },
        { "Experiments", ["IO"] },
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

}
