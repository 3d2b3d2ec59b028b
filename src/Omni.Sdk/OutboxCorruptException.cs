namespace Omni.Sdk;

/// <summary>
/// The outbox file exists but is not a readable outbox (garbage, truncated, or written by a newer SDK).
/// The file is left exactly as it was: it may hold records that were never delivered, so an operator
/// must decide what happens to it. The message names the path, never any record content.
/// </summary>
public sealed class OutboxCorruptException : Exception
{
    /// <summary>Creates the exception for the outbox at <paramref name="path"/>.</summary>
    /// <param name="path">The full path of the refused outbox file.</param>
    /// <param name="reason">What is wrong, without any record content.</param>
    /// <param name="innerException">The storage error that revealed it, if any.</param>
    public OutboxCorruptException(string path, string reason, Exception? innerException)
        : base($"The outbox file '{path}' cannot be used: {reason}. It was left untouched; move it aside to start a new outbox.",
            innerException)
    {
        Path = path;
    }

    /// <summary>Creates the exception with a message.</summary>
    public OutboxCorruptException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public OutboxCorruptException()
        : this("The outbox file cannot be used.")
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public OutboxCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The full path of the refused outbox file; empty when unknown.</summary>
    public string Path { get; }
}
