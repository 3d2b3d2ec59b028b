namespace Omni.Sdk;

/// <summary>
/// The record's uuid is already in the outbox (waiting or dead-lettered) with other content; nothing was stored.
/// A uuid names one record: send a new uuid for a new record. The message names the field, never a value.
/// </summary>
public sealed class RecordConflictException : Exception
{
    /// <summary>The standard message; it names the field, never the uuid or the content.</summary>
    public const string StandardMessage = "uuid: already recorded with other content; nothing was stored.";

    /// <summary>Creates the exception for the record whose uuid is taken.</summary>
    /// <param name="recordId">The record id (the payload's uuid); kept as a property, not put in the message.</param>
    public RecordConflictException(Guid recordId)
        : base(StandardMessage)
    {
        RecordId = recordId;
    }

    /// <summary>Creates the exception with a message that names the field.</summary>
    public RecordConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public RecordConflictException()
        : base(StandardMessage)
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public RecordConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The record id whose stored content differs; <see cref="Guid.Empty"/> when not known.</summary>
    public Guid RecordId { get; }
}
