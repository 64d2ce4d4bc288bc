using System.Globalization;
using DeterrenceSim.Cli;

namespace DeterrenceSim.Tests.Cli;

/// <summary>Runs the command line in process, capturing standard output and error, and restores the culture.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var culture = CultureInfo.CurrentCulture;
        int code = await CliApp.RunAsync(args, stdout, stderr);
        CultureInfo.CurrentCulture = culture;
        return (code, stdout.ToString(), stderr.ToString());
    }
}
