namespace Omni.Sdk;

/// <summary>
/// The outbox encryption key is missing, unreadable, malformed, or not the key the outbox was created with.
/// Start-up fails with this exception; the message names where the key was looked for, never the key.
/// </summary>
public sealed class OutboxKeyException : Exception
{
    /// <summary>Creates the exception with a message that says where the key was looked for.</summary>
    public OutboxKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public OutboxKeyException()
        : base("The outbox encryption key is missing or invalid.")
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public OutboxKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
