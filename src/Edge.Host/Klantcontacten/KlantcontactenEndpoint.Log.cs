namespace Edge.Host.Klantcontacten;

internal sealed partial class KlantcontactenEndpoint
{
    [LoggerMessage(
        EventId = 6200,
        EventName = "KlantcontactRecorded",
        Level = LogLevel.Information,
        Message = "Klantcontact {RecordId} is durable in the outbox at sequence {Sequence} ({Bytes} bytes of JSON).")]
    private static partial void LogRecorded(ILogger logger, Guid recordId, long sequence, int bytes);

    [LoggerMessage(
        EventId = 6201,
        EventName = "KlantcontactReplayed",
        Level = LogLevel.Information,
        Message = "Klantcontact {RecordId} was already in the outbox at sequence {Sequence}; nothing stored.")]
    private static partial void LogReplayed(ILogger logger, Guid recordId, long sequence);

    [LoggerMessage(
        EventId = 6202,
        EventName = "KlantcontactRefused",
        Level = LogLevel.Information,
        Message = "A klantcontact request was refused with status {StatusCode} ({ErrorCount} problems).")]
    private static partial void LogRefused(ILogger logger, int statusCode, int errorCount);

    [LoggerMessage(
        EventId = 6203,
        EventName = "KlantcontactOutboxFull",
        Level = LogLevel.Warning,
        Message = "A klantcontact was not stored: the outbox storage budget is reached.")]
    private static partial void LogOutboxFull(ILogger logger);

    [LoggerMessage(
        EventId = 6204,
        EventName = "KlantcontactConflict",
        Level = LogLevel.Information,
        Message = "Klantcontact {RecordId} was refused with 409: the outbox holds other content under its uuid.")]
    private static partial void LogConflict(ILogger logger, Guid recordId);

    [LoggerMessage(
        EventId = 6205,
        EventName = "KlantcontactDeadLettered",
        Level = LogLevel.Information,
        Message = "Klantcontact {RecordId} was refused with 422: Central refused this record for good (a dead letter).")]
    private static partial void LogDeadLetteredReplay(ILogger logger, Guid recordId);
}
