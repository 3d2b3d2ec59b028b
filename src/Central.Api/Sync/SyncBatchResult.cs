namespace Central.Api.Sync;

/// <summary>
/// What a batch did: records newly stored, records seen before, and the stream's high-water mark before this
/// batch (0 for a new stream), which tells whether the batch left a gap.
/// </summary>
internal sealed record SyncBatchResult(int Stored, int Duplicates, long PreviousHighWater);
