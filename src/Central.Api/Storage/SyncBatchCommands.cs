using Central.Api.Sync;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>
/// The per-record statements of one sync batch, created once for its transaction and reused for every record,
/// so SQLite parses each statement once per batch instead of once per record.
/// </summary>
internal sealed class SyncBatchCommands : IAsyncDisposable
{
    private const string SourceEdge = "edge";

    private readonly SqliteCommand _claim;
    private readonly SqliteCommand _klantcontact;
    private readonly SqliteCommand _interneTaak;
    private readonly SqlitePayloadReader _stored;
    private readonly SqliteTransaction _transaction;
    private readonly string _gemeente;

    public SyncBatchCommands(SqliteTransaction transaction, string gemeente, SyncBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _claim = CreateClaim(transaction, gemeente, batch);
        _klantcontact = KlantcontactRows.CreateInsert(transaction, gemeente, SourceEdge, batch.ReceivedAt);
        _interneTaak = CreateInterneTaakInsert(transaction, gemeente, batch.ReceivedAt);
        _stored = new SqlitePayloadReader(transaction, gemeente);
        _transaction = transaction;
        _gemeente = gemeente;
    }

    /// <summary>Claims the record id for this stream; false when it was claimed before (a duplicate).</summary>
    public async Task<bool> ClaimAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _claim.Parameters["$record_id"].Value = record.RecordId;
        _claim.Parameters["$kind"].Value = record.Klantcontact is null ? "interne_taak" : "klantcontact";
        _claim.Parameters["$sequence"].Value = record.Sequence;
        return await _claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Whether the record stored under this id has the same kind and content as <paramref name="record"/>.
    /// Both sides are the normalised message serialised by the same code, so equal content gives equal bytes.
    /// </summary>
    public async Task<bool> MatchesStoredAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Klantcontact is { } klantcontact)
        {
            var stored = await _stored.ReadKlantcontactAsync(record.RecordId, cancellationToken);
            return stored is not null && stored.AsSpan().SequenceEqual(klantcontact.ToByteArray());
        }

        var storedTaak = await _stored.ReadInterneTaakAsync(record.RecordId, cancellationToken);
        return storedTaak is not null && SameTaak(InterneTaak.Parser.ParseFrom(storedTaak), record);
    }

    /// <summary>Takes back a claim made in this transaction for a record that is not stored after all.</summary>
    public async Task ReleaseClaimAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var release = Create(_transaction, _gemeente,
            "DELETE FROM sync_records WHERE gemeente = $gemeente AND record_id = $record_id;");
        release.Parameters.AddWithValue("$record_id", record.RecordId);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<bool> InsertKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken) =>
        KlantcontactRows.ExecuteInsertAsync(_klantcontact, klantcontact, cancellationToken);

    public async Task InsertInterneTaakAsync(InterneTaak taak, CancellationToken cancellationToken)
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
        await _interneTaak.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _claim.DisposeAsync();
        await _klantcontact.DisposeAsync();
        await _interneTaak.DisposeAsync();
        await _stored.DisposeAsync();
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

    private static SqliteCommand CreateClaim(SqliteTransaction transaction, string gemeente, SyncBatch batch)
    {
        var command = Create(transaction, gemeente, """
            INSERT INTO sync_records (gemeente, record_id, kind, device_id, stream_id, sequence, received_at_ms)
            VALUES ($gemeente, $record_id, $kind, $device_id, $stream_id, $sequence, $received_at_ms)
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
