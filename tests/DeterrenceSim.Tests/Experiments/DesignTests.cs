using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Experiments;

public class DesignTests
{
    [Theory]
    [InlineData("states.CHN.perception.credulity=0:1:11", "states.CHN.perception.credulity", 0, 1, 11)]
    [InlineData(" commitments.*.signal = 0.3 : 0.9 : 7 ", "commitments.*.signal", 0.3, 0.9, 7)]
    [InlineData("crises.baltic.discount=0.5:0.95", "crises.baltic.discount", 0.5, 0.95, 0)]
    [InlineData("states.CHN.capability=1e-3:2.5e-1", "states.CHN.capability", 0.001, 0.25, 0)]
    [InlineData("a.b=-1:-1:1", "a.b", -1, -1, 1)]
    public void FactorParsesGridAndContinuousForms(string text, string path, double lower, double upper, int levels)
    {
        var factor = Factor.Parse(text);
        Assert.Equal(new Factor(path, lower, upper, levels), factor);
        Assert.Equal(factor, Factor.Parse(factor.ToString()));
    }

    [Theory]
    [InlineData("states.CHN.perception.credulity", "PATH=lo:hi:count")]
    [InlineData("=0:1:3", "PATH=lo:hi:count")]
    [InlineData("x.y=", "PATH=lo:hi:count")]
    [InlineData("x.y=0", "expected lo:hi:count or lo:hi")]
    [InlineData("x.y=0:1:2:3", "expected lo:hi:count or lo:hi")]
    [InlineData("x.y=0,5:1", "expected lo to be a finite number")]
    [InlineData("x.y=0:abc", "expected hi to be a finite number")]
    [InlineData("x.y=0:1e999", "expected hi to be a finite number")]
    [InlineData("x.y=0:NaN", "expected hi to be a finite number")]
    [InlineData("x.y=1e-400:1", "expected lo to be a finite number of magnitude 0 or at least 5e-324")]
    [InlineData("x.y=0:1:0", "count to be an integer >= 1")]
    [InlineData("x.y=0:1:-2", "count to be an integer >= 1")]
    [InlineData("x.y=0:1:2.5", "count to be an integer >= 1")]
    [InlineData("x.y=1:0:3", "lo <= hi")]
    [InlineData("x.y=0:1:1", "a count of 1 needs lo = hi")]
    [InlineData("x.y=-1e308:1e308:3", "too wide")]
    [InlineData("x.y=0.5:0.5:3", "would repeat the same point")]
    public void FactorRejectsBadTextWithTheTextAndWhatWasExpected(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Factor.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(text.Trim(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GridEnumeratesEveryCombinationWithTheFirstFactorSlowest()
    {
        var design = ExperimentDesign.Grid(Factor.Parse("a.x=0:1:3"), Factor.Parse("b.y=10:20:2"));
        Assert.Equal(6, design.PointCount);
        double[][] expected = [[0, 10], [0, 20], [0.5, 10], [0.5, 20], [1, 10], [1, 20]];
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(expected[i], design.GetPoint(i));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => design.GetPoint(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.GetPoint(-1));
    }

    [Fact]
    public void GridLevelsAreTheDecimalsOneWouldType()
    {
        Assert.Equal([0.3, 0.5, 0.7, 0.9], Enumerable.Range(0, 4).Select(Factor.Parse("a.x=0.3:0.9:4").Level));
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], Enumerable.Range(0, 11).Select(Factor.Parse("a.x=0:1:11").Level));
    }

    [Fact]
    public void GridHitsBothEndsExactly()
    {
        var factor = Factor.Parse("a.x=0.3:0.9:7");
        Assert.Equal(0.3, factor.Level(0));
        Assert.Equal(0.9, factor.Level(6));
        Assert.Equal(0.5, factor.Level(2), 15);
    }

    [Fact]
    public void LatinHypercubePutsOnePointInEveryStratumOfEveryFactor()
    {
        const int n = 257;
        var design = ExperimentDesign.LatinHypercube(n, 42, Factor.Parse("a.x=0:1"), Factor.Parse("b.y=-2:6"), Factor.Parse("c.z=5:5.5"));
        Assert.Equal(n, design.PointCount);
        for (int f = 0; f < 3; f++)
        {
            var factor = design.Factors[f];
            var strata = new bool[n];
            for (int i = 0; i < n; i++)
            {
                double x = design.GetPoint(i)[f];
                Assert.InRange(x, factor.Lower, factor.Upper);
                int stratum = (int)Math.Floor((x - factor.Lower) / (factor.Upper - factor.Lower) * n);
                Assert.False(strata[stratum], $"factor {f}: stratum {stratum} holds two points");
                strata[stratum] = true;
            }
        }
    }

    [Fact]
    public void LatinHypercubeIsReproducibleBySeedAndDiffersAcrossSeeds()
    {
        var a = ExperimentDesign.LatinHypercube(50, 7, Factor.Parse("a.x=0:1"));
        var b = ExperimentDesign.LatinHypercube(50, 7, Factor.Parse("a.x=0:1"));
        var c = ExperimentDesign.LatinHypercube(50, 8, Factor.Parse("a.x=0:1"));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => a.GetPoint(i)[0]), Enumerable.Range(0, 50).Select(i => b.GetPoint(i)[0]));
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => a.GetPoint(i)[0]), Enumerable.Range(0, 50).Select(i => c.GetPoint(i)[0]));
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("lhs")]
    [InlineData("sobol")]
    public void DesignSavesAndReloadsToTheSamePoints(string kind)
    {
        var design = kind switch
        {
            "grid" => ExperimentDesign.Grid(Factor.Parse("a.x=0.1:0.7:4"), Factor.Parse("commitments.*.signal=0.3:0.9:3")),
            "lhs" => ExperimentDesign.LatinHypercube(33, 123456789012345, Factor.Parse("a.x=0.1:0.7"), Factor.Parse("b.y=0:1")),
            _ => ExperimentDesign.Sobol(16, Factor.Parse("a.x=0.1:0.7"), Factor.Parse("b.y=0:1"), Factor.Parse("c.z=-1:1")),
        };
        var reloaded = ExperimentDesign.FromJson(design.ToJson());
        Assert.Equal(design, reloaded);
        Assert.Equal(design.ToString(), reloaded.ToString());
        for (long i = 0; i < design.PointCount; i++)
        {
            Assert.Equal(design.GetPoint(i), reloaded.GetPoint(i));
        }
    }

    [Fact]
    public void SobolDesignScalesTheSaltelliPointsOfTheBlockFromTheNextPowerOfTwo()
    {
        // N = 6 base rows come from the sequence's points 8 to 13: the block of 8 starting at 8.
        var design = ExperimentDesign.Sobol(6, Factor.Parse("a.x=10:20"), Factor.Parse("b.y=-1:1"));
        Assert.Equal(6 * 4, design.PointCount);
        var sequence = new SobolSequence(4);
        var unit = new double[2];
        for (long p = 0; p < design.PointCount; p++)
        {
            SaltelliSampling.GetUnitPoint(sequence, 2, p + (8 * 4), unit);
            Assert.Equal([10 + (10 * unit[0]), -1 + (2 * unit[1])], design.GetPoint(p));
        }

        // No base row has A = B (points 0 and 1 of the sequence, all zeros and all halves, would).
        for (long row = 0; row < 6; row++)
        {
            Assert.NotEqual(design.GetPoint(row * 4), design.GetPoint((row * 4) + 3));
        }
    }

    [Fact]
    public void ASobolDesignOfOneBaseSampleIsNotTheAllHalvesPoint()
    {
        var design = ExperimentDesign.Sobol(1, Factor.Parse("a.x=0:1"));
        Assert.NotEqual(design.GetPoint(0), design.GetPoint(2));
        Assert.DoesNotContain(Enumerable.Range(0, 3), p => design.GetPoint(p)[0] == 0.5);
    }

    [Fact]
    public void ADesignFileWhosePointCountDisagreesIsRefused()
    {
        string json = ExperimentDesign.Grid(Factor.Parse("a.x=0:1:3")).ToJson().Replace("\"points\": 3", "\"points\": 7", StringComparison.Ordinal);
        Assert.Contains("says it has 7 points", Assert.Throws<FormatException>(() => ExperimentDesign.FromJson(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DesignRejectsFactorsOfTheWrongKindAndRepeatedPaths()
    {
        Assert.Contains("needs a level count", Assert.Throws<ArgumentException>(() => ExperimentDesign.Grid(Factor.Parse("a.x=0:1"))).Message, StringComparison.Ordinal);
        Assert.Contains("is continuous", Assert.Throws<ArgumentException>(() => ExperimentDesign.LatinHypercube(10, 1, Factor.Parse("a.x=0:1:3"))).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => ExperimentDesign.Grid(Factor.Parse("a.x=0:1:2"), Factor.Parse("a.x=0:1:3"))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ExperimentDesign.Grid());
        Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentDesign.LatinHypercube(0, 1, Factor.Parse("a.x=0:1")));
        Assert.Throws<FormatException>(() => ExperimentDesign.FromJson("{\"kind\":\"grid\"}"));
        Assert.Throws<FormatException>(() => ExperimentDesign.FromJson("not json"));
        Assert.Throws<FormatException>(() => ExperimentDesign.ParseKind("factorial"));
    }

    /// <summary>A saved design of the wrong shape names its field and what was found, not the JSON reader's words.</summary>
    [Theory]
    [InlineData("[1]", "expected a JSON object, found [1]")]
    [InlineData("{\"kind\": 5}", "field 'kind': expected a string, found 5")]
    [InlineData("{\"kind\": \"grid\", \"samples\": 1.5}", "field 'samples': expected an integer, found 1.5")]
    [InlineData("{\"kind\": \"grid\", \"samples\": 2, \"seed\": -1}", "field 'seed': expected an integer from 0 to 18446744073709551615, found -1")]
    [InlineData("{\"kind\": \"grid\", \"samples\": 2, \"seed\": 0, \"factors\": {}}", "field 'factors': expected an array of objects, found {}")]
    [InlineData("{\"kind\": \"grid\", \"samples\": 2, \"seed\": 0, \"factors\": [{\"path\": \"a.x\", \"lower\": \"x\"}]}", "field 'lower': expected a finite number, found \"x\"")]
    [InlineData("{\"kind\": \"grid\",\n \"x\": }", "a syntax error at line 2, column 7")]
    public void FromJson_WrongShape_NamesTheField(string json, string message)
    {
        var e = Assert.Throws<FormatException>(() => ExperimentDesign.FromJson(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
    }
}
