using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Central.Api.Storage;

/// <summary>
/// Opens connections to Central's SQLite file with the settings every connection needs: synchronous=FULL
/// so that a commit is on disk before we acknowledge it (WAL alone would only protect against app
/// crashes, not power loss), and a busy timeout so writers queue instead of failing.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    public SqliteDatabase(IOptions<CentralOptions> options, IHostEnvironment environment)
    {
        FilePath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Database));
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection synchronously, for work that runs on the calling thread anyway (Microsoft.Data.Sqlite's
    /// OpenAsync is synchronous underneath).
    /// </summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Releases pooled handles so the file can be moved or deleted after the host stops.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
