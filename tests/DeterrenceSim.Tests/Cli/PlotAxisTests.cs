using DeterrenceSim.Cli;
using DeterrenceSim.Experiments;

namespace DeterrenceSim.Tests.Cli;

/// <summary>The bins of scattered designs: no empty cell, and no fewer bins than that needs.</summary>
public sealed class PlotAxisTests
{
    private static readonly Factor A = Factor.Parse("states.CHN.perception.credulity=0:1");
    private static readonly Factor B = Factor.Parse("states.JPN.perception.credulity=0.2:1.2");

    public static TheoryData<int, ulong> Hypercubes => new() { { 30, 1 }, { 50, 2 }, { 200, 3 }, { 200, 4 }, { 500, 5 }, { 1000, 6 }, { 5000, 7 } };

    [Theory]
    [MemberData(nameof(Hypercubes))]
    public void ForHeatmap_LatinHypercube_EveryCellHoldsAPointWithTheMostBinsThatAllow(int samples, ulong seed)
    {
        var design = ExperimentDesign.LatinHypercube(samples, seed, A, B);
        var points = Enumerable.Range(0, samples).Select(i => design.GetPoint(i)).Select(p => (p[0], p[1])).ToList();
        var (x, y) = PlotAxis.ForHeatmap(points, PlotAxis.Binned(0, 1, 2), PlotAxis.Binned(0.2, 1.2, 2));
        Assert.Equal(x.Count, y.Count);
        Assert.Equal((0, 1, 0.2, 1.2), (x.Lower, x.Upper, y.Lower, y.Upper));

        // About 5 points expected a cell at most, and no cell empty; one bin more (up to that) would leave one empty.
        int most = Math.Min(PlotAxis.MaxBins, (int)Math.Sqrt(samples / 5.0));
        Assert.InRange(x.Count, 1, most);
        Assert.Equal(0, EmptyCells(points, x.Count, (0, 1), (0.2, 1.2)));
        for (int more = x.Count + 1; more <= most; more++)
        {
            Assert.NotEqual(0, EmptyCells(points, more, (0, 1), (0.2, 1.2)));
        }
    }

    [Fact]
    public void ForHeatmap_PointsWithAHole_FewerBinsUntilTheHoleIsInsideACell()
    {
        // 600 points of a 30 x 20 lattice over [0, 1]², none in the square (0.3, 0.7)²: 10 bins a side (600/5 cells)
        // (about 5 points expected a cell) would leave the middle empty; the most bins that fill every cell are fewer.
        var points = new List<(double, double)>();
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                double px = (i + 0.5) / 30, py = (j + 0.5) / 20;
                if (!(px > 0.3 && px < 0.7 && py > 0.3 && py < 0.7))
                {
                    points.Add((px, py));
                }
            }
        }

        var (x, _) = PlotAxis.ForHeatmap(points, PlotAxis.Binned(0, 1, 2), PlotAxis.Binned(0, 1, 2));
        Assert.Equal(0, EmptyCells(points, x.Count, (0, 1), (0, 1)));
        Assert.InRange(x.Count, 2, 9);
        for (int more = x.Count + 1; more <= 10; more++)
        {
            Assert.NotEqual(0, EmptyCells(points, more, (0, 1), (0, 1)));
        }
    }

    [Fact]
    public void ForHeatmap_GridAgainstScattered_KeepsTheLevelsAndFillsEveryCell()
    {
        // 3 levels of x, 40 scattered y at each: 120 points, 24 cells of 5 → 8 bins of y, fewer if one is empty.
        var random = new Random(11);
        var points = new List<(double, double)>();
        foreach (double level in (double[])[0, 0.5, 1])
        {
            points.AddRange(Enumerable.Range(0, 40).Select(_ => (level, random.NextDouble())));
        }

        var grid = PlotAxis.Of([0, 0.5, 1], scattered: false, 0, 1);
        var (x, y) = PlotAxis.ForHeatmap(points, grid, PlotAxis.Binned(0, 1, 2));
        Assert.Same(grid, x);
        Assert.InRange(y.Count, 1, 8);
        foreach (double level in (double[])[0, 0.5, 1])
        {
            Assert.Equal(0, EmptyCells([.. points.Where(p => p.Item1 == level).Select(p => (0.5, p.Item2))], y.Count, (0, 1), (0, 1), xBins: 1));
        }
    }

    [Fact]
    public void ForLine_PointsWithAGap_NoEmptyBin()
    {
        // 100 points in [0, 0.4) and [0.6, 1): √100 = 10 bins would leave two empty.
        var xs = Enumerable.Range(0, 100).Select(i => i < 50 ? i * 0.008 : 0.6 + ((i - 50) * 0.008)).ToList();
        var axis = PlotAxis.ForLine(xs, PlotAxis.Binned(0, 1, 2));
        var counts = new int[axis.Count];
        foreach (double v in xs)
        {
            counts[Math.Min(axis.Count - 1, (int)(v * axis.Count))]++;
        }

        Assert.DoesNotContain(0, counts);
        Assert.InRange(axis.Count, 1, 9);
    }

    /// <summary>Counts the empty cells of equal bins, computed here, not by the code under test.</summary>
    private static int EmptyCells(List<(double X, double Y)> points, int bins, (double Lower, double Upper) xRange, (double Lower, double Upper) yRange, int? xBins = null)
    {
        int nx = xBins ?? bins;
        var filled = new bool[nx, bins];
        foreach (var (px, py) in points)
        {
            int cx = Math.Clamp((int)Math.Floor((px - xRange.Lower) / (xRange.Upper - xRange.Lower) * nx), 0, nx - 1);
            int cy = Math.Clamp((int)Math.Floor((py - yRange.Lower) / (yRange.Upper - yRange.Lower) * bins), 0, bins - 1);
            filled[cx, cy] = true;
        }

        return filled.Cast<bool>().Count(f => !f);
    }
}
