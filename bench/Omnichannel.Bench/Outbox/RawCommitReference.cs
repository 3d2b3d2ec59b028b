using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Omni.Sdk.Internal.Storage;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>
/// The reference for the outbox: raw SQLite on one connection, WAL and synchronous=FULL like the product,
/// the product's own outbox table, rows of the product's stored size, one row per commit, sequentially.
/// This is what an outbox without group commit, encryption, dedup or bookkeeping would cost. The insert is stepped
/// through the product's own <see cref="SqliteStatement"/> (prepared once, bound by position), so the reference
/// pays no more per commit for the data access API than the product's writer does.
/// </summary>
internal static class RawCommitReference
{
    private const int NonceSize = 12;

    public static RunResult Run(string folder, IReadOnlyList<string> schema, int commits, int payloadBytes)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var connection = Open(Path.Combine(folder, "reference.db"), schema);
        using var insert = PrepareInsert(connection, payloadBytes);
        var recordIds = Enumerable.Range(0, commits)
            .Select(_ => Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D")))
            .ToArray();
        var latencies = new double[commits];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < commits; i++)
        {
            var start = Stopwatch.GetTimestamp();
            insert.Bind(1, i + 1);
            insert.BindText(2, recordIds[i]);
            insert.Execute();
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
    private static SqliteStatement PrepareInsert(SqliteConnection connection, int payloadBytes)
    {
        var statement = new SqliteStatement(connection, """
            INSERT INTO outbox (sequence, record_id, kind, occurred_at, nonce, payload, bytes)
            VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6);
            """);
        statement.Bind(3, 1_800_000_000_000L);
        statement.BindBlob(4, RandomNumberGenerator.GetBytes(NonceSize));
        statement.BindBlob(5, RandomNumberGenerator.GetBytes(payloadBytes));
        statement.Bind(6, NonceSize + payloadBytes);
        return statement;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
