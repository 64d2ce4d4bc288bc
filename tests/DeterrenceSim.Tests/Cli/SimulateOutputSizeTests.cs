using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary>simulate --output says beforehand how large a file of many rows will be.</summary>
public sealed class SimulateOutputSizeTests
{
    [Fact]
    public void LargeOutputWarning_ManyRows_SaysTheRowsAndTheSize()
    {
        Assert.Null(SimulateCommand.LargeOutputWarning("rows.csv", SimulateCommand.LargeOutputRows - 1, 65));

        // 2,000,000 replications × 20 periods × 3 crises of the embedded scenario (65 commitments).
        string csv = SimulateCommand.LargeOutputWarning("rows.csv", 120_000_000, 65)!;
        Assert.Contains("120,000,000 rows", csv, StringComparison.Ordinal);
        Assert.Contains("about 231 GB as CSV", csv, StringComparison.Ordinal);
        Assert.Contains("as Parquet", SimulateCommand.LargeOutputWarning("rows.PARQUET", 120_000_000, 65), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".csv", 1.0)]
    [InlineData(".parquet", 9.0)]
    public async Task LargeOutputWarning_Estimate_WithinAQuarterOfARealFile(string extension, double ratio)
    {
        // The estimate's bytes a row against a file the command writes (the embedded scenario: 65 commitments).
        string output = Path.Combine(Path.GetTempPath(), $"size-{Guid.NewGuid():N}{extension}");
        try
        {
            var (code, _, stderr) = await CliRunner.Run("simulate", "-r", "20", "-p", "10", "-t", "1", "-o", output);
            Assert.True(code == 0, stderr);
            double perRow = new FileInfo(output).Length / (20.0 * 10 * 3);
            double estimate = (300 + (25.0 * 65)) / ratio;
            Assert.InRange(perRow, estimate * 0.75, estimate * 1.25);
        }
        finally
        {
            File.Delete(output);
            File.Delete(output + ".simulate.json");
        }
    }
}
