using Central.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// The reference for Central ingest: raw inserts of the same klantcontact rows into the product's own
/// klantcontacten table (same columns, same indexes), one IMMEDIATE transaction per batch, WAL and
/// synchronous=FULL like Central, one statement prepared once on one connection and bound by index through
/// SQLitePCL.raw (Central's own <see cref="SqliteRawStatement"/>), so the reference pays no more per row for the
/// data access API than the product's fastest path does.
/// With <c>designFloor</c> the insert is Central's own (ON CONFLICT DO NOTHING, the dedup of an edge klantcontact
/// on its unique uuid): not the target's reference, but the floor of the product's design, to show where a gap
/// comes from. Central's per-batch lookup of claimed ids (one statement) is not in the floor.
/// </summary>
internal sealed class RawInsertReference : IDisposable
{
    // The design floor runs Central's statements as Central writes them, dedup clauses included.
    private const string UpsertClause = " ON CONFLICT (gemeente, uuid) DO NOTHING";

    private readonly SqliteConnection _connection;
    private readonly SqliteRawStatement _insert;
    private readonly int _uuid;
    private readonly int _kanaal;
    private readonly int _dienstverleningstype;
    private readonly int _journeyId;
    private readonly int _plaatsgevondenOp;
    private readonly int _payload;

    private RawInsertReference(SqliteConnection connection, long receivedAtMs, bool designFloor)
    {
        _connection = connection;
        _insert = PrepareInsert(connection, receivedAtMs, designFloor ? UpsertClause : string.Empty);
        _uuid = _insert.IndexOf("$uuid");
        _kanaal = _insert.IndexOf("$kanaal");
        _dienstverleningstype = _insert.IndexOf("$dienstverleningstype");
        _journeyId = _insert.IndexOf("$journey_id");
        _plaatsgevondenOp = _insert.IndexOf("$plaatsgevonden_op_ns");
        _payload = _insert.IndexOf("$payload");
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
        foreach (var row in rows)
        {
            _insert.Bind(_uuid, row.Uuid);
            _insert.Bind(_kanaal, row.Kanaal);
            _insert.Bind(_dienstverleningstype, row.Dienstverleningstype);
            _insert.Bind(_journeyId, row.JourneyId);
            _insert.Bind(_plaatsgevondenOp, row.PlaatsgevondenOpNs);
            _insert.Bind(_payload, row.Payload);
            _insert.Execute();
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

    private static SqliteRawStatement PrepareInsert(SqliteConnection connection, long receivedAtMs,
        string conflictClause)
    {
        var statement = new SqliteRawStatement(connection, """
            INSERT INTO klantcontacten (gemeente, uuid, kanaal, dienstverleningstype, journey_id,
                                        plaatsgevonden_op_ns, source, received_at_ms, payload)
            VALUES ('0363', $uuid, $kanaal, $dienstverleningstype, $journey_id,
                    $plaatsgevonden_op_ns, 'edge', $received_at_ms, $payload)
            """ + conflictClause + ";");
        statement.Bind(statement.IndexOf("$received_at_ms"), receivedAtMs);
        return statement;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
