using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Omni.Sdk.Internal.Health;
using Omni.Sdk.Internal.Security;
using Omni.Sdk.Internal.Sending;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The single writer of the outbox. Appends queue up while a commit is in flight and are then written
/// together in one transaction (group commit), so concurrent callers share one fsync. Each caller's task
/// completes only after the transaction holding its record has committed.
/// </summary>
internal sealed partial class OutboxWriter : IAsyncDisposable, IDisposable
{
    private const int MaxAppendsPerCommit = 1000;
    private const int SqliteFull = 13;

    private readonly OutboxDatabase _database;
    private readonly OutboxCipher _cipher;
    private readonly OutboxCounters _counters;
    private readonly WorkSignal _signal;
    private readonly OutboxMetrics _metrics;
    private readonly ILogger<OutboxWriter> _logger;
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _commitCount;

    public OutboxWriter(OutboxDatabase database, OutboxCipher cipher, OutboxCounters counters, WorkSignal signal,
        OutboxMetrics metrics, ILogger<OutboxWriter> logger)
    {
        _database = database;
        _cipher = cipher;
        _counters = counters;
        _signal = signal;
        _metrics = metrics;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far; fewer than appends when group commit works.</summary>
    public long CommitCount => Interlocked.Read(ref _commitCount);

    /// <summary>Queues one append and completes once it is durable (or refused).</summary>
    public Task<RecordReceipt> AppendAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(append);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(append), this);

        return append.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking appends, then waits until every queued append is committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        using var connection = _database.OpenConnection();
        using var statements = new OutboxWriteStatements(connection);
        var batch = new List<PendingAppend>(MaxAppendsPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxAppendsPerCommit && _queue.Reader.TryRead(out var append))
            {
                batch.Add(append);
            }

            WriteBatch(connection, statements, batch);
            batch.Clear();
        }

        LogWriterStopped(_logger);
    }

    private void WriteBatch(SqliteConnection connection, OutboxWriteStatements statements, List<PendingAppend> batch)
    {
        var outcomes = new AppendOutcome[batch.Count];
        long added = 0;
        long addedBytes = 0;
        try
        {
            using var transaction = connection.BeginTransaction();
            var lastSequence = ReadLastSequence(connection, transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = WriteOne(statements, transaction, batch[i], ref lastSequence, ref added, ref addedBytes);
            }

            OutboxDatabase.WriteMeta(connection, transaction, "last_sequence", lastSequence.ToString(CultureInfo.InvariantCulture));
            transaction.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
        {
            FailAll(batch, ex);
            return;
        }

        Interlocked.Increment(ref _commitCount);
        _counters.Appended(added, addedBytes);
        Complete(batch, outcomes);
        if (added > 0)
        {
            _metrics.Appended(added);
            _signal.Set();
        }

        LogBatchCommitted(_logger, batch.Count, added);
    }

    private AppendOutcome WriteOne(OutboxWriteStatements statements, SqliteTransaction transaction, PendingAppend append,
        ref long lastSequence, ref long added, ref long addedBytes)
    {
        if (statements.FindExisting(transaction, append.RecordId) is { } existing)
        {
            return Replay(append, existing);
        }

        var sequence = lastSequence + 1;
        var sealedPayload = _cipher.Seal(append.Plaintext, append.RecordId, sequence);
        if (!_counters.Fits(added + 1, addedBytes + sealedPayload.StoredSize))
        {
            _counters.Refused();
            LogAppendRefusedFull(_logger, append.RecordId);
            return new AppendOutcome(null, new OutboxFullException(
                "The outbox storage budget (MaxRecords or MaxBytes) is reached; nothing was stored."));
        }

        statements.Insert(transaction, append, sequence, sealedPayload);
        lastSequence = sequence;
        added++;
        addedBytes += sealedPayload.StoredSize;
        return new AppendOutcome(new RecordReceipt(append.RecordId, sequence, AlreadyRecorded: false), null);
    }

    /// <summary>
    /// A uuid that is already stored: a harmless replay when the kind and the serialized payload are the same,
    /// a conflict otherwise, so a second record under a taken uuid is never reported as stored while it is lost.
    /// </summary>
    private AppendOutcome Replay(PendingAppend append, ExistingRecord existing)
    {
        if (SameContent(append, existing))
        {
            return new AppendOutcome(new RecordReceipt(append.RecordId, existing.Sequence, AlreadyRecorded: true), null);
        }

        LogAppendRefusedConflict(_logger, append.RecordId, existing.Sequence);
        return new AppendOutcome(null, new RecordConflictException(append.RecordId));
    }

    // The stored copy is opened to compare rather than hashed at append: no schema step, no backfill for rows
    // written before, and no second value derived from the personal data kept on disk. It costs one decrypt on
    // the rare replay only. A stored payload that no longer opens cannot be shown to be the same: a conflict.
    private bool SameContent(PendingAppend append, ExistingRecord existing)
    {
        if (existing.Kind != append.Kind)
        {
            return false;
        }

        var stored = _cipher.TryOpen(existing.Payload, append.RecordId, existing.Sequence);
        if (stored is null)
        {
            return false;
        }

        var same = stored.AsSpan().SequenceEqual(append.Plaintext);
        CryptographicOperations.ZeroMemory(stored);
        return same;
    }

    private static long ReadLastSequence(SqliteConnection connection, SqliteTransaction transaction) =>
        long.Parse(OutboxDatabase.ReadMeta(connection, transaction, "last_sequence") ?? "0", CultureInfo.InvariantCulture);

    private static void Complete(List<PendingAppend> batch, AppendOutcome[] outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Receipt is { } receipt)
            {
                batch[i].Completion.TrySetResult(receipt);
            }
            else
            {
                batch[i].Completion.TrySetException(outcomes[i].Error!);
            }
        }
    }

    private void FailAll(List<PendingAppend> batch, Exception ex)
    {
        Exception error = ex;
        var code = (ex as SqliteException)?.SqliteErrorCode ?? 0;
        if (code == SqliteFull)
        {
            // A full disk is back-pressure like the budget: refuse loudly, never lose silently (S4).
            _counters.Refused();
            error = new OutboxFullException("The disk holding the outbox is full; nothing was stored.", ex);
        }

        LogBatchFailed(_logger, batch.Count, code, ex);
        foreach (var append in batch)
        {
            append.Completion.TrySetException(error);
        }
    }

    private readonly record struct AppendOutcome(RecordReceipt? Receipt, Exception? Error);
}
