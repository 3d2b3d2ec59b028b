namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// In-memory totals of what the outbox holds, seeded from the file at open. The writer and the sender apply
/// deltas after their own commits; deltas commute, so the order in which they land does not matter.
/// </summary>
/// <remarks>
/// Limitation: the byte budget counts stored payload bytes (nonce, ciphertext, tag), not SQLite page overhead or
/// the WAL, so the file can be some tens of percent larger than MaxBytes; SQLITE_FULL is still refused as full.
/// </remarks>
internal sealed class OutboxCounters
{
    private readonly Lock _lock = new();
    private long _backlogCount;
    private long _backlogBytes;
    private long _deadCount;
    private long _deadBytes;
    private bool _refused;

    public OutboxCounters(long maxRecords, long maxBytes)
    {
        MaxRecords = maxRecords;
        MaxBytes = maxBytes;
    }

    public long MaxRecords { get; }

    public long MaxBytes { get; }

    public OutboxTotals Snapshot()
    {
        lock (_lock)
        {
            return new OutboxTotals(_backlogCount, _backlogBytes, _deadCount, _deadBytes, IsFullLocked());
        }
    }

    public void Seed(long backlogCount, long backlogBytes, long deadCount, long deadBytes)
    {
        lock (_lock)
        {
            (_backlogCount, _backlogBytes, _deadCount, _deadBytes) = (backlogCount, backlogBytes, deadCount, deadBytes);
        }
    }

    /// <summary>Whether <paramref name="records"/> more records of <paramref name="bytes"/> fit in the budget.</summary>
    public bool Fits(long records, long bytes)
    {
        lock (_lock)
        {
            return _backlogCount + _deadCount + records <= MaxRecords
                && _backlogBytes + _deadBytes + bytes <= MaxBytes;
        }
    }

    public void Appended(long count, long bytes)
    {
        lock (_lock)
        {
            _backlogCount += count;
            _backlogBytes += bytes;
        }
    }

    public void Refused()
    {
        lock (_lock)
        {
            _refused = true;
        }
    }

    public void Acknowledged(long deletedCount, long deletedBytes, long deadCount, long deadBytes)
    {
        lock (_lock)
        {
            _backlogCount -= deletedCount + deadCount;
            _backlogBytes -= deletedBytes + deadBytes;
            _deadCount += deadCount;
            _deadBytes += deadBytes;
            _refused &= deletedCount == 0;
        }
    }

    private bool IsFullLocked() =>
        _refused || _backlogCount + _deadCount >= MaxRecords || _backlogBytes + _deadBytes >= MaxBytes;
}
