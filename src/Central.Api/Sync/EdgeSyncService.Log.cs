namespace Central.Api.Sync;

internal sealed partial class EdgeSyncService
{
    // Device and stream ids are not logged per batch: they are operational ids, but a stream id on every
    // line adds nothing the sequence does not; record ids are UUIDs without personal meaning.
    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, EventName = "BatchApplied", Level = LogLevel.Debug,
            Message = "Batch {FirstSequence}..{LastSequence} applied: " +
                "{Stored} stored, {Duplicates} duplicate, {Rejected} rejected")]
        public static partial void BatchApplied(
            ILogger logger,
            long firstSequence,
            long lastSequence,
            int stored,
            int duplicates,
            int rejected);

        [LoggerMessage(EventId = 2002, EventName = "RecordRejected", Level = LogLevel.Information,
            Message = "Record {RecordId} at sequence {Sequence} rejected for good: {Reason}")]
        public static partial void RecordRejected(ILogger logger, string recordId, long sequence, string reason);

        [LoggerMessage(EventId = 2003, EventName = "BatchRefused", Level = LogLevel.Information,
            Message = "Malformed batch of {EnvelopeCount} envelope(s) refused: {Problem}")]
        public static partial void BatchRefused(ILogger logger, int envelopeCount, string problem);

        [LoggerMessage(EventId = 2004, EventName = "StreamGap", Level = LogLevel.Warning,
            Message = "Stream skipped sequences: high-water mark {HighWater}, batch starts at {FirstSequence}")]
        public static partial void StreamGap(ILogger logger, long highWater, long firstSequence);

        [LoggerMessage(EventId = 2006, EventName = "RecordConflict", Level = LogLevel.Warning,
            Message = "Record {RecordId} at sequence {Sequence} rejected: its id is stored with other content")]
        public static partial void RecordConflict(ILogger logger, string recordId, long sequence);

        [LoggerMessage(EventId = 2005, EventName = "ConfigurationServed", Level = LogLevel.Debug,
            Message = "Edge configuration served (full: {Full}), version {Version}")]
        public static partial void ConfigurationServed(ILogger logger, bool full, string version);
    }
}
