namespace DeterrenceSim.IO;

/// <summary>A sweep's output cannot be written as asked: it exists, it belongs to a different sweep, or its extension
/// is not supported. The message names the file and what to do.</summary>
public sealed class SweepFileException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SweepFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    public SweepFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SweepFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SweepFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
