using System.Text;

namespace DeterrenceSim.Cli;

/// <summary>
/// Standard error for messages: a writer that drops what cannot be written (standard error closed with <c>2&gt;&amp;-</c>,
/// a full disk, a closed pipe) instead of throwing. A warning or a progress line that is lost must not change the exit
/// code of a command whose results were written, nor abort the process (a write to a closed descriptor is EBADF, which
/// .NET raises as <see cref="UnauthorizedAccessException"/>).
/// </summary>
internal sealed class ForgivingWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    public override void Write(char value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Try(inner.Flush);

    private static void Try(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Nowhere left to say it: the exit code says how the command ended.
        }
    }
}
