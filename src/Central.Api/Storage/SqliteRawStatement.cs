using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Central.Api.Storage;

/// <summary>
/// One statement prepared on an open connection and run through SQLitePCL.raw, for a statement that a batch runs
/// once per record. Parameters are bound by index, and a value that is the same for every record is bound once:
/// SQLite keeps bindings across sqlite3_reset (sqlite.org/c3ref/reset.html). SqliteCommand instead looks up and
/// binds every parameter by name on each run, and allocates a data reader for an insert; for 500 records per
/// batch that was a measurable share of Central's ingest.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
    }

    /// <summary>The index of a named parameter such as "$uuid"; throws when the statement has none by that name.</summary>
    public int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    // An empty span would reach SQLite as a null pointer, which binds NULL instead of an empty blob.
    public void Bind(int index, ReadOnlySpan<byte> value) =>
        Check(value.IsEmpty
            ? raw.sqlite3_bind_zeroblob(_statement, index, 0)
            : raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs a statement that returns no rows, then resets it; returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
                throw new InvalidOperationException("The statement returned rows; only statements without are run here.");
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
