using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Internal.Storage;

internal sealed partial class OutboxDatabase
{
    [LoggerMessage(EventId = LogEvents.OutboxOpened, EventName = "OutboxOpened", Level = LogLevel.Information,
        Message = "Outbox opened: stream {StreamId}, {BacklogCount} record(s) waiting")]
    private static partial void LogOpened(ILogger logger, Guid streamId, long backlogCount);

    [LoggerMessage(EventId = LogEvents.OutboxMigrated, EventName = "OutboxMigrated", Level = LogLevel.Information,
        Message = "Outbox schema migrated from version {FromVersion} to {ToVersion}")]
    private static partial void LogMigrated(ILogger logger, int fromVersion, int toVersion);

    [LoggerMessage(EventId = LogEvents.OutboxCreated, EventName = "OutboxCreated", Level = LogLevel.Information,
        Message = "New outbox stream {StreamId} created")]
    private static partial void LogCreated(ILogger logger, Guid streamId);
}
