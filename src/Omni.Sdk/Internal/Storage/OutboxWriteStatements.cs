using Microsoft.Data.Sqlite;
using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The writer's per-record statements, created once for its connection and reused for every record, so SQLite
/// parses each one once instead of once per record (re-parsing cost more CPU than the inserts themselves).
/// </summary>
internal sealed class OutboxWriteStatements : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;

    public OutboxWriteStatements(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _find = connection.CreateCommand();
        _find.CommandText = """
            SELECT sequence, kind, nonce, payload FROM outbox WHERE record_id = $id
            UNION ALL SELECT sequence, kind, nonce, payload FROM dead_letter WHERE record_id = $id LIMIT 1;
            """;
        _find.Parameters.Add("$id", SqliteType.Text);
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO outbox (sequence, record_id, kind, occurred_at, nonce, payload, bytes)
            VALUES ($sequence, $recordId, $kind, $occurredAt, $nonce, $payload, $bytes);
            """;
        _insert.Parameters.Add("$sequence", SqliteType.Integer);
        _insert.Parameters.Add("$recordId", SqliteType.Text);
        _insert.Parameters.Add("$kind", SqliteType.Integer);
        _insert.Parameters.Add("$occurredAt", SqliteType.Integer);
        _insert.Parameters.Add("$nonce", SqliteType.Blob);
        _insert.Parameters.Add("$payload", SqliteType.Blob);
        _insert.Parameters.Add("$bytes", SqliteType.Integer);
    }

    /// <summary>The row holding <paramref name="recordId"/> (waiting or dead-lettered), if any.</summary>
    public ExistingRecord? FindExisting(SqliteTransaction transaction, Guid recordId)
    {
        _find.Transaction = transaction;
        _find.Parameters["$id"].Value = recordId.ToString("D");
        using var reader = _find.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ExistingRecord(
            reader.GetInt64(0),
            (OutboxRecordKind)reader.GetInt32(1),
            new SealedPayload((byte[])reader[2], (byte[])reader[3]));
    }

    public void Insert(SqliteTransaction transaction, PendingAppend append, long sequence, SealedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(append);
        ArgumentNullException.ThrowIfNull(payload);
        _insert.Transaction = transaction;
        var parameters = _insert.Parameters;
        parameters["$sequence"].Value = sequence;
        parameters["$recordId"].Value = append.RecordId.ToString("D");
        parameters["$kind"].Value = (int)append.Kind;
        parameters["$occurredAt"].Value = append.OccurredAt.ToUnixTimeMilliseconds();
        parameters["$nonce"].Value = payload.Nonce;
        parameters["$payload"].Value = payload.Ciphertext;
        parameters["$bytes"].Value = payload.StoredSize;
        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
    }
}
