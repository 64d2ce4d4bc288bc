using System.Globalization;
using DeterrenceSim.Experiments;
using DeterrenceSim.Model;
using DeterrenceSim.Scenarios;

namespace DeterrenceSim.Tests.Experiments;

/// <summary>
/// A sweep sets common numeric parameters directly on the records; the result must be exactly what
/// <see cref="ParameterPaths"/> gives through JSON, for valid values (the same scenario) and invalid ones (the same
/// error, blamed on the same parameter).
/// </summary>
public class RecordSettersTests
{
    private static readonly Scenario Embedded = ScenarioLoader.LoadEmbedded("indo-pacific-2023");

    [Theory]
    [InlineData("priorStrength=-1:20:3")]
    [InlineData("overstretch=0.5:3:3")]
    [InlineData("states.CHN.capability=-0.1:0.4:3")]
    [InlineData("states.*.growthRate=-0.01:0.05:3")]
    [InlineData("states.JPN.perception.credulity=-0.5:1.5:5")]
    [InlineData("states.CHN.perception.noise=-1:2:4")]
    [InlineData("states.*.perception.supporterNoise=0:1:3")]
    [InlineData("states.RUS.perception.capabilityBias=-1:1:3")]
    [InlineData("commitments.USA>JPN.reliability=-0.5:1.5:5")]
    [InlineData("commitments.Partnership.signal=0:1:5")]
    [InlineData("commitments.*.outOfScopeReliability=0:1.2:4")]
    [InlineData("commitments.*>KOR.informationSharing=0:1:3")]
    [InlineData("commitments.GBR>*.deepening.reliability=-0.01:0.02:4")]
    [InlineData("commitments.Partnership.deepening.signal=0:0.05:3")]
    [InlineData("crises.east-china-sea.statusQuo=-0.5:1.5:5")]
    [InlineData("crises.*.challengerCost=0:1.5:4")]
    [InlineData("crises.baltic.defenderCost=0:1.2:3")]
    [InlineData("crises.korean-peninsula.discount=0:1:5")]
    [InlineData("crises.east-china-sea.decisiveness=-1:3:5")]
    [InlineData("crises.east-china-sea.bargaining.challengerPower=0:1.5:4")]
    [InlineData("crises.east-china-sea.bargaining.defenderCostUpperBound=0:1:3")]
    [InlineData("crises.baltic.theatre.defaultProjection=-0.5:1:4")]
    [InlineData("alliances.NATO.memberReliability=-0.5:1:4")]
    public void RecordsAndJsonGiveTheSameScenarioOrTheSameError(string factor)
    {
        var design = ExperimentDesign.Grid(Factor.Parse(factor), Factor.Parse("states.KOR.perception.noise=0.2:0.4:2"));
        var sweep = new Sweep(Embedded, design, new SweepOptions { Rounds = 1, Replications = 1 });
        Assert.True(sweep.SetsRecords);
        for (long p = 0; p < design.PointCount; p++)
        {
            var values = design.GetPoint(p);
            var assignments = design.Factors.Select((f, i) => new KeyValuePair<string, string>(f.Path, values[i].ToString("R", CultureInfo.InvariantCulture)));
            Scenario? viaJson = null;
            ScenarioException? jsonError = null;
            try
            {
                viaJson = ParameterPaths.SetAll(Embedded, assignments);
            }
            catch (ScenarioException e)
            {
                jsonError = e;
            }

            if (jsonError is null)
            {
                Assert.Equal(ScenarioLoader.ToJson(viaJson!), ScenarioLoader.ToJson(sweep.ScenarioAt(p)));
            }
            else
            {
                var recordError = Assert.Throws<ScenarioException>(() => sweep.ScenarioAt(p));
                Assert.Equal(jsonError.Message, recordError.Message);
                Assert.Equal(jsonError.ParameterPath, recordError.ParameterPath);
            }
        }
    }

    /// <summary>With several values out of their domains at one point, the first error the validator meets in the
    /// scenario's order is the one reported, as through JSON (a point's values are checked against their domains, and
    /// only an invalid point is validated in full).</summary>
    [Theory]
    [InlineData("commitments.Partnership.signal=0:0.5:2", "states.JPN.capability=0:3:2", "crises.baltic.discount=0.5:1:2")]
    [InlineData("alliances.NATO.memberReliability=0:2:2", "crises.*.challengerCost=0:2:2", "priorStrength=-1:1:2")]
    public void ScenarioAt_SeveralValuesInvalid_SameErrorAsJson(string first, string second, string third)
    {
        var design = ExperimentDesign.Grid(Factor.Parse(first), Factor.Parse(second), Factor.Parse(third));
        var sweep = new Sweep(Embedded, design, new SweepOptions { Rounds = 1, Replications = 1 });
        Assert.True(sweep.SetsRecords);
        int invalid = 0;
        for (long p = 0; p < design.PointCount; p++)
        {
            var values = design.GetPoint(p);
            var assignments = design.Factors.Select((f, i) => new KeyValuePair<string, string>(f.Path, values[i].ToString("R", CultureInfo.InvariantCulture)));
            try
            {
                var viaJson = ParameterPaths.SetAll(Embedded, assignments);
                Assert.Equal(ScenarioLoader.ToJson(viaJson), ScenarioLoader.ToJson(sweep.ScenarioAt(p)));
            }
            catch (ScenarioException jsonError)
            {
                invalid++;
                var recordError = Assert.Throws<ScenarioException>(() => sweep.ScenarioAt(p));
                Assert.Equal(jsonError.Message, recordError.Message);
                Assert.Equal(jsonError.ParameterPath, recordError.ParameterPath);
            }
        }

        Assert.Equal(7, invalid);
    }

    [Theory]
    [InlineData("crises.east-china-sea.foresight=1:3:3")]
    [InlineData("crises.baltic.theatre.projection.USA=0:1:3")]
    [InlineData("alliances.NATO.preferences.FRA.support=0:1:3")]
    public void OtherPathsGoThroughJson(string factor)
    {
        var sweep = new Sweep(Embedded, ExperimentDesign.Grid(Factor.Parse(factor)), new SweepOptions { Rounds = 1, Replications = 1, Periods = 2 });
        Assert.False(sweep.SetsRecords);
        Assert.Equal(3, sweep.Rows().Count());
    }
}
