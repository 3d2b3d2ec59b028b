using Omni.Contracts.V1;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk.Internal.Configuration;

/// <summary>Keeps the last good edge configuration (protobuf bytes) in the outbox file, committed with fsync.</summary>
internal sealed class EdgeConfigurationStore
{
    private readonly OutboxDatabase _database;

    public EdgeConfigurationStore(OutboxDatabase database) => _database = database;

    public EdgeConfiguration? Load()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM edge_configuration WHERE slot = 1;";
        return command.ExecuteScalar() is byte[] payload ? EdgeConfiguration.Parser.ParseFrom(payload) : null;
    }

    public void Save(EdgeConfiguration configuration, DateTimeOffset now)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO edge_configuration (slot, version, payload, stored_at) VALUES (1, $version, $payload, $now)
            ON CONFLICT (slot) DO UPDATE SET version = $version, payload = $payload, stored_at = $now;
            """;
        command.Parameters.AddWithValue("$version", configuration.Version);
        command.Parameters.AddWithValue("$payload", Google.Protobuf.MessageExtensions.ToByteArray(configuration));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }
}
