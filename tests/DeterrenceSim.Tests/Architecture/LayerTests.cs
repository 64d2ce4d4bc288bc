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

    /// <summary>
    /// References against the direction that are known, and due to be moved (issue 11, item 4): the engine reports an
    /// impossible growth path as a scenario error. A test below fails when one of them is gone, so that this list only
    /// shrinks.
    /// </summary>
    private static readonly HashSet<(string Type, string Layer)> Known =
    [
        ("DeterrenceSim.Engine.MonteCarlo", "Scenarios"),
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_ReferencesNoLayerAboveIt_BeyondTheKnownExceptions(string layer, string[] above)
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
                if (!Known.Contains((Outer(type), other)))
                {
                    unexpected.Add($"{type} -> {Root}{other}");
                }
            }
        }

        Assert.True(unexpected.Count == 0, "references against the direction of the layers: " + string.Join("; ", unexpected));
    }

    [Fact]
    public void KnownExceptions_AreStillThere_SoTheListOnlyShrinks()
    {
        foreach (var (type, layer) in Known)
        {
            var result = Types.InAssembly(typeof(Model.Scenario).Assembly)
                .That().ResideInNamespace(type[..type.LastIndexOf('.')]).And().HaveName(type[(type.LastIndexOf('.') + 1)..])
                .ShouldNot().HaveDependencyOn(Root + layer)
                .GetResult();
            Assert.False(result.IsSuccessful, $"{type} no longer references {Root}{layer}: remove it from the known exceptions.");
        }
    }

    /// <summary>A nested or compiler-generated type counts as its outer type (<c>A+B</c>, <c>A/&lt;&gt;c</c>).</summary>
    private static string Outer(string type) => type.Split('+', '/')[0];
}
