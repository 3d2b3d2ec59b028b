using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Internal.Storage;

internal sealed partial class OutboxWriter
{
    [LoggerMessage(EventId = LogEvents.AppendBatchCommitted, EventName = "AppendBatchCommitted", Level = LogLevel.Trace,
        Message = "Outbox commit: {AppendCount} append(s), {AddedCount} new record(s)")]
    private static partial void LogBatchCommitted(ILogger logger, int appendCount, long addedCount);

    [LoggerMessage(EventId = LogEvents.AppendRefusedFull, EventName = "AppendRefusedFull", Level = LogLevel.Error,
        Message = "Outbox storage budget reached; record {RecordId} refused")]
    private static partial void LogAppendRefusedFull(ILogger logger, Guid recordId);

    [LoggerMessage(EventId = LogEvents.AppendRefusedConflict, EventName = "AppendRefusedConflict",
        Level = LogLevel.Information,
        Message = "Record {RecordId} refused: its uuid is already stored at sequence {Sequence} with other content")]
    private static partial void LogAppendRefusedConflict(ILogger logger, Guid recordId, long sequence);

    [LoggerMessage(EventId = LogEvents.AppendRefusedDeadLettered, EventName = "AppendRefusedDeadLettered",
        Level = LogLevel.Information,
        Message = "Record {RecordId} refused: the same record was refused for good and is a dead letter at sequence {Sequence}")]
    private static partial void LogAppendRefusedDeadLettered(ILogger logger, Guid recordId, long sequence);

    [LoggerMessage(EventId = LogEvents.AppendBatchFailed, EventName = "AppendBatchFailed", Level = LogLevel.Error,
        Message = "Outbox commit of {AppendCount} append(s) failed with SQLite error {SqliteErrorCode}")]
    private static partial void LogBatchFailed(ILogger logger, int appendCount, int sqliteErrorCode, Exception exception);

    [LoggerMessage(EventId = LogEvents.WriterFailed, EventName = "WriterFailed", Level = LogLevel.Error,
        Message = "Outbox writer cannot run (SQLite error {SqliteErrorCode}); appends are refused")]
    private static partial void LogWriterFailed(ILogger logger, int sqliteErrorCode, Exception exception);

    [LoggerMessage(EventId = LogEvents.WriterRollbackFailed, EventName = "WriterRollbackFailed", Level = LogLevel.Error,
        Message = "Outbox rollback after a failed commit failed with SQLite error {SqliteErrorCode}")]
    private static partial void LogRollbackFailed(ILogger logger, int sqliteErrorCode, Exception exception);

    [LoggerMessage(EventId = LogEvents.WriterStopped, EventName = "WriterStopped", Level = LogLevel.Debug,
        Message = "Outbox writer stopped")]
    private static partial void LogWriterStopped(ILogger logger);
}
