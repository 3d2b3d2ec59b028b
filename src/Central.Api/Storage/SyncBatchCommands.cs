using System.Text.Json;
using Central.Api.Sync;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>
/// The per-record statements of one sync batch, created once for its transaction and reused for every record,
/// so SQLite parses each statement once per batch instead of once per record.
/// </summary>
/// <remarks>
/// A record id is taken either by a klantcontact row an edge delivered (source "edge"; its UNIQUE (gemeente, uuid)
/// key is the dedup) or by a claim in sync_records: every interne taak, and a contact created over REST that an
/// edge delivered with the same content. So a new klantcontact costs one insert. Which of the batch's contact ids
/// are claimed is read once per batch (claims made by the batch itself are added as they happen), and a claim
/// checks that no edge contact holds the id.
/// </remarks>
internal sealed class SyncBatchCommands : IDisposable
{
    private readonly SqliteCommand _claim;
    private readonly EdgeKlantcontactInsert _klantcontact;
    private readonly SqliteCommand _interneTaak;
    private readonly SqlitePayloadReader _stored;
    private readonly HashSet<string> _claimed;

    public SyncBatchCommands(SqliteTransaction transaction, string gemeente, SyncBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _claimed = ReadClaimedContactIds(transaction, gemeente, batch);
        _claim = CreateClaim(transaction, gemeente, batch);
        _interneTaak = CreateInterneTaakInsert(transaction, gemeente, batch.ReceivedAt);
        _stored = new SqlitePayloadReader(transaction, gemeente);

        // Last: the only member that prepares a statement here, so nothing else is left undisposed if it throws.
        _klantcontact = new EdgeKlantcontactInsert(transaction.Connection!, gemeente, batch.ReceivedAt);
    }

    /// <summary>
    /// Claims the record id in sync_records; false when it was claimed before or an edge klantcontact holds it.
    /// </summary>
    public bool Claim(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _claim.Parameters["$record_id"].Value = record.RecordId;
        _claim.Parameters["$kind"].Value = record.Klantcontact is null ? "interne_taak" : "klantcontact";
        _claim.Parameters["$sequence"].Value = record.Sequence;
        if (_claim.ExecuteNonQuery() != 1)
        {
            return false;
        }

        _claimed.Add(record.RecordId);
        return true;
    }

    /// <summary>Inserts the edge's contact; false when its record id is claimed or its uuid stored.</summary>
    public bool InsertKlantcontact(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return !_claimed.Contains(record.RecordId) && _klantcontact.Execute(record.Klantcontact!);
    }

    /// <summary>
    /// What a klantcontact that could not be inserted is: the same contact again (a duplicate, or stored when it
    /// was created over REST and this is its first delivery by an edge), or a conflict: other content, or an
    /// interne taak holds the id. Both sides are the normalised message serialised by the same code, so equal
    /// content gives equal bytes.
    /// </summary>
    public SyncStoreOutcome ResolveKlantcontact(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = _stored.ReadKlantcontact(record.RecordId);
        if (stored is not { } row || !row.Payload.AsSpan().SequenceEqual(record.Klantcontact!.ToByteArray()))
        {
            return SyncStoreOutcome.Conflict;
        }

        // A contact created over REST is claimed on its first delivery by an edge, so that an interne taak sent
        // later with this id is refused as it would be for a contact the edge stored itself.
        var firstFromEdge = row.Source != KlantcontactRows.EdgeSource && Claim(record);
        return firstFromEdge ? SyncStoreOutcome.Stored : SyncStoreOutcome.Duplicate;
    }

    /// <summary>Whether the interne taak stored under the record's id has the same content.</summary>
    public bool MatchesStoredTaak(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var storedTaak = _stored.ReadInterneTaak(record.RecordId);
        return storedTaak is not null && SameTaak(InterneTaak.Parser.ParseFrom(storedTaak), record);
    }

    public void InsertInterneTaak(InterneTaak taak)
    {
        ArgumentNullException.ThrowIfNull(taak);
        var parameters = _interneTaak.Parameters;
        parameters["$uuid"].Value = taak.Uuid;
        parameters["$soort"].Value = (int)taak.Soort;
        parameters["$klantcontact_uuid"].Value = taak.KlantcontactUuid;
        parameters["$dienstverleningstype"].Value = (int)taak.Dienstverleningstype;
        parameters["$wachtrij"].Value = taak.Wachtrij;
        parameters["$aangemaakt_op_ns"].Value = UnixTime.ToNanos(taak.AangemaaktOp);
        parameters["$payload"].Value = taak.ToByteArray();
        _interneTaak.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _claim.Dispose();
        _klantcontact.Dispose();
        _interneTaak.Dispose();
        _stored.Dispose();
    }

    // A wachtrij that Central chose (the edge sent none) is Central's decision, which may change with its
    // configuration between the first delivery and a resend; it is not part of what the edge recorded.
    // Limitation: so a resend without wachtrij of a taak first sent with one counts as the same record.
    private static bool SameTaak(InterneTaak stored, SyncRecord record)
    {
        var incoming = record.InterneTaak!;
        if (record.WachtrijRouted)
        {
            incoming = incoming.Clone();
            incoming.Wachtrij = stored.Wachtrij;
        }

        return stored.ToByteArray().AsSpan().SequenceEqual(incoming.ToByteArray());
    }

    // One statement for the whole batch; json_each drives the loop, so each id is one primary-key lookup.
    private static HashSet<string> ReadClaimedContactIds(SqliteTransaction transaction, string gemeente, SyncBatch batch)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var ids = batch.Accepted.Where(r => r.Klantcontact is not null).Select(r => r.RecordId).ToArray();
        if (ids.Length == 0)
        {
            return claimed;
        }

        using var command = Create(transaction, gemeente, """
            SELECT s.record_id FROM json_each($ids) AS j
            CROSS JOIN sync_records AS s ON s.gemeente = $gemeente AND s.record_id = j.value;
            """);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    private static SqliteCommand CreateClaim(SqliteTransaction transaction, string gemeente, SyncBatch batch)
    {
        var command = Create(transaction, gemeente, $"""
            INSERT INTO sync_records (gemeente, record_id, kind, device_id, stream_id, sequence, received_at_ms)
            SELECT $gemeente, $record_id, $kind, $device_id, $stream_id, $sequence, $received_at_ms
            WHERE NOT EXISTS (SELECT 1 FROM klantcontacten
                              WHERE gemeente = $gemeente AND uuid = $record_id
                                AND source = '{KlantcontactRows.EdgeSource}')
            ON CONFLICT (gemeente, record_id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$device_id", batch.DeviceId);
        command.Parameters.AddWithValue("$stream_id", batch.StreamId);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(batch.ReceivedAt));
        command.Parameters.Add("$record_id", SqliteType.Text);
        command.Parameters.Add("$kind", SqliteType.Text);
        command.Parameters.Add("$sequence", SqliteType.Integer);
        return command;
    }

    private static SqliteCommand CreateInterneTaakInsert(
        SqliteTransaction transaction,
        string gemeente,
        DateTimeOffset receivedAt)
    {
        var command = Create(transaction, gemeente, """
            INSERT INTO interne_taken (gemeente, uuid, soort, klantcontact_uuid, dienstverleningstype, wachtrij,
                                       aangemaakt_op_ns, received_at_ms, payload)
            VALUES ($gemeente, $uuid, $soort, $klantcontact_uuid, $dienstverleningstype, $wachtrij,
                    $aangemaakt_op_ns, $received_at_ms, $payload)
            ON CONFLICT (gemeente, uuid) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(receivedAt));
        command.Parameters.Add("$uuid", SqliteType.Text);
        command.Parameters.Add("$soort", SqliteType.Integer);
        command.Parameters.Add("$klantcontact_uuid", SqliteType.Text);
        command.Parameters.Add("$dienstverleningstype", SqliteType.Integer);
        command.Parameters.Add("$wachtrij", SqliteType.Text);
        command.Parameters.Add("$aangemaakt_op_ns", SqliteType.Integer);
        command.Parameters.Add("$payload", SqliteType.Blob);
        return command;
    }

    private static SqliteCommand Create(SqliteTransaction transaction, string gemeente, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$gemeente", gemeente);
        return command;
    }
}
