using Microsoft.Data.Sqlite;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// The reference for Central ingest: raw inserts of the same klantcontact rows into the product's own
/// klantcontacten table (same columns, same indexes), one IMMEDIATE transaction per batch, WAL and
/// synchronous=FULL like Central, prepared statements on one connection.
/// With <c>designFloor</c> the insert is Central's own (ON CONFLICT DO NOTHING, the dedup of an edge klantcontact
/// on its unique uuid): not the target's reference, but the floor of the product's design, to show where a gap
/// comes from. Central's per-batch lookup of claimed ids (one statement) is not in the floor.
/// </summary>
internal sealed class RawInsertReference : IDisposable
{
    // The design floor runs Central's statements as Central writes them, dedup clauses included.
    private const string UpsertClause = " ON CONFLICT (gemeente, uuid) DO NOTHING";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    private RawInsertReference(SqliteConnection connection, long receivedAtMs, bool designFloor)
    {
        _connection = connection;
        _insert = PrepareInsert(connection, receivedAtMs, designFloor ? UpsertClause : string.Empty);
    }

    /// <summary>Creates the reference database in <paramref name="folder"/> with <paramref name="schema"/>.</summary>
    public static RawInsertReference Create(string folder, IReadOnlyList<string> schema, long receivedAtMs,
        bool designFloor)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var connection = Open(Path.Combine(folder, "reference.db"), schema);
        return new RawInsertReference(connection, receivedAtMs, designFloor);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    /// <summary>Inserts one batch's rows in one IMMEDIATE transaction and commits it.</summary>
    public void InsertBatch(KlantcontactRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var transaction = _connection.BeginTransaction(deferred: false);
        _insert.Transaction = transaction;
        foreach (var row in rows)
        {
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
