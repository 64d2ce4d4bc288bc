using System.Text;
using DeterrenceSim.Cli;

// On Unix, write standard output with write(2) on descriptor 1 (DescriptorStream): at the offset the shell left, so
// output appended to a redirected file keeps what the file already holds, and a closed pipe or a full disk is an
// IOException, so a lost document exits 3 instead of 0. Standard error is the console's, which also writes with write(2),
// behind a writer that drops what cannot be written (2>&-, 2>/dev/full): a lost message never changes the exit code.
TextWriter stdout = OperatingSystem.IsWindows()
    ? Console.Out
    : new StreamWriter(new DescriptorStream(1), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
Console.SetError(new ForgivingWriter(Console.Error));
try
{
    return await CliApp.RunAsync(args, stdout, Console.Error).ConfigureAwait(false);
}
finally
{
    try
    {
        stdout.Flush();
    }
    catch (IOException)
    {
        // Already reported by CliApp (exit 3), which flushes standard output before it returns.
    }
}
