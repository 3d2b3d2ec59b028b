using Central.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Central.Api.Tests.Storage;

public sealed class SqliteRawStatementTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteConnection _connection;

    public SqliteRawStatementTests()
    {
        _connection = new SqliteConnection($"Data Source={_directory.File("raw.db")};Pooling=False");
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, b BLOB NOT NULL) STRICT;";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Execute_ValueBoundOnceAndOthersPerRun_KeepsTheOnceBoundValueForEveryRun()
    {
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO t (id, n, b) VALUES ($id, $n, $b);");
        statement.Bind(statement.IndexOf("$n"), 7);

        foreach (var id in new[] { "a", "b" })
        {
            statement.Bind(statement.IndexOf("$id"), id);
            statement.Bind(statement.IndexOf("$b"), new byte[] { 1, 2 });
            Assert.Equal(1, statement.Execute());
        }

        Assert.Equal(14L, Scalar("SELECT SUM(n) FROM t;"));
    }

    [Fact]
    public void Execute_OnConflictDoNothing_ReturnsZeroChanges()
    {
        using var statement = new SqliteRawStatement(_connection,
            "INSERT INTO t (id, n, b) VALUES ($id, 1, x'00') ON CONFLICT (id) DO NOTHING;");
        statement.Bind(statement.IndexOf("$id"), "a");

        Assert.Equal(1, statement.Execute());
        Assert.Equal(0, statement.Execute());
    }

    [Fact]
    public void Bind_EmptyBlob_StoresAnEmptyBlobNotNull()
    {
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO t (id, n, b) VALUES ('a', 1, $b);");
        statement.Bind(statement.IndexOf("$b"), ReadOnlySpan<byte>.Empty);

        statement.Execute();

        Assert.Equal(0L, Scalar("SELECT length(b) FROM t WHERE b IS NOT NULL;"));
    }

    [Fact]
    public void Execute_ConstraintViolated_ThrowsSqliteExceptionAndRunsAgainAfterwards()
    {
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO t (id, n, b) VALUES ($id, 1, x'00');");
        statement.Bind(statement.IndexOf("$id"), "a");
        statement.Execute();

        var error = Assert.Throws<SqliteException>(() => statement.Execute());
        statement.Bind(statement.IndexOf("$id"), "b");

        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(1, statement.Execute());
    }

    [Fact]
    public void IndexOf_UnknownParameter_Throws()
    {
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO t (id, n, b) VALUES ($id, 1, x'00');");

        Assert.Throws<ArgumentException>(() => statement.IndexOf("$missing"));
    }

    [Fact]
    public void Constructor_InvalidSql_ThrowsSqliteException()
    {
        Assert.Throws<SqliteException>(() => new SqliteRawStatement(_connection, "INSERT INTO missing VALUES (1);"));
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
