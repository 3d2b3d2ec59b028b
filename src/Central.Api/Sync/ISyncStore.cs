namespace Central.Api.Sync;

/// <summary>Applies edge batches for one tenant. SQLite is the embedded default; PostgreSQL fits behind it.</summary>
internal interface ISyncStore
{
    /// <summary>
    /// Stores the accepted records, the rejections and the stream's high-water mark in ONE transaction,
    /// skipping record ids stored before with the same content and rejecting (and storing the rejection of)
    /// record ids stored before with other content. Returns only after the commit is durable.
    /// </summary>
    Task<SyncBatchResult> ApplyBatchAsync(SyncBatch batch, CancellationToken cancellationToken);
}
