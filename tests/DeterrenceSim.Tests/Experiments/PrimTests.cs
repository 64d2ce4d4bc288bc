using DeterrenceSim.Experiments;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace DeterrenceSim.Tests.Experiments;

public sealed class PrimTests(ITestOutputHelper output)
{
    private static readonly string[] FourNames = ["x0", "x1", "x2", "x3"];

    // x = 1..10, cases of interest at x = 3, 8, 9, 10: K = 4, N = 10. Every number below is worked by hand in the comments.
    private static readonly double[][] TinyInputs = [.. Enumerable.Range(1, 10).Select(i => new double[] { i })];
    private static readonly bool[] TinyInterest = [.. Enumerable.Range(1, 10).Select(i => i is 3 or 8 or 9 or 10)];

    [Fact]
    public void Run_TinyData_TrajectoryMatchesHandComputedPeels()
    {
        var options = new PrimOptions { PeelAlpha = 0.1, PasteAlpha = 0.1, MinimumMass = 0.7 };
        PrimResult result = Prim.Run(TinyInputs, ["x"], TinyInterest, options);

        // Step 0: all data, [1, 10]: n = 10, k = 4.
        // Step 1: on 1..10, (n-1)q = 0.9 gives the lower cut (1+2)/2 = 1.5 (keeps 9, k = 4, density 4/9) and 8.1 the
        //   upper cut (9+10)/2 = 9.5 (keeps 9, k = 3, 1/3): lower wins.
        // Step 2: on 2..10, cuts 2.5 (keeps 8, k = 4, 1/2) and 9.5 (keeps 8, k = 3): lower.
        // Step 3: on 3..10, cuts 9.5 (keeps 7, k = 3, 3/7) and 3.5 (keeps 7, k = 3, 3/7): a tie in density, in mass
        //   and in restricted inputs (1 either way), so the first candidate wins: the upper peel (upper before lower).
        // Step 4 would keep 6 of 10: mass 0.6 < 0.7, so peeling stops.
        Assert.Equal(4, result.Trajectory.Count);
        AssertBox(result.Trajectory[0], 1, 10, cases: 10, interest: 4, coverage: 1.0, density: 0.4, mass: 1.0, restricted: 0);
        AssertBox(result.Trajectory[1], 1.5, 10, cases: 9, interest: 4, coverage: 1.0, density: 4.0 / 9, mass: 0.9, restricted: 1);
        AssertBox(result.Trajectory[2], 2.5, 10, cases: 8, interest: 4, coverage: 1.0, density: 0.5, mass: 0.8, restricted: 1);
        AssertBox(result.Trajectory[3], 2.5, 9.5, cases: 7, interest: 3, coverage: 0.75, density: 3.0 / 7, mass: 0.7, restricted: 1);
        Assert.Equal(3, result.ChosenStep);
    }

    [Fact]
    public void Run_TinyDataChosenStep_PastesWhileDensityRisesAndComputesQuasiP()
    {
        var options = new PrimOptions { PeelAlpha = 0.1, PasteAlpha = 0.1, MinimumMass = 0.7, Step = 3 };
        PrimResult result = Prim.Run(TinyInputs, ["x"], TinyInterest, options);

        // Step 3 is [2.5, 9.5] (7 cases, 3 of interest). Pasting the upper limit: the strip [9.5, 10] holds {10};
        // the paste value is 10 (the data's maximum), giving [2.5, 10]: 8 cases, 4 of interest, density 1/2 > 3/7.
        // Then only the lower limit is restricted: the strip [1, 2.5] holds {1, 2}; the 0.9-quantile is (1+2)/2 = 1.5,
        // giving 9 cases, 4 of interest: 4/9 < 1/2, so pasting stops.
        Assert.Equal(3, result.ChosenStep);
        AssertBox(result.Box, 2.5, 10, cases: 8, interest: 4, coverage: 1.0, density: 0.5, mass: 0.8, restricted: 1);

        // Quasi-p of the lower limit: without it the box is all 10 cases, 4 of interest, p = 0.4;
        // qp = P(X >= 4), X ~ Binomial(8, 0.4) = 1 - CDF(3).
        PrimRestriction restriction = Assert.Single(result.Restrictions);
        Assert.Equal(("x", 0, 2.5, 10.0), (restriction.Input, restriction.Index, restriction.Lower, restriction.Upper));
        Assert.Null(restriction.UpperQuasiP);
        Assert.NotNull(restriction.LowerQuasiP);
        Assert.Equal(1 - Binomial.CDF(0.4, 8, 3), restriction.LowerQuasiP.Value, 12);
    }

    [Fact]
    public void Run_MinimumDensity_ChoosesTheDensestStepOfTheFirstQualifyingStepsCoverage()
    {
        PrimResult result = Prim.Run(Planted(20261206, out bool[] interest), FourNames, interest, new PrimOptions { MinimumDensity = 0.8 });
        var t = result.Trajectory;
        int first = Enumerable.Range(0, t.Count).First(s => t[s].Density >= 0.8);
        int chosen = result.ChosenStep;
        Assert.InRange(chosen, first, t.Count - 1);
        Assert.Equal(t[first].Coverage, t[chosen].Coverage);
        Assert.All(Enumerable.Range(first, chosen - first + 1), s => Assert.Equal(t[first].Coverage, t[s].Coverage));
        Assert.True(chosen + 1 == t.Count || t[chosen + 1].Coverage != t[chosen].Coverage || t[chosen + 1].Density <= t[chosen].Density);
    }

    [Fact]
    public void Run_PlantedBox_RecoversItsLimitsAndLeavesNoiseInputsFree()
    {
        PrimResult result = Prim.Run(Planted(20261206, out bool[] interest), FourNames, interest, new PrimOptions { MinimumDensity = 0.8 });
        foreach (PrimBox step in result.Trajectory)
        {
            output.WriteLine($"cov {step.Coverage:F3} dens {step.Density:F3} mass {step.Mass:F3} res {step.RestrictedInputs} x0 [{step.Lower[0]:F3}, {step.Upper[0]:F3}] x1 [{step.Lower[1]:F3}, {step.Upper[1]:F3}]");
        }

        output.WriteLine($"chosen step {result.ChosenStep}");
        Assert.Equal(["x0", "x1"], result.Restrictions.Select(r => r.Input));
        AssertPlantedLimits(result);

        // The planted limits are far beyond chance: about 240 cases at density 0.9 against 0.05 outside.
        Assert.All(result.Restrictions, r => Assert.True(r.LowerQuasiP < 1e-10, $"{r.Input} lower qp {r.LowerQuasiP}"));
        Assert.True(result.Restrictions[0].UpperQuasiP < 1e-10);
        Assert.Null(result.Restrictions[1].UpperQuasiP); // x1 > 0.7 has no upper limit
        Assert.True(result.Box.Density >= 0.8);
        Assert.True(result.Box.Coverage >= 0.6); // about 216 of about 315 cases of interest lie in the planted box
        AssertMonotone(result.Trajectory);
    }

    [Fact]
    public void Run_PlantedBoxTwentySeeds_LimitsWithinToleranceAndNoiseRestrictionsNotSignificant()
    {
        // Over seeds 1..20 the limits always land within the tolerance (largest miss seen: 0.043, x0's upper limit at
        // seed 10, where density 0.8 is reached two peels early); a noise input is sometimes clipped by a late peel
        // (seed 18: x3 <= 0.984), and its quasi-p-value then says so (0.52 there; Bryant & Lempert flag qp > 0.05).
        for (int seed = 1; seed <= 20; seed++)
        {
            PrimResult result = Prim.Run(Planted(seed, out bool[] interest), FourNames, interest, new PrimOptions { MinimumDensity = 0.8 });
            AssertPlantedLimits(result);
            Assert.All(result.Restrictions.Where(r => r.Index >= 2), r => Assert.True((r.LowerQuasiP ?? 1) > 0.05 && (r.UpperQuasiP ?? 1) > 0.05, $"seed {seed}: {r}"));
        }
    }

    /// <summary>N = 2,000 cases of 4 U(0, 1) inputs; a case is of interest with probability 0.9 inside the planted box
    /// x0 in [0.2, 0.6], x1 &gt; 0.7 (volume 0.12, about 240 cases) and 0.05 elsewhere.</summary>
    private static double[][] Planted(int seed, out bool[] interest)
    {
        const int n = 2000;
        var random = new Random(seed);
        double[][] inputs = new double[n][];
        interest = new bool[n];
        for (int i = 0; i < n; i++)
        {
            inputs[i] = [random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()];
            bool planted = inputs[i][0] is >= 0.2 and <= 0.6 && inputs[i][1] > 0.7;
            interest[i] = random.NextDouble() < (planted ? 0.9 : 0.05);
        }

        return inputs;
    }

    private static void AssertPlantedLimits(PrimResult result)
    {
        // Tolerance 0.05: near the planted box (about 240 cases) one 5% peel or paste moves x0's limits by about
        // 0.05 * 0.4 = 0.02 and x1's by 0.05 * 0.3 = 0.015, and the edge itself is blurred by the 0.05 noise outside;
        // 0.05 allows two to three such steps. x1's upper limit and x2, x3 stay at the data's range (about 0 and 1).
        const double tolerance = 0.05;
        PrimBox box = result.Box;
        Assert.Equal(0.2, box.Lower[0], tolerance);
        Assert.Equal(0.6, box.Upper[0], tolerance);
        Assert.Equal(0.7, box.Lower[1], tolerance);
        Assert.Equal(1.0, box.Upper[1], 0.01);
    }

    [Fact]
    public void Run_RaggedRows_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0, 1.0], [1.0]], ["a", "b"], [true, false]));
        Assert.Contains("Row 1 has 1 inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoCaseOfInterest_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0], [1.0]], ["a"], [false, false]));
        Assert.Contains("No case is of interest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EveryCaseOfInterest_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0], [1.0]], ["a"], [true, true]));
        Assert.Contains("Every case is of interest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NamesCountMismatch_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0, 1.0], [1.0, 0.0]], ["a"], [true, false]));
        Assert.Contains("1 input names for 2 input columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NaNInput_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0, 1.0], [1.0, double.NaN]], ["a", "b"], [true, false]));
        Assert.Contains("Row 1, input 'b' is NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FlagsCountMismatch_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Prim.Run([[0.0], [1.0]], ["a"], [true]));
        Assert.Contains("1 flags of interest for 2 rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StepPastTrajectory_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prim.Run(TinyInputs, ["x"], TinyInterest, new PrimOptions { MinimumMass = 0.7, Step = 99 }));
    }

    [Theory]
    [InlineData(0.0, 0.05, 0.05)]
    [InlineData(0.5, 0.05, 0.05)]
    [InlineData(0.05, 0.0, 0.05)]
    [InlineData(0.05, 0.05, 0.0)]
    [InlineData(0.05, 0.05, 1.5)]
    public void Validate_OutOfRange_Throws(double peel, double paste, double mass)
    {
        var options = new PrimOptions { PeelAlpha = peel, PasteAlpha = paste, MinimumMass = mass };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    [Fact]
    public void Validate_StepAndMinimumDensity_Throws()
    {
        Assert.Throws<ArgumentException>(new PrimOptions { Step = 1, MinimumDensity = 0.5 }.Validate);
    }

    private static void AssertBox(PrimBox box, double lower, double upper, int cases, int interest, double coverage, double density, double mass, int restricted)
    {
        Assert.Equal((lower, upper), (box.Lower[0], box.Upper[0]));
        Assert.Equal((cases, interest, 10, 4), (box.Cases, box.CasesOfInterest, box.TotalCases, box.TotalOfInterest));
        Assert.Equal(coverage, box.Coverage, 12);
        Assert.Equal(density, box.Density, 12);
        Assert.Equal(mass, box.Mass, 12);
        Assert.Equal(restricted, box.RestrictedInputs);
    }

    private static void AssertMonotone(IReadOnlyList<PrimBox> trajectory)
    {
        for (int s = 1; s < trajectory.Count; s++)
        {
            Assert.True(trajectory[s].Cases < trajectory[s - 1].Cases);
            Assert.True(trajectory[s].Coverage <= trajectory[s - 1].Coverage);
        }
    }
}
