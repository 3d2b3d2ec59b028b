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
    /// <summary>The source column of a contact an edge delivered through EdgeSync.</summary>
    public const string EdgeSource = "edge";

    /// <summary>The insert of one contact; a uuid that is stored already adds nothing.</summary>
    public const string InsertSql = """
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
        await using var command = CreateInsert(transaction, gemeente, source, receivedAt);
        return await ExecuteInsertAsync(command, klantcontact, cancellationToken);
    }

    /// <summary>
    /// An insert for many contacts of one source in one transaction: run it with
    /// <see cref="ExecuteInsertAsync"/> once per contact, so SQLite parses the statement only once.
    /// </summary>
    public static SqliteCommand CreateInsert(
        SqliteTransaction transaction,
        string gemeente,
        string source,
        DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        command.Parameters.AddWithValue("$gemeente", gemeente);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(receivedAt));
        command.Parameters.Add("$uuid", SqliteType.Text);
        command.Parameters.Add("$kanaal", SqliteType.Integer);
        command.Parameters.Add("$dienstverleningstype", SqliteType.Integer);
        command.Parameters.Add("$journey_id", SqliteType.Text);
        command.Parameters.Add("$plaatsgevonden_op_ns", SqliteType.Integer);
        command.Parameters.Add("$payload", SqliteType.Blob);
        return command;
    }

    /// <summary>Runs an insert from <see cref="CreateInsert"/> for one contact; true when a row was added.</summary>
    public static async Task<bool> ExecuteInsertAsync(
        SqliteCommand insert,
        Klantcontact klantcontact,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(klantcontact);
        var parameters = insert.Parameters;
        parameters["$uuid"].Value = klantcontact.Uuid;
        parameters["$kanaal"].Value = (int)klantcontact.Kanaal;
        parameters["$dienstverleningstype"].Value = (int)klantcontact.Dienstverleningstype;
        parameters["$journey_id"].Value = klantcontact.JourneyId.Length == 0 ? DBNull.Value : klantcontact.JourneyId;
        parameters["$plaatsgevonden_op_ns"].Value = UnixTime.ToNanos(klantcontact.PlaatsgevondenOp);
        parameters["$payload"].Value = klantcontact.ToByteArray();
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
