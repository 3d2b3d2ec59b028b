using Microsoft.Data.Sqlite;

namespace Omni.Sdk.Internal.Storage;

/// <summary>Reads what the counters do not hold (the oldest waiting record), on its own connection.</summary>
internal sealed class OutboxStatusReader : IDisposable
{
    private readonly OutboxDatabase _database;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;

    public OutboxStatusReader(OutboxDatabase database) => _database = database;

    /// <summary>When the oldest waiting record was captured; null when nothing waits.</summary>
    public DateTimeOffset? ReadOldestOccurredAt()
    {
        lock (_lock)
        {
            _connection ??= _database.OpenConnection();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT occurred_at FROM outbox ORDER BY sequence LIMIT 1;";
            return command.ExecuteScalar() is long millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;
        }
    }

    /// <summary>The reason stored with a dead-lettered record; null when the record is not dead-lettered.</summary>
    public string? ReadDeadLetterReason(Guid recordId)
    {
        lock (_lock)
        {
            _connection ??= _database.OpenConnection();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT reason FROM dead_letter WHERE record_id = $id;";
            command.Parameters.AddWithValue("$id", recordId.ToString("D"));
            return command.ExecuteScalar() as string;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection?.Dispose();
        }
    }
}
