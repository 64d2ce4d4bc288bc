using System.Collections;
using System.Reflection;
using DeterrenceSim.Compilation;
using DeterrenceSim.Experiments;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Compilation;

/// <summary>
/// A sweep compiles each point's scenario from the base scenario's compilation (<see cref="CompiledScenario.WithValues"/>):
/// the result must equal a full compilation, bit for bit, whatever numeric fields the point changes.
/// </summary>
public class CompiledScenarioTests
{
    private static readonly Scenario Embedded = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

    [Theory]
    [InlineData("states.*.perception.credulity=0:1:3", "states.CHN.capability=0.05:0.3:2")]
    [InlineData("states.*.growthRate=-0.01:0.05:2", "states.JPN.perception.cohesion=0:1:2")]
    [InlineData("commitments.*.reliability=0:1:3", "commitments.Partnership.signal=0.1:0.9:2")]
    [InlineData("commitments.*.deepening.signal=0:0.05:2", "commitments.*>KOR.informationSharing=0:1:2")]
    [InlineData("crises.*.theatre.defaultProjection=0:1:3", "crises.*.discount=0.5:0.95:2")]
    [InlineData("crises.*.decisiveness=0.5:3:2", "crises.east-china-sea.bargaining.challengerPower=0:1:2")]
    [InlineData("crises.baltic.defenderCost=0:1:2", "crises.*.statusQuo=0:1:2")]
    [InlineData("alliances.NATO.memberReliability=0:1:3", "priorStrength=0:20:2")]
    [InlineData("states.*.perception.ownCredulity=0:1:2", "overstretch=1:3:2")]
    public void WithValues_NumericFieldsChanged_EqualsFullCompilation(string first, string second)
    {
        var design = ExperimentDesign.Grid(Factor.Parse(first), Factor.Parse(second));
        var sweep = new Sweep(Embedded, design, new SweepOptions { Rounds = 1, Replications = 1 });
        Assert.True(sweep.SetsRecords);
        var compiledBase = CompiledScenario.CompileValid(Embedded);
        for (long p = 0; p < design.PointCount; p++)
        {
            var scenario = sweep.ScenarioAt(p);
            AssertSame(CompiledScenario.Compile(scenario), compiledBase.WithValues(scenario), "compiled");
        }
    }

    /// <summary>Every property, public or not, equal: doubles by their bits, arrays and compiled parts item by item.</summary>
    private static void AssertSame(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case double d:
                Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual!), $"{path}: {d} != {actual}");
                break;
            case string or Scenario or PerceptionProfile or ValueType:
                Assert.True(Equals(expected, actual), $"{path}: {expected} != {actual}");
                break;
            case IList list when expected is Array:
                var other = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == other.Count, $"{path}: {list.Count} items != {other.Count}");
                for (int i = 0; i < list.Count; i++)
                {
                    AssertSame(list[i], other[i], $"{path}[{i}]");
                }

                break;
            case CompiledScenario or CompiledCrisis or CohesionMembers:
                Assert.IsType(expected.GetType(), actual);
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                {
                    if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                    {
                        AssertSame(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                    }
                }

                break;
            default:
                Assert.Fail($"{path}: no comparison for {expected.GetType().Name}");
                break;
        }
    }
}
