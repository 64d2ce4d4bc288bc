using DeterrenceSim.Calibration;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace DeterrenceSim.Tests.Calibration;

/// <summary>The historical population (issue 14, item 1): the extract as placed, and one round per dispute against
/// hand-computed oracles of DESIGN.md section 3.</summary>
public sealed class HistoricalPopulationTests
{
    private const string Header = "dispnum,styear,stmon,hostlev,outcome,settle,recip,fatality,role,ccode,cinc,distance_km,obligation,note";

    [Fact]
    public void GmlMid_HoldsEveryDispute_WithTheRecordedWarShares()
    {
        var all = MidPopulation.GmlMid;
        Assert.Equal(2174, all.Count);
        Assert.Equal(95, all.Placed.Count(d => d.Hostility == 5) + all.Unplaced.Count(d => d.Hostility == 5)); // 4.37%

        var early = all.Between(1816, 1944);
        Assert.Equal(637, early.Count); // the shared data README: 8.63% of 637 reach war
        Assert.Equal(55, early.Placed.Count(d => d.Hostility == 5) + early.Unplaced.Count(d => d.Hostility == 5));
        Assert.Equal(1537, all.Between(1945, 2010).Count);
        Assert.All(all.Placed, d => Assert.NotEqual(d.Challenger, d.Defender));
    }

    [Fact]
    public void Dispute2_UnitedStatesAgainstBritainWithJapanAsBritainsAlly_AsTheRawDataSay()
    {
        // GML MID 2.2.1 dispute 2 (1902): the US (side A) against the UK; the Anglo-Japanese alliance of 1902 (ATOP).
        var d = MidPopulation.GmlMid.Placed.Single(x => x.Id == 2);
        Assert.Equal((2, 200, 1902), (d.Challenger, d.Defender, d.StartYear));
        Assert.Equal(HistoricalOutcome.Concession, d.Outcome); // outcome 6, compromise
        var japan = Assert.Single(d.Supporters);
        Assert.Equal((740, false, false, "defense"), (japan.State, japan.ForChallenger, japan.CoOriginator, japan.Obligation));
    }

    [Fact]
    public void Compile_AccurateWinProbability_IsTheCsfOfExpectedStrengthsWithTheGradient()
    {
        // C: K 0.2 at 1,000 km (π = 1 / (1 + 1000 / 2000) = 2/3); D: K 0.1 at home; D's ally K 0.3 at 2,000 km (π = 1/2)
        // with reliability 0.745; C's co-originator K 0.05 at 0 km fights for sure.
        var population = Load(
            "7,1900,1,3,5,1,1,0,challenger,1,0.2,1000.0,,",
            "7,1900,1,3,5,1,1,0,defender,2,0.1,0.0,,",
            "7,1900,1,3,5,1,1,0,challenger-originator,3,0.05,0.0,,",
            "7,1900,1,3,5,1,1,0,defender-ally,4,0.3,2000.0,defense,").Compile();

        double expectedC = (0.2 * 2.0 / 3) + 0.05, expectedD = 0.1 + (0.745 * 0.3 * 0.5);
        Assert.Equal(expectedC / (expectedC + expectedD), population.AccurateWinProbability[0], 12);
    }

    [Theory]
    [InlineData(0.05, HistoricalOutcome.Concession)]
    [InlineData(-0.05, HistoricalOutcome.Deterred)]
    public void Simulate_WithoutNoise_NoWarAndTheSettlementIsPacc_SoDissatisfactionDecides(double dissatisfaction, HistoricalOutcome expected)
    {
        // σ = 0: both believe p_acc; the Nash split of [p_acc − c, p_acc + c] is p_acc, against q = p_acc − d.
        var population = MidPopulation.GmlMid.Between(1816, 1870).Compile();
        var outcomes = new HistoricalOutcome[population.Count];
        var won = new sbyte[population.Count];

        population.Simulate(new PopulationParameters(0, 0.1, dissatisfaction), 42, outcomes, won);

        Assert.All(outcomes, o => Assert.Equal(expected, o));
        Assert.All(won, w => Assert.Equal(-1, w));
    }

    [Fact]
    public void Simulate_OneDispute_WarRateAndVictoryMatchTheirIntegrals()
    {
        // One dispute without allies, C: K 0.3 at 2,000 km (π = 1/2, strength 0.15), D: K 0.1: p_acc = 0.6, L = ln 1.5.
        // P(war) = P(logistic(L + σ η_C) − logistic(L − σ η_D) > 2c) over two standard normals; in war C wins with
        // probability CSF(0.15, 0.1) = 0.6 (no ally to draw).
        var population = Load(
            "9,1900,1,4,5,1,1,0,challenger,1,0.3,2000.0,,",
            "9,1900,1,4,5,1,1,0,defender,2,0.1,0.0,,").Compile();
        Assert.Equal(0.6, population.AccurateWinProbability[0], 12);
        const double sigma = 1.2, cost = 0.08;
        double logit = Math.Log(1.5);
        // Given η_C = e, war iff logistic(L − σ η_D) < logistic(L + σ e) − 2c, i.e. η_D > (L − logit(that)) / σ when
        // that lies in (0, 1): the inner integral is a normal tail, the outer a smooth integral (Gauss-Legendre).
        static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
        double expectedWar = GaussLegendreRule.Integrate(
            e =>
            {
                double bound = Logistic(logit + (sigma * e)) - (2 * cost);
                double inner = bound <= 0 ? 0 : 1 - Normal.CDF(0, 1, (logit - Math.Log(bound / (1 - bound))) / sigma);
                return Normal.PDF(0, 1, e) * inner;
            },
            -9,
            9,
            1024);

        var outcome = new HistoricalOutcome[1];
        var won = new sbyte[1];
        const int n = 40_000;
        int wars = 0, victories = 0;
        for (int k = 0; k < n; k++)
        {
            population.Simulate(new PopulationParameters(sigma, cost, 0), (ulong)k, outcome, won);
            wars += outcome[0] == HistoricalOutcome.War ? 1 : 0;
            victories += won[0] == 1 ? 1 : 0;
        }

        double rate = (double)wars / n;
        Assert.InRange(rate, expectedWar - (4 * Math.Sqrt(expectedWar * (1 - expectedWar) / n)), expectedWar + (4 * Math.Sqrt(expectedWar * (1 - expectedWar) / n)));
        double win = (double)victories / wars;
        Assert.InRange(win, 0.6 - (4 * Math.Sqrt(0.24 / wars)), 0.6 + (4 * Math.Sqrt(0.24 / wars)));
    }

    [Fact]
    public void Simulate_SameKey_SameOutcomes_AnotherKey_Others()
    {
        var population = MidPopulation.GmlMid.Between(1900, 1944).Compile();
        var first = new HistoricalOutcome[population.Count];
        var again = new HistoricalOutcome[population.Count];
        var other = new HistoricalOutcome[population.Count];
        var won = new sbyte[population.Count];
        var parameters = new PopulationParameters(1.5, 0.05, 0.05);

        population.Simulate(parameters, 1, first, won);
        population.Simulate(parameters, 1, again, won);
        population.Simulate(parameters, 2, other, won);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Statistics_Observed_AreTheRecordedShares()
    {
        var population = MidPopulation.GmlMid.Between(1816, 1944).Compile();
        var values = PopulationStatistics.Observed(population, ["war", "concession", "deterred", "war.from1945"]);

        int classified = population.Observed.Count(o => o != HistoricalOutcome.Unclassified);
        Assert.Equal((double)population.Observed.Count(o => o == HistoricalOutcome.War) / classified, values[0], 15);
        Assert.Equal(1, values[0] + values[1] + values[2], 12);
        Assert.True(double.IsNaN(values[3])); // no dispute from 1945 in 1816-1944
        var error = Assert.Throws<ArgumentException>(() => PopulationStatistics.Observed(population, ["war.tercile4"]));
        Assert.Contains("war.tercile3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dispnum,styear", "expected the header")]
    [InlineData(Header + "\n7,1900,1,3,5,1,1,0,challenger,1,1.5,0.0,,", "7,1900,1,3,5,1,1,0,challenger,1,1.5,0.0,,|column 'cinc': expected a number in [0, 1], found '1.5'")]
    [InlineData(Header + "\n7,1900,1,3,5,1,1,0,ally,1,0.1,0.0,,", "column 'role'")]
    [InlineData(Header + "\n7,1900,1,3,5,1,1,0,challenger,1,0.1,0.0,,", "expected a challenger row and a defender row")]
    [InlineData(Header + "\n7,1900,1,3,5,1,1,0,challenger,1,0.1", "expected 14 columns, found 11")]
    public void Load_BadLines_NameTheLineColumnExpectedAndFound(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => MidPopulation.Load(new StringReader(text), "bad.csv"));
        Assert.StartsWith("bad.csv:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected.Split('|')[^1], error.Message, StringComparison.Ordinal);
    }

    private static MidPopulation Load(params string[] rows) =>
        MidPopulation.Load(new StringReader(Header + "\n" + string.Join("\n", rows)), "test.csv");
}
