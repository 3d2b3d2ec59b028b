namespace Omni.Sdk;

/// <summary>The outbox reached its storage budget; nothing was stored. Retry once Central is reachable again.</summary>
public sealed class OutboxFullException : Exception
{
    /// <summary>Creates the exception with a message that names the budget that was reached.</summary>
    public OutboxFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public OutboxFullException()
        : base("The outbox storage budget is reached.")
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public OutboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
