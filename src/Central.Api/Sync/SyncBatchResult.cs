namespace Central.Api.Sync;

/// <summary>
/// What a batch did: records newly stored, records seen before with the same content, and the stream's high-water
/// mark before this batch (0 for a new stream), which tells whether the batch left a gap. <see cref="Conflicts"/>
/// are records whose id was stored before with other content: rejected for good, the stored record stays.
/// </summary>
internal sealed record SyncBatchResult(
    int Stored,
    int Duplicates,
    long PreviousHighWater,
    IReadOnlyList<SyncRejection> Conflicts);
