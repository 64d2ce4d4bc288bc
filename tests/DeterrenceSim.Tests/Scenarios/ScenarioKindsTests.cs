using System.Reflection;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Scenarios;

/// <summary>The table of the scenario format (<see cref="ScenarioKinds"/>) against the model records: every property a
/// record can be given is one field of its kind, a parameter or explicitly structural, so a property added to a record
/// without its entry fails here.</summary>
public class ScenarioKindsTests
{
    /// <summary>The model records with settable properties: each must be the record of a kind.</summary>
    private static readonly Type[] Records =
    [
        .. typeof(Scenario).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == typeof(Scenario).Namespace && t.IsClass && SettableProperties(t).Any()),
    ];

    [Fact]
    public void EveryModelRecord_IsTheRecordOfOneKind()
    {
        Assert.True(Records.Length >= 10, string.Join(", ", Records.Select(t => t.Name)));
        foreach (var record in Records)
        {
            Assert.True(ScenarioKinds.All.Count(k => k.Record == record) == 1, $"{record.Name} is the record of no kind, or of several, in ScenarioKinds");
        }
    }

    [Fact]
    public void EveryPropertyOfAModelRecord_IsOneFieldOfItsKind()
    {
        foreach (var kind in ScenarioKinds.All.Where(k => k.Record is not null))
        {
            var covered = kind.Members.Select(m => m.Property).ToList();
            foreach (var property in SettableProperties(kind.Record!))
            {
                Assert.True(
                    covered.Count(p => p == property.Name) == 1,
                    $"{kind.Record!.Name}.{property.Name} is not covered by exactly one field of the kind '{kind.Name}' in ScenarioKinds: add a parameter entry (or, for an id, a text, a list, a nested object or a map, a Structure entry)");
            }

            Assert.All(covered, p => Assert.Contains(p, SettableProperties(kind.Record!).Select(q => q.Name)));
        }
    }

    [Fact]
    public void EveryRecordField_GetsWhatItSets()
    {
        var scenario = ScenarioLoader.LoadEmbedded(ScenarioLoader.DefaultScenarioName);
        var samples = new Dictionary<Type, object>
        {
            [typeof(Scenario)] = scenario,
            [typeof(State)] = scenario.States[0],
            [typeof(PerceptionProfile)] = scenario.States[0].Perception,
            [typeof(Alliance)] = scenario.Alliances[0],
            [typeof(MemberPreference)] = MemberPreference.AlwaysYes,
            [typeof(Commitment)] = scenario.Commitments[0],
            [typeof(Deepening)] = scenario.Commitments[0].Deepening,
            [typeof(Crisis)] = scenario.Crises[0],
            [typeof(Theatre)] = scenario.Crises[0].Theatre,
            [typeof(Bargaining)] = scenario.Crises[0].Bargaining,
            [typeof(EscalationStrike)] = new EscalationStrike("USA", "Pacific", 0.1),
        };
        foreach (var field in ScenarioKinds.Fields.Where(f => f.Record is not null))
        {
            object value = field.Type switch
            {
                ScenarioFieldType.Number => 0.375,
                ScenarioFieldType.Integer => 7,
                ScenarioFieldType.Boolean => !(bool)field.GetValue(samples[field.Record!])!,
                ScenarioFieldType.Choice => Enum.GetValues(field.Enum!).GetValue(1)!,
                _ => "ZZZ",
            };
            var changed = field.SetValue(samples[field.Record!], value);
            Assert.Equal(value, field.GetValue(changed));
            Assert.Equal(field.Property, field.Record!.GetProperty(field.Property!)!.Name);
        }
    }

    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.SetMethod is not null);
}
