using System.CommandLine;
using System.Globalization;
using DeterrenceSim.Compilation;
using DeterrenceSim.Engine;
using DeterrenceSim.IO;
using DeterrenceSim.Model;
using DeterrenceSim.Outcomes;
using DeterrenceSim.Scenarios;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DeterrenceSim.Cli;

/// <summary>
/// The <c>deterrence-sim</c> command line: <c>run</c> plays one crisis, <c>simulate</c> plays runs over periods,
/// <c>sweep</c> runs a parameter sweep into a file, <c>merge</c> joins a sweep's shards, <c>discover</c> finds the input
/// ranges of a condition in a sweep's results (PRIM), <c>list</c> shows scenarios and crises.
/// Exit codes: 0 success, 1 usage error, 2 invalid scenario, parameter or option value, 3 output could not be written,
/// 4 a sweep finished with design points that could not run, 70 internal error, 130 cancelled. With <c>--format json|csv</c> standard output holds the document alone; progress, logs and errors
/// go to standard error.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for a command-line usage error: unknown command or option, unparsable value, value not among the choices.</summary>
    public const int UsageError = 1;

    /// <summary>Exit code for an invalid scenario, parameter path or option value.</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code when the output file could not be written.</summary>
    public const int OutputFailed = 3;

    /// <summary>Exit code of a sweep that finished but had design points that could not run (listed on standard error
    /// and in the output's <c>error</c> column).</summary>
    public const int PointsFailed = 4;

    /// <summary>Exit code for an unexpected internal error (a bug).</summary>
    public const int InternalError = 70;

    /// <summary>Exit code after cancellation.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="cancellationToken">Cancels a run.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var root = new RootCommand("DeterrenceSim: agent-based Monte Carlo simulation of alliance deterrence and misperception.");
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(SweepCommand.Create(stdout, stderr));
        root.Subcommands.Add(SweepCommand.CreateContrast(stdout, stderr));
        root.Subcommands.Add(MergeCommand.Create(stdout, stderr));
        root.Subcommands.Add(SensitivityCommand.Create(stdout, stderr));
        root.Subcommands.Add(PlotCommand.Create(stdout, stderr));
        root.Subcommands.Add(DiscoverCommand.Create(stdout, stderr));
        root.Subcommands.Add(ListCommand.Create(stdout, stderr));
        root.Subcommands.Add(CalibrateCommand.Create(stdout, stderr));
        root.Subcommands.Add(CalibrateCommand.CreatePredict(stdout, stderr));
        // Ctrl-C cancels the run between chunks; the command then reports "cancelled." and exits 130 itself
        // (System.CommandLine's own handler would return 130 before the message is written).
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;

        // SIGTERM (a scheduler's time limit, `kill`) ends the run the same way: cleanly, with no partial output.
        using var terminate = OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                interrupt.Cancel();
            });
        cancellationToken = interrupt.Token;
        try
        {
            // No response files: a scenario path may start with '@'.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0)
            {
                // Usage errors go to standard error alone, one line each; standard output stays empty.
                string command = parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ";
                string errors = string.Join(" ", parse.Errors.Select(e => Friendly(e.Message).TrimEnd('.') + "."));
                return Fail(stderr, $"{errors} Try 'deterrence-sim {command}--help'.", UsageError);
            }

            int code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

            // Every command's output is flushed and checked here, before the exit code is final: a document lost to a
            // full disk or a closed pipe exits 3, never 0. A command that already failed to write has said so.
            if (code != OutputFailed)
            {
                stdout.Flush();
            }

            return code;
        }
        catch (OperationCanceledException)
        {
            return Fail(stderr, "cancelled.", Cancelled);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, "could not write the output: " + e.Message, OutputFailed);
        }
        catch (Exception e)
        {
            // An unexpected failure is a bug: say so in one line, without a stack trace.
            return Fail(stderr, $"internal error ({e.GetType().Name}): {e.Message.TrimEnd('.')}. Please report it with the command line.", InternalError);
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    internal static IAnsiConsole Console(TextWriter writer, bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    internal static int Fail(TextWriter stderr, string message, int code)
    {
        try
        {
            // One line, whatever the message holds.
            stderr.WriteLine("deterrence-sim: error: " + OneLine(message));
            stderr.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Standard error itself is gone: the exit code is all that is left to say it.
        }

        return code;
    }

    /// <summary>Joins lines and escapes control characters so an error stays one printable line.</summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string joined = string.Join(" ", lines);
        var builder = new System.Text.StringBuilder(joined.Length);
        foreach (char c in joined)
        {
            builder.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>System.CommandLine's parse errors, with .NET type names said in words.</summary>
    private static string Friendly(string message) => message
        .Replace("as expected type 'System.Int64'", "as an integer (at most 9223372036854775807)", StringComparison.Ordinal)
        .Replace("as expected type 'System.Int32'", "as an integer (at most 2147483647)", StringComparison.Ordinal)
        .Replace("as expected type 'System.UInt64'", "as an integer from 0 to 18446744073709551615", StringComparison.Ordinal)
        .Replace("as expected type 'System.Nullable`1[System.Int32]'", "as an integer (at most 2147483647)", StringComparison.Ordinal)
        .Replace("as expected type 'System.Nullable`1[System.Int64]'", "as an integer (at most 9223372036854775807)", StringComparison.Ordinal);
}
