using Microsoft.Data.Sqlite;
using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The sender's view of the outbox, on its own connection. It reads committed rows only: SQLite's WAL gives
/// every read a snapshot of committed transactions, so a record whose append has not committed is never sent (S5).
/// </summary>
/// <remarks>
/// Limitation: dead letters are kept for good (never dropped); there is no operator tool yet to list, export or
/// requeue them, and they count against the storage budget until one exists.
/// </remarks>
internal sealed class OutboxQueue : IDisposable
{
    private readonly OutboxDatabase _database;
    private readonly OutboxCounters _counters;
    private SqliteConnection? _connection;

    public OutboxQueue(OutboxDatabase database, OutboxCounters counters)
    {
        _database = database;
        _counters = counters;
    }

    /// <summary>The oldest waiting records in sequence order.</summary>
    public IReadOnlyList<StoredRecord> ReadHead(int maxCount)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, record_id, kind, occurred_at, nonce, payload
            FROM outbox ORDER BY sequence LIMIT $max;
            """;
        command.Parameters.AddWithValue("$max", maxCount);
        using var reader = command.ExecuteReader();
        var records = new List<StoredRecord>();
        while (reader.Read())
        {
            records.Add(new StoredRecord(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                (OutboxRecordKind)reader.GetInt32(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                new SealedPayload((byte[])reader[4], (byte[])reader[5])));
        }

        return records;
    }

    /// <summary>
    /// In one transaction: moves each rejected record to the dead-letter store with its reason, then deletes
    /// every record up to <paramref name="acknowledgedSequence"/>. Returns the records that were dead-lettered.
    /// </summary>
    public AcknowledgeOutcome Acknowledge(long acknowledgedSequence, IReadOnlyList<RejectedRecord> rejections,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        using var transaction = Connection.BeginTransaction();
        var dead = new List<RejectedRecord>();
        long deadBytes = 0;
        foreach (var rejection in rejections)
        {
            if (MoveToDeadLetter(transaction, rejection, now) is { } bytes)
            {
                dead.Add(rejection);
                deadBytes += bytes;
            }
        }

        var (deletedCount, deletedBytes) = DeleteUpTo(transaction, acknowledgedSequence);
        transaction.Commit();
        _counters.Acknowledged(deletedCount, deletedBytes, dead.Count, deadBytes);
        return new AcknowledgeOutcome(deletedCount, dead);
    }

    public void Dispose() => _connection?.Dispose();

    private SqliteConnection Connection => _connection ??= _database.OpenConnection();

    private long? MoveToDeadLetter(SqliteTransaction transaction, RejectedRecord rejection, DateTimeOffset now)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO dead_letter (sequence, record_id, kind, occurred_at, nonce, payload, bytes, reason, dead_lettered_at)
            SELECT sequence, record_id, kind, occurred_at, nonce, payload, bytes, $reason, $now
            FROM outbox WHERE sequence = $sequence AND record_id = $recordId
            RETURNING bytes;
            """;
        command.Parameters.AddWithValue("$reason", rejection.Reason);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$sequence", rejection.Sequence);
        command.Parameters.AddWithValue("$recordId", rejection.RecordId.ToString("D"));
        if (command.ExecuteScalar() is not long bytes)
        {
            return null;
        }

        using var delete = Connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM outbox WHERE sequence = $sequence;";
        delete.Parameters.AddWithValue("$sequence", rejection.Sequence);
        delete.ExecuteNonQuery();
        return bytes;
    }

    private (long Count, long Bytes) DeleteUpTo(SqliteTransaction transaction, long acknowledgedSequence)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM outbox WHERE sequence <= $ack RETURNING bytes;";
        command.Parameters.AddWithValue("$ack", acknowledgedSequence);
        using var reader = command.ExecuteReader();
        long count = 0;
        long bytes = 0;
        while (reader.Read())
        {
            count++;
            bytes += reader.GetInt64(0);
        }

        return (count, bytes);
    }
}
