using DeterrenceSim.Outcomes;

namespace DeterrenceSim.Tests.Outcomes;

/// <summary>The measures of the attribution by mechanism: their names are a contract of users' scripts (sweep columns,
/// <c>--metric</c>, <c>--z</c>, <c>--target</c>), so they are spelled out here, not derived.</summary>
public class MechanismMeasureTests
{
    private static readonly string[] Factors =
    [
        "challenger.ownCredulity", "challenger.opponentCredulity", "defender.ownCredulity", "defender.opponentCredulity",
        "challenger.capabilityBias", "defender.capabilityBias", "challenger.noise", "defender.noise",
    ];

    [Fact]
    public void Mechanisms_AreButForThenShapleyPerFactor_ThenShapleyRational()
    {
        Assert.Equal(
            [.. Factors.SelectMany(f => new[] { "butFor." + f, "shapley." + f }), "shapley.rational"],
            Measure.Mechanisms.Select(m => m.Name));
        Assert.Equal(17, Measure.Mechanisms.Count);
        Assert.DoesNotContain(Measure.Mechanisms, m => Measure.All.Contains(m));
    }

    [Fact]
    public void Kinds_ButForAndRationalAreRates_ShapleyIsAMean()
    {
        var butFor = Measure.ButFor(MechanismFactor.DefenderOwnCredulity);
        var shapley = Measure.Shapley(MechanismFactor.DefenderOwnCredulity);
        Assert.Equal("butFor.defender.ownCredulity", butFor.Name);
        Assert.Equal("shapley.defender.ownCredulity", shapley.Name);
        Assert.Equal("shapley.rational", Measure.ShapleyRational.Name);
        Assert.False(butFor.IsMean);
        Assert.True(shapley.IsMean);
        Assert.False(Measure.ShapleyRational.IsMean);
        Assert.All(Measure.Mechanisms, m => Assert.True(m.IsMechanism));
        Assert.All(Measure.All, m => Assert.False(m.IsMechanism || m.IsMean));
        Assert.All(Measure.Mechanisms, m => Assert.False(m.IsReported));
        Assert.Equal(MechanismFactor.DefenderOwnCredulity, shapley.MechanismFactor);
        Assert.Null(Measure.ShapleyRational.MechanismFactor);
        Assert.Null(butFor.Outcome);
        Assert.Null(butFor.WarCause);
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure.ButFor((MechanismFactor)8));
    }

    [Fact]
    public void Parse_AcceptsEveryName_AndItsErrorListsThemAll()
    {
        foreach (string name in Factors.SelectMany(f => new[] { "butFor." + f, "shapley." + f }).Append("shapley.rational").Append("war"))
        {
            Assert.Equal(name, Measure.Parse(name).Name);
            Assert.True(Measure.TryParse(name, out var measure));
            Assert.Same(Measure.Parse(name), measure);
        }

        Assert.False(Measure.TryParse("shapley.defender.OwnCredulity", out _));
        Assert.False(Measure.TryParse("butFor.rational", out _));
        string message = Assert.Throws<ArgumentException>(() => Measure.Parse("shapley")).Message;
        Assert.Contains("deterred, concession, war,", message, StringComparison.Ordinal);
        Assert.Contains(", rational, butFor.challenger.ownCredulity, shapley.challenger.ownCredulity,", message, StringComparison.Ordinal);
        Assert.Contains("shapley.defender.noise, shapley.rational, found 'shapley'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulationResult_GivesTheRatesOfItsAttribution_AndRefusesAShapleyShareAsARate()
    {
        var result = TestScenarios.Run(Experiments.SweepTests.Noisy(), 3_000, crisis: "crisis-1");
        Assert.Same(result.Mechanisms[MechanismFactor.ChallengerNoise].ButFor, result[Measure.ButFor(MechanismFactor.ChallengerNoise)]);
        Assert.Same(result.Mechanisms.Rational, result[Measure.ShapleyRational]);
        Assert.Contains("Mechanisms[factor].Shapley", Assert.Throws<ArgumentException>(() => result[Measure.Shapley(MechanismFactor.ChallengerNoise)]).Message, StringComparison.Ordinal);
    }
}
