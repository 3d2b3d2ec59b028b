using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The writer's statements, prepared once for its connection and reused for every group and record, so SQLite
/// parses each one once (re-parsing cost more CPU than the inserts themselves).
/// </summary>
internal sealed class OutboxWriteStatements : IDisposable
{
    private const int GuidUtf8Length = 36;

    private readonly SqliteConnection _connection;
    private readonly SqliteStatement _begin;
    private readonly SqliteStatement _commit;
    private readonly SqliteStatement _rollback;
    private readonly SqliteStatement _groupStart;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _isDeadLettered;
    private readonly SqliteStatement _find;
    private readonly SqliteStatement _writeLastSequence;

    public OutboxWriteStatements(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;

        // The writer's transactions are stepped like its other statements (no parse per group); SQLite's own busy
        // handler waits out the sender's short write transactions, as Microsoft.Data.Sqlite's retry loop did.
        using (var timeout = connection.CreateCommand())
        {
            timeout.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000};";
            timeout.ExecuteNonQuery();
        }

        _begin = new SqliteStatement(connection, "BEGIN IMMEDIATE;");
        _commit = new SqliteStatement(connection, "COMMIT;");
        _rollback = new SqliteStatement(connection, "ROLLBACK;");
        _groupStart = new SqliteStatement(connection, """
            SELECT (SELECT value FROM meta WHERE key = 'last_sequence'), EXISTS (SELECT 1 FROM dead_letter);
            """);

        // ON CONFLICT DO NOTHING: a uuid already waiting leaves the insert without effect, which the writer sees in
        // the change count; only then does it look the stored row up (record_id is UNIQUE in outbox and dead_letter).
        _insert = new SqliteStatement(connection, """
            INSERT INTO outbox (sequence, record_id, kind, occurred_at, nonce, payload, bytes)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (record_id) DO NOTHING;
            """);
        _isDeadLettered = new SqliteStatement(connection, "SELECT 1 FROM dead_letter WHERE record_id = ?1;");
        _find = new SqliteStatement(connection, """
            SELECT sequence, kind, occurred_at, nonce, payload, NULL FROM outbox WHERE record_id = ?1
            UNION ALL SELECT sequence, kind, occurred_at, nonce, payload, reason FROM dead_letter WHERE record_id = ?1
            LIMIT 1;
            """);
        _writeLastSequence = new SqliteStatement(connection, """
            INSERT INTO meta (key, value) VALUES ('last_sequence', ?1)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            """);
    }

    /// <summary>Takes the write lock: sequences are assigned inside this transaction.</summary>
    public void Begin() => _begin.Execute();

    public void Commit() => _commit.Execute();

    /// <summary>Rolls back what the failed group wrote, if its transaction is still open.</summary>
    public void RollbackIfOpen()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
        {
            _rollback.Execute();
        }
    }

    /// <summary>Inside the group's transaction: the last sequence assigned, and whether dead letters exist.</summary>
    public (long LastSequence, bool HasDeadLetters) ReadGroupStart()
    {
        try
        {
            _groupStart.Step();
            var text = _groupStart.Bytes(0);
            var last = text.IsEmpty ? 0 : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return (last, _groupStart.Int64(1) != 0);
        }
        finally
        {
            _groupStart.Reset();
        }
    }

    /// <summary>Inserts the record at <paramref name="sequence"/>; false when its uuid is already waiting.</summary>
    public bool TryInsert(PendingAppend append, long sequence)
    {
        ArgumentNullException.ThrowIfNull(append);
        Span<byte> id = stackalloc byte[GuidUtf8Length];
        append.RecordId.TryFormat(id, out _, "D");
        _insert.Bind(1, sequence);
        _insert.BindText(2, id);
        _insert.Bind(3, (int)append.Kind);
        _insert.Bind(4, append.OccurredAtMs);
        _insert.BindBlob(5, append.Payload.Nonce);
        _insert.BindBlob(6, append.Payload.Ciphertext);
        _insert.Bind(7, append.Payload.StoredSize);
        return _insert.Execute() == 1;
    }

    public bool IsDeadLettered(Guid recordId)
    {
        BindId(_isDeadLettered, recordId);
        try
        {
            return _isDeadLettered.Step();
        }
        finally
        {
            _isDeadLettered.Reset();
        }
    }

    /// <summary>The row holding <paramref name="recordId"/> (waiting or dead-lettered), if any.</summary>
    public ExistingRecord? FindExisting(Guid recordId)
    {
        BindId(_find, recordId);
        try
        {
            if (!_find.Step())
            {
                return null;
            }

            return new ExistingRecord(
                _find.Int64(0),
                (OutboxRecordKind)_find.Int64(1),
                _find.Int64(2),
                new SealedPayload(_find.Bytes(3).ToArray(), _find.Bytes(4).ToArray()),
                _find.IsNull(5) ? null : Encoding.UTF8.GetString(_find.Bytes(5)));
        }
        finally
        {
            _find.Reset();
        }
    }

    public void WriteLastSequence(long lastSequence)
    {
        Span<byte> text = stackalloc byte[20];
        lastSequence.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        _writeLastSequence.BindText(1, text[..written]);
        _writeLastSequence.Execute();
    }

    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _groupStart.Dispose();
        _insert.Dispose();
        _isDeadLettered.Dispose();
        _find.Dispose();
        _writeLastSequence.Dispose();
    }

    private static void BindId(SqliteStatement statement, Guid recordId)
    {
        Span<byte> id = stackalloc byte[GuidUtf8Length];
        recordId.TryFormat(id, out _, "D");
        statement.BindText(1, id);
    }
}
