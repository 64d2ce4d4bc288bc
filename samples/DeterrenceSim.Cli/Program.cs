using System.Text;
using DeterrenceSim.Cli;
using Microsoft.Win32.SafeHandles;

// On Unix, write standard output through a plain file stream on descriptor 1: unlike the console stream it reports a
// closed pipe (EPIPE) as an IOException, so a lost document exits 3 instead of 0.
TextWriter stdout = OperatingSystem.IsWindows()
    ? Console.Out
    : new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
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
        // Already reported by the command (exit 3) when it flushed its document.
    }
}
