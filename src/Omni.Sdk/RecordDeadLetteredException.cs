namespace Omni.Sdk;

/// <summary>
/// The same record (same uuid, same content) was appended before and Central refused it for good: it is in the
/// dead-letter store, so it is not recorded and appending it again changes nothing. Nothing was stored.
/// </summary>
/// <remarks>
/// <see cref="Reason"/> is Central's reason (or the sender's, when Central could never accept the record); it
/// names fields, never values. Record it again under a new uuid once the cause is fixed.
/// </remarks>
public sealed class RecordDeadLetteredException : Exception
{
    private const string Prefix = "The record was refused for good and is a dead letter; nothing was stored: ";

    /// <summary>Creates the exception for the dead-lettered record.</summary>
    /// <param name="recordId">The record id (the payload's uuid); kept as a property, not put in the message.</param>
    /// <param name="reason">Why the record was dead-lettered; names fields, never values.</param>
    public RecordDeadLetteredException(Guid recordId, string reason)
        : base(Prefix + reason)
    {
        RecordId = recordId;
        Reason = reason;
    }

    /// <summary>Creates the exception with a reason.</summary>
    public RecordDeadLetteredException(string message)
        : base(Prefix + message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with no specific reason.</summary>
    public RecordDeadLetteredException()
        : this("(no reason recorded)")
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public RecordDeadLetteredException(string message, Exception innerException)
        : base(Prefix + message, innerException)
    {
        Reason = message;
    }

    /// <summary>The dead-lettered record's id; <see cref="Guid.Empty"/> when not known.</summary>
    public Guid RecordId { get; }

    /// <summary>Why the record was dead-lettered, as stored with the dead letter.</summary>
    public string Reason { get; }
}
