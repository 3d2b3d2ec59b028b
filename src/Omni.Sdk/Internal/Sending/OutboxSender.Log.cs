using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Internal.Sending;

internal sealed partial class OutboxSender
{
    [LoggerMessage(EventId = LogEvents.SenderStarted, EventName = "SenderStarted", Level = LogLevel.Information,
        Message = "Outbox sender started for stream {StreamId}")]
    private static partial void LogStarted(ILogger logger, Guid streamId);

    [LoggerMessage(EventId = LogEvents.SenderStopped, EventName = "SenderStopped", Level = LogLevel.Information,
        Message = "Outbox sender stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = LogEvents.BatchAcknowledged, EventName = "BatchAcknowledged", Level = LogLevel.Debug,
        Message = "Batch of {BatchCount} acknowledged up to sequence {AcknowledgedSequence}; {DeletedCount} deleted")]
    private static partial void LogBatchAcknowledged(ILogger logger, int batchCount, long acknowledgedSequence, long deletedCount);

    [LoggerMessage(EventId = LogEvents.PushFailed, EventName = "PushFailed", Level = LogLevel.Warning,
        Message = "Push to Central failed ({Reason}), attempt {Attempt}; retrying in {RetryDelay}")]
    private static partial void LogPushFailed(ILogger logger, int attempt, string reason, TimeSpan retryDelay);

    [LoggerMessage(EventId = LogEvents.PushStillFailing, EventName = "PushStillFailing", Level = LogLevel.Debug,
        Message = "Push to Central still failing ({Reason}), attempt {Attempt}; retrying in {RetryDelay}")]
    private static partial void LogPushStillFailing(ILogger logger, int attempt, string reason, TimeSpan retryDelay);

    [LoggerMessage(EventId = LogEvents.RecordDeadLettered, EventName = "RecordDeadLettered", Level = LogLevel.Warning,
        Message = "Central rejected record {RecordId} (sequence {Sequence}) for good: {Reason}; moved to dead letters")]
    private static partial void LogRecordDeadLettered(ILogger logger, Guid recordId, long sequence, string reason);

    [LoggerMessage(EventId = LogEvents.AckWithoutProgress, EventName = "AckWithoutProgress", Level = LogLevel.Warning,
        Message = "Central acknowledged sequence {AcknowledgedSequence}, below the batch start {FirstSequence}; backing off")]
    private static partial void LogAckWithoutProgress(ILogger logger, long firstSequence, long acknowledgedSequence);

    [LoggerMessage(EventId = LogEvents.LinkRestored, EventName = "LinkRestored", Level = LogLevel.Information,
        Message = "Link to Central is back; sending without waiting out the backoff")]
    private static partial void LogLinkRestored(ILogger logger);

    [LoggerMessage(EventId = LogEvents.CircuitOpened, EventName = "CircuitOpened", Level = LogLevel.Warning,
        Message = "Circuit to Central opened for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(EventId = LogEvents.CircuitClosed, EventName = "CircuitClosed", Level = LogLevel.Information,
        Message = "Circuit to Central closed")]
    private static partial void LogCircuitClosed(ILogger logger);

    [LoggerMessage(EventId = LogEvents.RecordUnreadable, EventName = "RecordUnreadable", Level = LogLevel.Error,
        Message = "Outbox record {RecordId} (sequence {Sequence}) cannot be decrypted or parsed; sent without payload")]
    private static partial void LogRecordUnreadable(ILogger logger, Guid recordId, long sequence);
}
