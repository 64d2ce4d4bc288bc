namespace DeterrenceSim.IO;

/// <summary>The lock that keeps a second process off an output while a sweep runs into it.</summary>
public static partial class SweepFile
{
    /// <summary>Holds the partial folder's lock file open for the run: a second process on the same output fails.</summary>
    private static FileStream Lock(string partial, string output)
    {
        try
        {
            return new FileStream(Path.Combine(partial, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new SweepFileException($"{output}: another process is running this sweep into it ({partial}/lock is held); wait for it or stop it.", e);
        }
    }
}
