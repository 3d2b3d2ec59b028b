using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>
/// The reference for the outbox: raw SQLite on one connection, WAL and synchronous=FULL like the product,
/// the product's own outbox table, rows of the product's stored size, one row per commit, sequentially.
/// This is what an outbox without group commit, encryption, dedup or bookkeeping would cost.
/// </summary>
internal static class RawCommitReference
{
    private const int NonceSize = 12;

    public static RunResult Run(string folder, IReadOnlyList<string> schema, int commits, int payloadBytes)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var connection = Open(Path.Combine(folder, "reference.db"), schema);
        using var insert = PrepareInsert(connection, payloadBytes);
        var recordIds = Enumerable.Range(0, commits).Select(_ => Guid.NewGuid().ToString("D")).ToArray();
        var latencies = new double[commits];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < commits; i++)
        {
            var start = Stopwatch.GetTimestamp();
            insert.Parameters["$sequence"].Value = i + 1;
            insert.Parameters["$recordId"].Value = recordIds[i];
            insert.ExecuteNonQuery();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return RunResult.FromLatencies(Stopwatch.GetElapsedTime(started), latencies);
    }

    private static SqliteConnection Open(string path, IReadOnlyList<string> schema)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        foreach (var statement in schema)
        {
            Execute(connection, statement);
        }

        return connection;
    }

    // Autocommit: each INSERT is its own transaction and its own fsync of the WAL.
    private static SqliteCommand PrepareInsert(SqliteConnection connection, int payloadBytes)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox (sequence, record_id, kind, occurred_at, nonce, payload, bytes)
            VALUES ($sequence, $recordId, 1, $occurredAt, $nonce, $payload, $bytes);
            """;
        command.Parameters.AddWithValue("$sequence", 0L);
        command.Parameters.AddWithValue("$recordId", string.Empty);
        command.Parameters.AddWithValue("$occurredAt", 1_800_000_000_000L);
        command.Parameters.AddWithValue("$nonce", RandomNumberGenerator.GetBytes(NonceSize));
        command.Parameters.AddWithValue("$payload", RandomNumberGenerator.GetBytes(payloadBytes));
        command.Parameters.AddWithValue("$bytes", NonceSize + payloadBytes);
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
