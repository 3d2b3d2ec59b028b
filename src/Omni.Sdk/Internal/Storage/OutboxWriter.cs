using System.Security.Cryptography;
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
/// <remarks>
/// Everything that can run on the callers' threads does (validation, serialization, sealing): the writer is the
/// one serial step of every append, so its per-record work is one insert. While it writes a group it keeps taking
/// what callers queue meanwhile into the same transaction, so a group holds every append that arrived before
/// its commit started.
/// </remarks>
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
    private readonly AppendQueue _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

        // A thread of its own rather than a loop on the thread pool: under load the pool's queue holds the
        // callers' continuations, and a writer queued behind them would hold up every group commit.
        var thread = new Thread(Run) { IsBackground = true, Name = "Omni outbox writer" };
        thread.Start();
    }

    /// <summary>Transactions committed so far; fewer than appends when group commit works.</summary>
    public long CommitCount => Interlocked.Read(ref _commitCount);

    /// <summary>
    /// Seals the record on the calling thread, queues it, and completes once it is durable (or refused).
    /// </summary>
    public Task<RecordReceipt> AppendAsync(OutboxRecordKind kind, Guid recordId, byte[] plaintext,
        DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var occurredAtMs = occurredAt.ToUnixTimeMilliseconds();
        var payload = _cipher.Seal(plaintext, SealBinding.RecordBound(recordId, (int)kind, occurredAtMs));
        var append = new PendingAppend(kind, recordId, plaintext, occurredAtMs, payload);
        ObjectDisposedException.ThrowIf(!_queue.TryAdd(append), this);

        return append.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking appends, then waits until every queued append is committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Close();
        await _stopped.Task.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _queue.Close();
        _stopped.Task.GetAwaiter().GetResult();
    }

    private void Run()
    {
        try
        {
            WriteUntilClosed();

            // Only now, with the connection closed (and the WAL checkpointed by that close), is the writer done.
            LogWriterStopped(_logger);
            _stopped.SetResult();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            // The writer cannot go on (the file could not be opened): refuse what is queued and stop taking more.
            LogWriterFailed(_logger, (ex as SqliteException)?.SqliteErrorCode ?? 0, ex);
            _queue.Close();
            var rest = new List<PendingAppend>();
            while (_queue.TakeAll(ref rest))
            {
                FailAll(rest, ex);
                rest = [];
            }

            _stopped.SetException(ex);
        }
    }

    private void WriteUntilClosed()
    {
        using var connection = _database.OpenConnection();
        using var statements = new OutboxWriteStatements(connection);
        var taken = new List<PendingAppend>();
        while (_queue.TakeAll(ref taken))
        {
            WriteGroup(statements, ref taken);
        }
    }

    // One transaction: what was queued, plus whatever callers queue while it is being written, then one commit.
    private void WriteGroup(OutboxWriteStatements statements, ref List<PendingAppend> taken)
    {
        var group = new List<PendingAppend>(taken.Count);
        var tally = default(GroupTally);
        try
        {
            statements.Begin();
            (tally.LastSequence, tally.CheckDeadLetters) = statements.ReadGroupStart();
            do
            {
                var from = group.Count;
                group.AddRange(taken);
                taken.Clear();
                for (var i = from; i < group.Count; i++)
                {
                    WriteOne(statements, group[i], ref tally);
                }
            }
            while (group.Count < MaxAppendsPerCommit && _queue.TryTakeAll(ref taken));

            if (tally.Added > 0)
            {
                statements.WriteLastSequence(tally.LastSequence);
            }

            statements.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
        {
            group.AddRange(taken);
            taken.Clear();
            Rollback(statements, ex);
            FailAll(group, ex);
            return;
        }

        Interlocked.Increment(ref _commitCount);
        _counters.Appended(tally.Added, tally.AddedBytes);
        Dispatch(group);
        if (tally.Added > 0)
        {
            _metrics.Appended(tally.Added);
            _signal.Set();
        }

        LogBatchCommitted(_logger, group.Count, tally.Added);
    }

    // The common case costs one insert: a uuid already waiting makes it a no-op, and only then is the stored row
    // read. A record that may not fit the budget, or whose uuid may be dead-lettered, takes the careful path.
    private void WriteOne(OutboxWriteStatements statements, PendingAppend append, ref GroupTally tally)
    {
        var size = append.Payload.StoredSize;
        if (!_counters.Fits(tally.Added + 1, tally.AddedBytes + size)
            || (tally.CheckDeadLetters && statements.IsDeadLettered(append.RecordId)))
        {
            WriteChecked(statements, append, ref tally);
            return;
        }

        var sequence = tally.LastSequence + 1;
        if (!statements.TryInsert(append, sequence))
        {
            WriteChecked(statements, append, ref tally);
            return;
        }

        tally.Stored(sequence, size);
        append.Decide(new RecordReceipt(append.RecordId, sequence, AlreadyRecorded: false), null);
    }

    // Look the uuid up first (waiting or dead-lettered), then the budget, then insert: a replay is answered even
    // when the outbox is full.
    private void WriteChecked(OutboxWriteStatements statements, PendingAppend append, ref GroupTally tally)
    {
        if (statements.FindExisting(append.RecordId) is { } existing)
        {
            Replay(append, existing);
            return;
        }

        var size = append.Payload.StoredSize;
        if (!_counters.Fits(tally.Added + 1, tally.AddedBytes + size))
        {
            _counters.Refused();
            LogAppendRefusedFull(_logger, append.RecordId);
            append.Decide(null, new OutboxFullException(
                "The outbox storage budget (MaxRecords or MaxBytes) is reached; nothing was stored."));
            return;
        }

        var sequence = tally.LastSequence + 1;
        if (!statements.TryInsert(append, sequence))
        {
            throw new InvalidOperationException("An outbox record id was taken although no row holds it.");
        }

        tally.Stored(sequence, size);
        append.Decide(new RecordReceipt(append.RecordId, sequence, AlreadyRecorded: false), null);
    }

    /// <summary>
    /// A uuid that is already stored: a harmless replay when the kind and the serialized payload are the same and
    /// the record still waits; the dead letter's reason when it is that very record, refused for good; a conflict
    /// otherwise. So a record is never reported as stored while it is lost or refused.
    /// </summary>
    private void Replay(PendingAppend append, ExistingRecord existing)
    {
        var same = SameContent(append, existing);
        if (same && existing.DeadLetterReason is { } reason)
        {
            LogAppendRefusedDeadLettered(_logger, append.RecordId, existing.Sequence);
            append.Decide(null, new RecordDeadLetteredException(append.RecordId, reason));
            return;
        }

        if (same)
        {
            append.Decide(new RecordReceipt(append.RecordId, existing.Sequence, AlreadyRecorded: true), null);
            return;
        }

        LogAppendRefusedConflict(_logger, append.RecordId, existing.Sequence);
        append.Decide(null, new RecordConflictException(append.RecordId));
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

        var binding = _database.BindingOf(append.RecordId, existing.Sequence, existing.Kind, existing.OccurredAtMs);
        var stored = _cipher.TryOpen(existing.Payload, binding);
        if (stored is null)
        {
            return false;
        }

        var same = stored.AsSpan().SequenceEqual(append.Plaintext);
        CryptographicOperations.ZeroMemory(stored);
        return same;
    }

    // The callers' continuations run where their tasks complete. One thread-pool work item completes the whole
    // group: not the writer's thread (it starts the next group meanwhile), and not one hop per record.
    // Limitation: a caller whose continuation blocks delays the receipts of the rest of its group (never the
    // writer, nor durability); one work item per record avoided that but cost a thread hop per append.
    private static void Dispatch(List<PendingAppend> group) =>
        ThreadPool.UnsafeQueueUserWorkItem(static appends =>
        {
            foreach (var append in appends)
            {
                append.Complete();
            }
        }, group, preferLocal: false);

    // Nothing of a failed group may stay: its callers are told it was not stored.
    private void Rollback(OutboxWriteStatements statements, Exception cause)
    {
        try
        {
            statements.RollbackIfOpen();
        }
        catch (SqliteException ex)
        {
            // The connection is unusable; the next group's BEGIN fails the same way and refuses its appends.
            LogRollbackFailed(_logger, ex.SqliteErrorCode, new AggregateException(cause, ex));
        }
    }

    private void FailAll(List<PendingAppend> group, Exception ex)
    {
        Exception error = ex;
        var code = (ex as SqliteException)?.SqliteErrorCode ?? 0;
        if (code == SqliteFull)
        {
            // A full disk is back-pressure like the budget: refuse loudly, never lose silently (S4).
            _counters.Refused();
            error = new OutboxFullException("The disk holding the outbox is full; nothing was stored.", ex);
        }

        LogBatchFailed(_logger, group.Count, code, ex);
        foreach (var append in group)
        {
            append.Decide(null, error);
        }

        Dispatch(group);
    }

    /// <summary>What one group's transaction has assigned so far.</summary>
    private struct GroupTally
    {
        public long LastSequence;
        public bool CheckDeadLetters;
        public long Added;
        public long AddedBytes;

        public void Stored(long sequence, long bytes)
        {
            LastSequence = sequence;
            Added++;
            AddedBytes += bytes;
        }
    }
}
