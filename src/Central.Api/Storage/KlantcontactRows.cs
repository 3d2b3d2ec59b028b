using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>
/// Writes klantcontact rows; shared by the register (REST/gRPC) and edge sync so both store the same shape.
/// The whole message is kept as protobuf bytes, with the filter columns beside it.
/// </summary>
internal static class KlantcontactRows
{
    private const string InsertSql = """
        INSERT INTO klantcontacten (gemeente, uuid, kanaal, dienstverleningstype, journey_id,
                                    plaatsgevonden_op_ns, source, received_at_ms, payload)
        VALUES ($gemeente, $uuid, $kanaal, $dienstverleningstype, $journey_id,
                $plaatsgevonden_op_ns, $source, $received_at_ms, $payload)
        ON CONFLICT (gemeente, uuid) DO NOTHING;
        """;

    /// <summary>Inserts the contact unless its uuid is stored; true when a row was added.</summary>
    public static async Task<bool> InsertAsync(
        SqliteTransaction transaction,
        string gemeente,
        Klantcontact klantcontact,
        string source,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        command.Parameters.AddWithValue("$gemeente", gemeente);
        command.Parameters.AddWithValue("$uuid", klantcontact.Uuid);
        command.Parameters.AddWithValue("$kanaal", (int)klantcontact.Kanaal);
        command.Parameters.AddWithValue("$dienstverleningstype", (int)klantcontact.Dienstverleningstype);
        object journeyId = klantcontact.JourneyId.Length == 0 ? DBNull.Value : klantcontact.JourneyId;
        command.Parameters.AddWithValue("$journey_id", journeyId);
        command.Parameters.AddWithValue("$plaatsgevonden_op_ns", UnixTime.ToNanos(klantcontact.PlaatsgevondenOp));
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(receivedAt));
        command.Parameters.AddWithValue("$payload", klantcontact.ToByteArray());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
