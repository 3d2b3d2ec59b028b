using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Security;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk.Tests.Support;

/// <summary>
/// Writes an outbox file as SDK versions with schema version 2 left it: the product's own schema steps 1 and 2, and
/// every payload sealed with the record id and sequence as associated data.
/// </summary>
internal static class LegacyOutboxFile
{
    /// <summary>
    /// Creates the file with <paramref name="waiting"/> in the outbox and <paramref name="deadLettered"/> in the
    /// dead-letter store, numbered 1, 2, ... in that order; last_sequence is the highest.
    /// </summary>
    public static void Write(string path, Guid streamId, byte[] key, IReadOnlyList<Klantcontact> waiting,
        IReadOnlyList<Klantcontact>? deadLettered = null)
    {
        using var cipher = new OutboxCipher(key);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        OutboxMigrations.MigrateTo(connection, 0, 2);
        long sequence = 0;
        foreach (var record in waiting)
        {
            Insert(connection, cipher, "outbox", record, ++sequence);
        }

        foreach (var record in deadLettered ?? [])
        {
            Insert(connection, cipher, "dead_letter", record, ++sequence);
        }

        Execute(connection, $"INSERT INTO meta VALUES ('stream_id', '{streamId:D}'), ('last_sequence', '{sequence}');");
    }

    private static void Insert(SqliteConnection connection, OutboxCipher cipher, string table, Klantcontact record,
        long sequence)
    {
        var id = Guid.Parse(record.Uuid);
        var sealedPayload = cipher.Seal(record.ToByteArray(), SealBinding.SequenceBound(id, sequence));
        using var insert = connection.CreateCommand();
        var deadColumns = table == "dead_letter" ? ", reason, dead_lettered_at" : string.Empty;
        var deadValues = table == "dead_letter" ? ", 'payload: missing', 0" : string.Empty;
        insert.CommandText = $"""
            INSERT INTO {table} (sequence, record_id, kind, occurred_at, nonce, payload, bytes{deadColumns})
            VALUES ($sequence, $id, 1, $occurredAt, $nonce, $payload, $bytes{deadValues});
            """;
        insert.Parameters.AddWithValue("$sequence", sequence);
        insert.Parameters.AddWithValue("$id", id.ToString("D"));
        insert.Parameters.AddWithValue("$occurredAt", 1_780_000_000_000L + sequence);
        insert.Parameters.AddWithValue("$nonce", sealedPayload.Nonce);
        insert.Parameters.AddWithValue("$payload", sealedPayload.Ciphertext);
        insert.Parameters.AddWithValue("$bytes", sealedPayload.StoredSize);
        insert.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
