using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// One statement prepared once on the writer's connection and bound by position for every record.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds parameters by name and builds a data reader on every execution; on the writer's
/// per-record path that cost more than SQLite's own work, so the writer steps its statements through the
/// connection's handle. Transactions still go through <see cref="SqliteConnection.BeginTransaction()"/>, whose
/// retry on SQLITE_BUSY covers the sender's short write transactions.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void BindText(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Steps once; true when a row is ready to read. On an error it resets the statement and throws.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is SqliteRow or SqliteDone)
        {
            return rc == SqliteRow;
        }

        raw.sqlite3_reset(_statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>Runs a statement that returns no rows; returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            Step();
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Readies the statement for its next run; bindings are kept until bound again.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The column's bytes (a blob, or the UTF-8 of a text), valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
