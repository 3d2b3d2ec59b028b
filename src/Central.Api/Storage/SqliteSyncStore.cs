using System.Globalization;
using Central.Api.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Central.Api.Storage;

/// <summary>Edge batches into SQLite: one IMMEDIATE transaction per batch, committed with synchronous=FULL.</summary>
/// <remarks>
/// The batch runs on the calling thread with Microsoft.Data.Sqlite's synchronous methods: its *Async methods do
/// the same work synchronously (SQLite has no asynchronous I/O) and only add a task per statement, which for
/// 500 records a batch was measurable. The request's token is checked before every record.
/// </remarks>
internal sealed class SqliteSyncStore(SqliteDatabase database, IOptions<CentralOptions> options) : ISyncStore
{
    /// <summary>The rejection reason for a record id stored before with other content; names the field only.</summary>
    public const string ConflictReason = "uuid: already recorded with other content";

    private readonly string _gemeente = options.Value.Gemeente;

    public Task<SyncBatchResult> ApplyBatchAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ApplyBatch(batch, cancellationToken));
    }

    private SyncBatchResult ApplyBatch(SyncBatch batch, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var (stored, conflicts) = StoreRecords(transaction, batch, cancellationToken);
        foreach (var rejection in batch.Rejected.Concat(conflicts))
        {
            StoreRejection(transaction, batch, rejection);
        }

        var previous = AdvanceHighWater(transaction, batch);
        transaction.Commit();
        return new SyncBatchResult(stored, batch.Accepted.Count - stored - conflicts.Count, previous, conflicts);
    }

    private (int Stored, List<SyncRejection> Conflicts) StoreRecords(
        SqliteTransaction transaction,
        SyncBatch batch,
        CancellationToken cancellationToken)
    {
        var stored = 0;
        var conflicts = new List<SyncRejection>();
        using var commands = new SyncBatchCommands(transaction, _gemeente, batch);
        foreach (var record in batch.Accepted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (StoreRecord(commands, record))
            {
                case SyncStoreOutcome.Stored:
                    stored++;
                    break;
                case SyncStoreOutcome.Conflict:
                    conflicts.Add(new SyncRejection(record.RecordId, record.Sequence, ConflictReason));
                    break;
            }
        }

        return (stored, conflicts);
    }

    // A new klantcontact is one insert: its own unique uuid is the dedup. Anything else (a resend, a uuid
    // created over REST, an id an interne taak holds) is judged against what is stored. An interne taak claims
    // its id in sync_records first. The stored record is never replaced: the id is the identity.
    private static SyncStoreOutcome StoreRecord(SyncBatchCommands commands, SyncRecord record)
    {
        if (record.Klantcontact is not null)
        {
            return commands.InsertKlantcontact(record)
                ? SyncStoreOutcome.Stored
                : commands.ResolveKlantcontact(record);
        }

        if (!commands.Claim(record))
        {
            return commands.MatchesStoredTaak(record) ? SyncStoreOutcome.Duplicate : SyncStoreOutcome.Conflict;
        }

        commands.InsertInterneTaak(record.InterneTaak!);
        return SyncStoreOutcome.Stored;
    }

    private void StoreRejection(SqliteTransaction transaction, SyncBatch batch, SyncRejection rejection)
    {
        using var command = Create(transaction, """
            INSERT INTO sync_rejections (gemeente, device_id, stream_id, sequence, record_id, reason, received_at_ms)
            VALUES ($gemeente, $device_id, $stream_id, $sequence, $record_id, $reason, $received_at_ms)
            ON CONFLICT (gemeente, device_id, stream_id, sequence) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$record_id", rejection.RecordId);
        command.Parameters.AddWithValue("$reason", rejection.Reason);
        AddStreamParameters(command, batch, rejection.Sequence);
        command.ExecuteNonQuery();
    }

    /// <summary>Raises the stream's high-water mark to the batch's last sequence; returns the mark before.</summary>
    private long AdvanceHighWater(SqliteTransaction transaction, SyncBatch batch)
    {
        using var read = Create(transaction, """
            SELECT high_water_sequence FROM sync_streams
            WHERE gemeente = $gemeente AND device_id = $device_id AND stream_id = $stream_id;
            """);
        AddStreamParameters(read, batch, batch.LastSequence);
        var stored = read.ExecuteScalar();
        var previous = stored is null ? 0L : Convert.ToInt64(stored, CultureInfo.InvariantCulture);

        using var write = Create(transaction, """
            INSERT INTO sync_streams (gemeente, device_id, stream_id, high_water_sequence, updated_at_ms)
            VALUES ($gemeente, $device_id, $stream_id, $sequence, $received_at_ms)
            ON CONFLICT (gemeente, device_id, stream_id) DO UPDATE SET
                high_water_sequence = MAX(high_water_sequence, excluded.high_water_sequence),
                updated_at_ms = excluded.updated_at_ms;
            """);
        AddStreamParameters(write, batch, batch.LastSequence);
        write.ExecuteNonQuery();
        return previous;
    }

    private SqliteCommand Create(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$gemeente", _gemeente);
        return command;
    }

    private static void AddStreamParameters(SqliteCommand command, SyncBatch batch, long sequence)
    {
        command.Parameters.AddWithValue("$device_id", batch.DeviceId);
        command.Parameters.AddWithValue("$stream_id", batch.StreamId);
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(batch.ReceivedAt));
    }
}
