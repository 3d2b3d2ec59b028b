namespace Central.Api.Sync;

/// <summary>A well-formed batch after per-record validation: what to store and what was refused.</summary>
internal sealed record SyncBatch(
    string DeviceId,
    string StreamId,
    long FirstSequence,
    long LastSequence,
    IReadOnlyList<SyncRecord> Accepted,
    IReadOnlyList<SyncRejection> Rejected,
    DateTimeOffset ReceivedAt);
