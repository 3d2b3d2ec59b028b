using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// The outbox file: opened once at start (integrity check, key check, forward migrations), then a source of
/// connections with the durability settings every connection needs.
/// </summary>
/// <remarks>
/// Limitation: one process per outbox file is assumed and not enforced. A second process would still number
/// records correctly (sequences are assigned inside the write transaction) and Central would drop the duplicate
/// sends, but each process's in-memory totals would miss the other's rows. After a crash (kill -9) the next
/// process recovers the WAL on open; nothing else is needed.
/// </remarks>
internal sealed partial class OutboxDatabase
{
    // SQLite result codes (https://www.sqlite.org/rescode.html) that mean the file is not a usable database.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    private OutboxDatabase(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    /// <summary>The full path of the outbox file.</summary>
    public string Path { get; }

    /// <summary>Minted when the file was created; sequences count within this stream.</summary>
    public Guid StreamId { get; private set; }

    /// <summary>
    /// The first sequence sealed as <see cref="SealFormat.RecordBound"/>; rows below it were written before schema
    /// version 3 and are <see cref="SealFormat.SequenceBound"/>.
    /// </summary>
    public long RecordBoundFromSequence { get; private set; } = 1;

    /// <summary>The binding a stored row was sealed with, by the format of its sequence.</summary>
    public SealBinding BindingOf(Guid recordId, long sequence, OutboxRecordKind kind, long occurredAtMs) =>
        sequence < RecordBoundFromSequence
            ? SealBinding.SequenceBound(recordId, sequence)
            : SealBinding.RecordBound(recordId, (int)kind, occurredAtMs);

    /// <summary>Opens (or creates) the outbox. Refuses, and leaves untouched, a file that is not a usable outbox.</summary>
    public static OutboxDatabase Open(string path, OutboxCipher cipher, OutboxCounters counters, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(counters);
        var fullPath = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(fullPath);
        if (!exists)
        {
            CreateOwnerOnly(fullPath);
        }

        var database = new OutboxDatabase(fullPath, BuildConnectionString(fullPath, SqliteOpenMode.ReadWrite));
        var openMode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate;
        try
        {
            using var connection = new SqliteConnection(BuildConnectionString(fullPath, openMode));
            connection.Open();
            database.Initialize(connection, exists, cipher, counters, logger);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new OutboxCorruptException(fullPath, "it is not a readable SQLite database", ex);
        }

        return database;
    }

    // The outbox holds personal data (sealed, but still): only its owner may read it, whatever the process umask.
    // SQLite gives the -wal and -shm files the permissions of the database file. An empty file is an empty database.
    private static void CreateOwnerOnly(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var created = new FileStream(path, file);
    }

    /// <summary>Opens a new connection with WAL and <c>synchronous=FULL</c>, so every commit is fsynced.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL;");
        return connection;
    }

    private static string BuildConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,

            // Each component holds its own long-lived connection; pooling would keep the file open after disposal.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

    private void Initialize(SqliteConnection connection, bool existed, OutboxCipher cipher, OutboxCounters counters,
        ILogger logger)
    {
        // Check before anything writes, so a damaged file is refused exactly as it was found.
        if (existed)
        {
            CheckIntegrity(connection);
        }

        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > OutboxMigrations.CurrentVersion)
        {
            throw new OutboxCorruptException(Path,
                $"its schema version {version} is newer than this SDK supports ({OutboxMigrations.CurrentVersion})", null);
        }

        var applied = OutboxMigrations.MigrateFrom(connection, version);
        if (applied > 0 && version > 0)
        {
            LogMigrated(logger, version, OutboxMigrations.CurrentVersion);
        }

        EnsureMeta(connection, cipher, logger);
        RecordBoundFromSequence = ReadRecordBoundFrom(connection);
        var backlog = SeedCounters(connection, counters);
        LogOpened(logger, StreamId, backlog);
    }

    private void CheckIntegrity(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check;";
        using var reader = command.ExecuteReader();
        var problems = 0;
        while (reader.Read())
        {
            problems += reader.GetString(0) == "ok" ? 0 : 1;
        }

        if (problems > 0)
        {
            throw new OutboxCorruptException(Path, $"PRAGMA quick_check reported {problems} problem(s)", null);
        }
    }

    private void EnsureMeta(SqliteConnection connection, OutboxCipher cipher, ILogger logger)
    {
        using var transaction = connection.BeginTransaction();
        var streamId = ReadMeta(connection, transaction, "stream_id");
        if (streamId is null)
        {
            // A new file is a new stream: Central must never merge its sequences with an earlier outbox's.
            var newStream = Guid.NewGuid();
            streamId = newStream.ToString("D");
            WriteMeta(connection, transaction, "stream_id", streamId);
            WriteMeta(connection, transaction, "last_sequence", "0");
            LogCreated(logger, newStream);
        }

        VerifyKey(connection, transaction, cipher);
        transaction.Commit();
        StreamId = Guid.TryParse(streamId, out var parsed)
            ? parsed
            : throw new OutboxCorruptException(Path, "its stream id is malformed", null);
    }

    private void VerifyKey(SqliteConnection connection, SqliteTransaction transaction, OutboxCipher cipher)
    {
        var stored = ReadMeta(connection, transaction, "key_check");
        if (stored is null)
        {
            var check = cipher.CreateKeyCheck();
            var encoded = Convert.ToBase64String(check.Nonce) + "." + Convert.ToBase64String(check.Ciphertext);
            WriteMeta(connection, transaction, "key_check", encoded);
            return;
        }

        var parts = stored.Split('.');
        var valid = parts.Length == 2
            && cipher.VerifyKeyCheck(new SealedPayload(Convert.FromBase64String(parts[0]), Convert.FromBase64String(parts[1])));
        if (!valid)
        {
            throw new OutboxKeyException($"The outbox key does not match the key the outbox '{Path}' was created with.");
        }
    }

    private long ReadRecordBoundFrom(SqliteConnection connection)
    {
        var value = ReadMeta(connection, null, "record_bound_from_sequence");
        if (value is null)
        {
            return 1;
        }

        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return long.TryParse(value, System.Globalization.NumberStyles.None, culture, out var sequence) && sequence >= 1
            ? sequence
            : throw new OutboxCorruptException(Path, "its record_bound_from_sequence is malformed", null);
    }

    private static long SeedCounters(SqliteConnection connection, OutboxCounters counters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM outbox), (SELECT coalesce(sum(bytes), 0) FROM outbox),
                   (SELECT count(*) FROM dead_letter), (SELECT coalesce(sum(bytes), 0) FROM dead_letter);
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        counters.Seed(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        return reader.GetInt64(0);
    }

    internal static string? ReadMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    internal static void WriteMeta(SqliteConnection connection, SqliteTransaction? transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
