using Microsoft.Data.Sqlite;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// The reference for Central ingest: raw inserts of the same klantcontact rows into the product's own
/// klantcontacten table (same columns, same indexes), one IMMEDIATE transaction per batch, WAL and
/// synchronous=FULL like Central, prepared statements on one connection.
/// With <c>withClaims</c> each row is also claimed in the product's sync_records table, as Central's dedup
/// does: not the target's reference, but the floor of the product's design, to show where a gap comes from.
/// </summary>
internal sealed class RawInsertReference : IDisposable
{
    // The design floor runs Central's statements as Central writes them, dedup clauses included.
    private const string UpsertClause = " ON CONFLICT (gemeente, uuid) DO NOTHING";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand? _claim;

    private RawInsertReference(SqliteConnection connection, IngestData data, long receivedAtMs, bool withClaims)
    {
        _connection = connection;
        _insert = PrepareInsert(connection, receivedAtMs, withClaims ? UpsertClause : string.Empty);
        _claim = withClaims ? PrepareClaim(connection, data.StreamId, receivedAtMs) : null;
    }

    /// <summary>Creates the reference database in <paramref name="folder"/> with <paramref name="schema"/>.</summary>
    public static RawInsertReference Create(string folder, IReadOnlyList<string> schema, IngestData data,
        long receivedAtMs, bool withClaims)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(data);
        var connection = Open(Path.Combine(folder, "reference.db"), schema);
        return new RawInsertReference(connection, data, receivedAtMs, withClaims);
    }

    public void Dispose()
    {
        _claim?.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    /// <summary>Inserts one batch's rows in one IMMEDIATE transaction and commits it.</summary>
    public void InsertBatch(KlantcontactRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var transaction = _connection.BeginTransaction(deferred: false);
        _insert.Transaction = transaction;
        _claim?.Transaction = transaction;
        foreach (var row in rows)
        {
            Claim(row);
            var parameters = _insert.Parameters;
            parameters["$uuid"].Value = row.Uuid;
            parameters["$kanaal"].Value = row.Kanaal;
            parameters["$dienstverleningstype"].Value = row.Dienstverleningstype;
            parameters["$journey_id"].Value = (object?)row.JourneyId ?? DBNull.Value;
            parameters["$plaatsgevonden_op_ns"].Value = row.PlaatsgevondenOpNs;
            parameters["$payload"].Value = row.Payload;
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void Claim(KlantcontactRow row)
    {
        if (_claim is null)
        {
            return;
        }

        _claim.Parameters["$record_id"].Value = row.Uuid;
        _claim.Parameters["$sequence"].Value = row.Sequence;
        _claim.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path, IReadOnlyList<string> schema)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        foreach (var statement in schema)
        {
            Execute(connection, statement);
        }

        return connection;
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection, long receivedAtMs, string conflictClause)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO klantcontacten (gemeente, uuid, kanaal, dienstverleningstype, journey_id,
                                        plaatsgevonden_op_ns, source, received_at_ms, payload)
            VALUES ('0363', $uuid, $kanaal, $dienstverleningstype, $journey_id,
                    $plaatsgevonden_op_ns, 'edge', $received_at_ms, $payload)
            """ + conflictClause + ";";
        command.Parameters.AddWithValue("$uuid", string.Empty);
        command.Parameters.AddWithValue("$kanaal", 0);
        command.Parameters.AddWithValue("$dienstverleningstype", 0);
        command.Parameters.AddWithValue("$journey_id", DBNull.Value);
        command.Parameters.AddWithValue("$plaatsgevonden_op_ns", 0L);
        command.Parameters.AddWithValue("$received_at_ms", receivedAtMs);
        command.Parameters.AddWithValue("$payload", Array.Empty<byte>());
        command.Prepare();
        return command;
    }

    private static SqliteCommand PrepareClaim(SqliteConnection connection, string streamId, long receivedAtMs)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sync_records (gemeente, record_id, kind, device_id, stream_id, sequence, received_at_ms)
            VALUES ('0363', $record_id, 'klantcontact', $device_id, $stream_id, $sequence, $received_at_ms)
            ON CONFLICT (gemeente, record_id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$record_id", string.Empty);
        command.Parameters.AddWithValue("$device_id", IngestData.DeviceId);
        command.Parameters.AddWithValue("$stream_id", streamId);
        command.Parameters.AddWithValue("$sequence", 0L);
        command.Parameters.AddWithValue("$received_at_ms", receivedAtMs);
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
