using System.Runtime.InteropServices;

namespace DeterrenceSim.Cli;

/// <summary>
/// A write-only stream over an inherited Unix file descriptor (1 or 2) that writes with <c>write(2)</c>, at the
/// descriptor's current offset, as every command-line program does.
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="FileStream"/> over a seekable descriptor keeps its own position, starting at 0, and writes with
/// <c>pwrite(2)</c>: redirected to a file that already holds bytes (<c>{ echo header; deterrence-sim run; } &gt; f</c>,
/// a loop of runs into one file, or <c>&gt; log 2&gt;&amp;1</c> shared with standard error) it overwrites them. The console
/// stream writes at the current offset but ignores a closed pipe (EPIPE), so a lost document would exit 0. This
/// stream does both: it writes where the shell left the offset and reports every failure (EPIPE, ENOSPC, EIO) as an
/// <see cref="IOException"/> naming the error, so the command exits 3.
/// </para>
/// </remarks>
internal sealed partial class DescriptorStream : Stream
{
    private const int EINTR = 4;
    private const int EAGAIN = 11;

    private readonly int descriptor;

    /// <summary>Wraps an open descriptor; the stream does not close it.</summary>
    /// <param name="descriptor">The descriptor: 1 for standard output, 2 for standard error.</param>
    public DescriptorStream(int descriptor) => this.descriptor = descriptor;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        // Nothing is buffered here: every Write has reached the descriptor when it returns.
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint written = WriteNative(descriptor, buffer, (nuint)buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            int error = Marshal.GetLastPInvokeError();
            if (error == EINTR)
            {
                continue;
            }

            if (error == EAGAIN)
            {
                // A non-blocking descriptor (a terminal or pipe set so by another program): wait and try again.
                Thread.Sleep(1);
                continue;
            }

            throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)} (errno {error}, descriptor {descriptor})", error);
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int descriptor, ReadOnlySpan<byte> buffer, nuint count);
}
