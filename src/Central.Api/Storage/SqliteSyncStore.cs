using System.Globalization;
using Central.Api.Sync;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>Edge batches into SQLite: one IMMEDIATE transaction per batch, committed with synchronous=FULL.</summary>
internal sealed class SqliteSyncStore(SqliteDatabase database, IOptions<CentralOptions> options) : ISyncStore
{
    private const string SourceEdge = "edge";
    private readonly string _gemeente = options.Value.Gemeente;

    public async Task<SyncBatchResult> ApplyBatchAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var stored = 0;
        foreach (var record in batch.Accepted)
        {
            if (await StoreRecordAsync(transaction, batch, record, cancellationToken))
            {
                stored++;
            }
        }

        foreach (var rejection in batch.Rejected)
        {
            await StoreRejectionAsync(transaction, batch, rejection, cancellationToken);
        }

        var previous = await AdvanceHighWaterAsync(transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SyncBatchResult(stored, batch.Accepted.Count - stored, previous);
    }

    // The record id is claimed first; a claim that finds it taken means the record arrived before.
    private async Task<bool> StoreRecordAsync(
        SqliteTransaction transaction,
        SyncBatch batch,
        SyncRecord record,
        CancellationToken cancellationToken)
    {
        if (!await ClaimRecordIdAsync(transaction, batch, record, cancellationToken))
        {
            return false;
        }

        if (record.Klantcontact is { } klantcontact)
        {
            // A contact created over REST with the same uuid stays as it is: the id is the identity.
            await KlantcontactRows.InsertAsync(
                transaction, _gemeente, klantcontact, SourceEdge, batch.ReceivedAt, cancellationToken);
        }
        else if (record.InterneTaak is { } taak)
        {
            await InsertInterneTaakAsync(transaction, taak, batch.ReceivedAt, cancellationToken);
        }

        return true;
    }

    private async Task<bool> ClaimRecordIdAsync(
        SqliteTransaction transaction,
        SyncBatch batch,
        SyncRecord record,
        CancellationToken cancellationToken)
    {
        await using var command = Create(transaction, """
            INSERT INTO sync_records (gemeente, record_id, kind, device_id, stream_id, sequence, received_at_ms)
            VALUES ($gemeente, $record_id, $kind, $device_id, $stream_id, $sequence, $received_at_ms)
            ON CONFLICT (gemeente, record_id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$record_id", record.RecordId);
        command.Parameters.AddWithValue("$kind", record.Klantcontact is null ? "interne_taak" : "klantcontact");
        AddStreamParameters(command, batch, record.Sequence);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task InsertInterneTaakAsync(
        SqliteTransaction transaction,
        InterneTaak taak,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        await using var command = Create(transaction, """
            INSERT INTO interne_taken (gemeente, uuid, soort, klantcontact_uuid, dienstverleningstype, wachtrij,
                                       aangemaakt_op_ns, received_at_ms, payload)
            VALUES ($gemeente, $uuid, $soort, $klantcontact_uuid, $dienstverleningstype, $wachtrij,
                    $aangemaakt_op_ns, $received_at_ms, $payload)
            ON CONFLICT (gemeente, uuid) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$uuid", taak.Uuid);
        command.Parameters.AddWithValue("$soort", (int)taak.Soort);
        command.Parameters.AddWithValue("$klantcontact_uuid", taak.KlantcontactUuid);
        command.Parameters.AddWithValue("$dienstverleningstype", (int)taak.Dienstverleningstype);
        command.Parameters.AddWithValue("$wachtrij", taak.Wachtrij);
        command.Parameters.AddWithValue("$aangemaakt_op_ns", UnixTime.ToNanos(taak.AangemaaktOp));
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(receivedAt));
        command.Parameters.AddWithValue("$payload", taak.ToByteArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task StoreRejectionAsync(
        SqliteTransaction transaction,
        SyncBatch batch,
        SyncRejection rejection,
        CancellationToken cancellationToken)
    {
        await using var command = Create(transaction, """
            INSERT INTO sync_rejections (gemeente, device_id, stream_id, sequence, record_id, reason, received_at_ms)
            VALUES ($gemeente, $device_id, $stream_id, $sequence, $record_id, $reason, $received_at_ms)
            ON CONFLICT (gemeente, device_id, stream_id, sequence) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$record_id", rejection.RecordId);
        command.Parameters.AddWithValue("$reason", rejection.Reason);
        AddStreamParameters(command, batch, rejection.Sequence);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Raises the stream's high-water mark to the batch's last sequence; returns the mark before.</summary>
    private async Task<long> AdvanceHighWaterAsync(
        SqliteTransaction transaction,
        SyncBatch batch,
        CancellationToken cancellationToken)
    {
        await using var read = Create(transaction, """
            SELECT high_water_sequence FROM sync_streams
            WHERE gemeente = $gemeente AND device_id = $device_id AND stream_id = $stream_id;
            """);
        AddStreamParameters(read, batch, batch.LastSequence);
        var stored = await read.ExecuteScalarAsync(cancellationToken);
        var previous = stored is null ? 0L : Convert.ToInt64(stored, CultureInfo.InvariantCulture);

        await using var write = Create(transaction, """
            INSERT INTO sync_streams (gemeente, device_id, stream_id, high_water_sequence, updated_at_ms)
            VALUES ($gemeente, $device_id, $stream_id, $sequence, $received_at_ms)
            ON CONFLICT (gemeente, device_id, stream_id) DO UPDATE SET
                high_water_sequence = MAX(high_water_sequence, excluded.high_water_sequence),
                updated_at_ms = excluded.updated_at_ms;
            """);
        AddStreamParameters(write, batch, batch.LastSequence);
        await write.ExecuteNonQueryAsync(cancellationToken);
        return previous;
    }

    private SqliteCommand Create(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$gemeente", _gemeente);
        return command;
    }

    private static void AddStreamParameters(SqliteCommand command, SyncBatch batch, long sequence)
    {
        command.Parameters.AddWithValue("$device_id", batch.DeviceId);
        command.Parameters.AddWithValue("$stream_id", batch.StreamId);
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.AddWithValue("$received_at_ms", UnixTime.ToMillis(batch.ReceivedAt));
    }
}
