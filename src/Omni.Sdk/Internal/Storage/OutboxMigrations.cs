using Microsoft.Data.Sqlite;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// Forward-only schema steps, tracked in <c>PRAGMA user_version</c>. Step N turns a version N-1 file into
/// version N inside one transaction, so a crash mid-migration leaves the previous version intact.
/// </summary>
internal static class OutboxMigrations
{
    public const int CurrentVersion = 3;

    private static readonly string[] Steps =
    [
        // 1: the first shipped outbox: meta (stream id, last sequence) and the outbox rows.
        """
        CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE outbox (
            sequence INTEGER NOT NULL PRIMARY KEY,
            record_id TEXT NOT NULL UNIQUE,
            kind INTEGER NOT NULL,
            occurred_at INTEGER NOT NULL,
            nonce BLOB NOT NULL,
            payload BLOB NOT NULL);
        """,

        // 2: stored size per row (for the byte budget), the dead-letter store and the configuration cache.
        """
        ALTER TABLE outbox ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
        UPDATE outbox SET bytes = length(nonce) + length(payload);
        CREATE TABLE dead_letter (
            sequence INTEGER NOT NULL PRIMARY KEY,
            record_id TEXT NOT NULL UNIQUE,
            kind INTEGER NOT NULL,
            occurred_at INTEGER NOT NULL,
            nonce BLOB NOT NULL,
            payload BLOB NOT NULL,
            bytes INTEGER NOT NULL,
            reason TEXT NOT NULL,
            dead_lettered_at INTEGER NOT NULL);
        CREATE TABLE edge_configuration (
            slot INTEGER NOT NULL PRIMARY KEY CHECK (slot = 1),
            version TEXT NOT NULL,
            payload BLOB NOT NULL,
            stored_at INTEGER NOT NULL);
        """,

        // 3: rows from here on are sealed bound to record id, kind and occurred-at instead of the sequence (see
        // SealFormat). Rows already stored keep their old binding: the first sequence of the new format is kept in
        // meta. A file that has no stream yet gets no marker: all of its rows will be of the new format.
        """
        INSERT INTO meta (key, value)
        SELECT 'record_bound_from_sequence', CAST(CAST(value AS INTEGER) + 1 AS TEXT)
        FROM meta WHERE key = 'last_sequence';
        """,
    ];

    /// <summary>Applies every step above <paramref name="fromVersion"/>; returns the number applied.</summary>
    public static int MigrateFrom(SqliteConnection connection, int fromVersion) =>
        MigrateTo(connection, fromVersion, CurrentVersion);

    /// <summary>
    /// Applies the steps from <paramref name="fromVersion"/> up to <paramref name="toVersion"/>; returns the number
    /// applied. A file stopped below the current version is exactly what an older SDK left.
    /// </summary>
    public static int MigrateTo(SqliteConnection connection, int fromVersion, int toVersion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toVersion, CurrentVersion);
        for (var version = fromVersion + 1; version <= toVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return toVersion - fromVersion;
    }
}
