namespace Omni.Sdk.Internal;

/// <summary>Every EventId Omni.Sdk logs with, in one place (range 1000-1999).</summary>
internal static class LogEvents
{
    // 1000-1099: storage.
    public const int OutboxOpened = 1000;
    public const int OutboxMigrated = 1001;
    public const int OutboxCreated = 1002;
    public const int AppendBatchCommitted = 1010;
    public const int AppendRefusedFull = 1011;
    public const int AppendBatchFailed = 1012;
    public const int WriterStopped = 1013;
    public const int AppendRefusedConflict = 1014;
    public const int WriterFailed = 1015;
    public const int WriterRollbackFailed = 1016;
    public const int AppendRefusedDeadLettered = 1017;

    // 1100-1199: sending.
    public const int SenderStarted = 1100;
    public const int BatchAcknowledged = 1101;
    public const int PushFailed = 1102;
    public const int RecordDeadLettered = 1103;
    public const int AckWithoutProgress = 1104;
    public const int LinkRestored = 1105;
    public const int CircuitOpened = 1106;
    public const int CircuitClosed = 1107;
    public const int RecordUnreadable = 1108;
    public const int SenderStopped = 1109;
    public const int PushStillFailing = 1110;

    // 1200-1299: edge configuration.
    public const int ConfigurationLoaded = 1200;
    public const int ConfigurationUpdated = 1201;
    public const int ConfigurationFetchFailed = 1202;
    public const int ConfigurationListenerFailed = 1203;
}
