using System.Globalization;
using System.Text;

namespace DeterrenceSim.IO;

/// <summary>
/// Checks, before any work is done, that an output path and every name derived from it (temporary files, sidecars,
/// folders of unfinished chunks) fit the file system's limits, so that a long run never fails at its last step.
/// </summary>
/// <remarks>
/// The limits are those of Linux (ext4, XFS, Btrfs, tmpfs, NFS), macOS (APFS) and Windows (NTFS): a file name of at
/// most <see cref="MaxNameBytes"/> bytes in UTF-8 and a path of at most <see cref="MaxPathBytes"/> bytes. A file system
/// with smaller limits still fails at the write, with its own message.
/// </remarks>
public static class OutputPaths
{
    /// <summary>The longest file or folder name, in UTF-8 bytes: 255 (NAME_MAX). The value is 255.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest full path, in UTF-8 bytes, without the terminating NUL: 4095 (PATH_MAX - 1).</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>The process id as it appears in temporary names, at its widest (10 digits, <see cref="int.MaxValue"/>),
    /// so that a check made under one process id holds under every other (a resumed run, another array task).</summary>
    internal static readonly string WidestProcessId = int.MaxValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks that a path and the paths derived from it fit the limits.</summary>
    /// <param name="output">The path the user gave.</param>
    /// <param name="derived">Paths the command will write, derived from <paramref name="output"/> (temporary names,
    /// sidecars, files inside a folder named after it); each at its longest.</param>
    /// <returns><see langword="null"/> if every path fits; otherwise one sentence naming the longest name, its length,
    /// the limit and by how much <paramref name="output"/> must be shortened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="derived"/> is
    /// <see langword="null"/>.</exception>
    public static string? Problem(string output, IEnumerable<string> derived)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(derived);
        string full;
        try
        {
            full = Path.GetFullPath(output);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{output}' is not a usable path: {e.Message}";
        }

        string? worstName = null;
        int worstNameBytes = 0;
        string? worstPath = null;
        int worstPathBytes = 0;
        foreach (string path in derived.Prepend(output))
        {
            string absolute = Path.GetFullPath(path);
            int nameBytes = Encoding.UTF8.GetByteCount(Path.GetFileName(absolute));
            if (nameBytes > worstNameBytes)
            {
                (worstName, worstNameBytes) = (Path.GetFileName(absolute), nameBytes);
            }

            int pathBytes = Encoding.UTF8.GetByteCount(absolute);
            if (pathBytes > worstPathBytes)
            {
                (worstPath, worstPathBytes) = (absolute, pathBytes);
            }
        }

        string given = Path.GetFileName(full);
        if (worstNameBytes > MaxNameBytes)
        {
            string what = worstName == given ? "its name" : $"the name '{Abbreviate(worstName!)}' that is written beside it";
            return $"'{Abbreviate(given)}' is too long: {what} has {worstNameBytes} bytes, more than the file system's limit of {MaxNameBytes} bytes for a name; shorten it by at least {Bytes(worstNameBytes - MaxNameBytes)}.";
        }

        if (worstPathBytes > MaxPathBytes)
        {
            return $"'{Abbreviate(output)}' is too long: the path '{Abbreviate(worstPath!)}' has {worstPathBytes} bytes, more than the limit of {MaxPathBytes} bytes for a path; shorten it by at least {Bytes(worstPathBytes - MaxPathBytes)}.";
        }

        return null;
    }

    /// <summary>Checks that the folder an output goes into exists: outputs are written into folders the user made, never
    /// into folders created for a mistyped path.</summary>
    /// <param name="output">The path the user gave.</param>
    /// <returns><see langword="null"/> if the folder exists; otherwise one sentence naming the folder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not a usable path (<see cref="Problem"/> says
    /// so in a sentence; call it first).</exception>
    public static string? MissingFolder(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        return folder is not null && !Directory.Exists(folder) ? $"the folder {folder} does not exist (create it first)" : null;
    }

    private static string Bytes(int count) => count == 1 ? "1 byte" : count.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>The first and last characters of a long name, so that a message stays one readable line.</summary>
    private static string Abbreviate(string name) => name.Length <= 80 ? name : name[..40] + "..." + name[^30..];
}
