using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Omni.Sdk.Internal.Recording;
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
            Insert(insert, i + 1, recordIds[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return RunResult.FromLatencies(Stopwatch.GetElapsedTime(started), latencies);
    }

    /// <summary>
    /// A diagnostic, not the reference: the same rows, <paramref name="rowsPerCommit"/> to a transaction, from one
    /// thread, with time-ordered uuids as the product mints them. What SQLite itself writes on this disk when every
    /// commit is shared as fully as it can be and nothing is sealed, handed off or counted: the ceiling that any
    /// group commit of rows this size approaches from below. Returns rows per second.
    /// </summary>
    public static double GroupedRowsPerSecond(string folder, IReadOnlyList<string> schema, int commits,
        int rowsPerCommit, int payloadBytes)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var connection = Open(Path.Combine(folder, "ceiling.db"), schema);
        using var insert = PrepareInsert(connection, payloadBytes);
        using var begin = new SqliteStatement(connection, "BEGIN IMMEDIATE;");
        using var commit = new SqliteStatement(connection, "COMMIT;");
        var rows = commits * rowsPerCommit;
        var recordIds = Enumerable.Range(0, rows)
            .Select(_ => Encoding.UTF8.GetBytes(RecordIds.NewVersion7(TimeProvider.System.GetUtcNow()).ToString("D")))
            .ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var row = 0; row < rows; row += rowsPerCommit)
        {
            begin.Execute();
            for (var i = row; i < row + rowsPerCommit; i++)
            {
                Insert(insert, i + 1, recordIds[i]);
            }

            commit.Execute();
        }

        return rows / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Insert(SqliteStatement insert, long sequence, byte[] recordId)
    {
        insert.Bind(1, sequence);
        insert.BindText(2, recordId);
        insert.Execute();
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
