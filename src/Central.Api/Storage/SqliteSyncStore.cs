using System.Globalization;
using Central.Api.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Central.Api.Storage;

/// <summary>Edge batches into SQLite: one IMMEDIATE transaction per batch, committed with synchronous=FULL.</summary>
internal sealed class SqliteSyncStore(SqliteDatabase database, IOptions<CentralOptions> options) : ISyncStore
{
    /// <summary>The rejection reason for a record id stored before with other content; names the field only.</summary>
    public const string ConflictReason = "uuid: already recorded with other content";

    private readonly string _gemeente = options.Value.Gemeente;

    public async Task<SyncBatchResult> ApplyBatchAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var commands = new SyncBatchCommands(transaction, _gemeente, batch);
        var stored = 0;
        var conflicts = new List<SyncRejection>();
        foreach (var record in batch.Accepted)
        {
            switch (await StoreRecordAsync(commands, record, cancellationToken))
            {
                case SyncStoreOutcome.Stored:
                    stored++;
                    break;
                case SyncStoreOutcome.Conflict:
                    conflicts.Add(new SyncRejection(record.RecordId, record.Sequence, ConflictReason));
                    break;
            }
        }

        foreach (var rejection in batch.Rejected.Concat(conflicts))
        {
            await StoreRejectionAsync(transaction, batch, rejection, cancellationToken);
        }

        var previous = await AdvanceHighWaterAsync(transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SyncBatchResult(stored, batch.Accepted.Count - stored - conflicts.Count, previous, conflicts);
    }

    // The record id is claimed first; a claim that finds it taken means the record arrived before, and then
    // only the same content is a harmless duplicate. The stored record is never replaced: the id is the identity.
    private static async Task<SyncStoreOutcome> StoreRecordAsync(
        SyncBatchCommands commands,
        SyncRecord record,
        CancellationToken cancellationToken)
    {
        if (!await commands.ClaimAsync(record, cancellationToken))
        {
            return await commands.MatchesStoredAsync(record, cancellationToken)
                ? SyncStoreOutcome.Duplicate
                : SyncStoreOutcome.Conflict;
        }

        if (record.Klantcontact is { } klantcontact
            && !await commands.InsertKlantcontactAsync(klantcontact, cancellationToken)
            && !await commands.MatchesStoredAsync(record, cancellationToken))
        {
            // A contact created over REST holds this uuid with other content; give the claim back, so a resend
            // is judged the same way and nothing says this record was delivered.
            await commands.ReleaseClaimAsync(record, cancellationToken);
            return SyncStoreOutcome.Conflict;
        }

        if (record.InterneTaak is { } taak)
        {
            await commands.InsertInterneTaakAsync(taak, cancellationToken);
        }

        return SyncStoreOutcome.Stored;
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
