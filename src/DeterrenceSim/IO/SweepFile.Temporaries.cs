using System.Globalization;
using System.Text;

namespace DeterrenceSim.IO;

/// <summary>Temporary names beside a file: atomic writes, and the clean-up of those a killed run left.</summary>
public static partial class SweepFile
{
    /// <summary>A temporary name beside a file, that no glob for results (<c>*.csv</c>, <c>*.parquet</c>) matches.</summary>
    private static string TemporaryName(string path) => path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private static void WriteAtomically(string path, string text)
    {
        string temporary = TemporaryName(path);
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes temporary files a killed run left beside the output (called while holding its lock).</summary>
    private static void DeleteTemporaries(string output)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(output)) ?? ".";
        string prefix = Path.GetFileName(output) + ".tmp-";
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(folder, prefix + "*"))
        {
            string rest = Path.GetFileName(file)[prefix.Length..];
            string digits = rest.Split('.')[0];
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                File.Delete(file);
            }
        }
    }
}
