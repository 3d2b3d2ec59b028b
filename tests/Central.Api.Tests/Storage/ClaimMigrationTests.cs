using DbUp;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;

namespace Central.Api.Tests.Storage;

/// <summary>
/// Script0002: a database of schema version 1 held a sync_records claim for every edge klantcontact; the claims
/// that the contact's own row now stands for are removed, the others kept, and dedup works on the result.
/// </summary>
public sealed class ClaimMigrationTests : IDisposable
{
    private const string Version1Script = "Central.Api.Storage.Migrations.Script0001_Initial.sql";

    private readonly TempDirectory _directory = new();
    private readonly Klantcontact _fromEdge = TestData.Klantcontact(CentralHost.Start);
    private readonly Klantcontact _fromRest = TestData.Klantcontact(CentralHost.Start);
    private readonly InterneTaak _taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_DatabaseOfVersion1_RemovesOnlyTheClaimsOfEdgeContacts()
    {
        await CreateVersion1DatabaseAsync();

        await using var host = await CentralHost.StartAsync(_directory);

        Assert.Equal(2, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM SchemaVersions"));
        Assert.Equal(0, await ClaimsAsync(_fromEdge.Uuid));
        Assert.Equal(1, await ClaimsAsync(_fromRest.Uuid));
        Assert.Equal(1, await ClaimsAsync(_taak.Uuid));
    }

    [Fact]
    public async Task PushBatch_AfterMigrationFromVersion1_KeepsDedupAndKindConflicts()
    {
        await CreateVersion1DatabaseAsync();
        await using var host = await CentralHost.StartAsync(_directory);
        var taakWithEdgeId = TestData.Terugbelverzoek(CentralHost.Start, _fromEdge.Uuid);
        taakWithEdgeId.Uuid = _fromEdge.Uuid;
        var taakWithRestId = TestData.Terugbelverzoek(CentralHost.Start, _fromRest.Uuid);
        taakWithRestId.Uuid = _fromRest.Uuid;
        var batch = TestData.Batch("stream-b",
            TestData.Envelope(1, _fromEdge),
            TestData.Envelope(2, _fromRest),
            TestData.Envelope(3, _taak),
            TestData.Envelope(4, TestData.Klantcontact(CentralHost.Start, _taak.Uuid)),
            TestData.Envelope(5, taakWithEdgeId),
            TestData.Envelope(6, taakWithRestId));

        var response = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(new long[] { 4, 5, 6 }, response.Rejections.Select(r => r.Sequence));
        Assert.Equal(2, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
        Assert.Equal(1, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM interne_taken"));
    }

    // Schema version 1 applied by DbUp as Central applied it, then the rows version 1 wrote: an edge contact
    // and its claim, a REST contact that an edge delivered again (claimed), and an interne taak (claimed).
    private async Task CreateVersion1DatabaseAsync()
    {
        var connectionString = $"Data Source={CentralHost.DatabasePath(_directory)};Pooling=False";
        var upgrade = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(CentralApp).Assembly, name => name == Version1Script)
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(upgrade.Successful);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await InsertKlantcontactAsync(connection, _fromEdge, "edge");
        await InsertKlantcontactAsync(connection, _fromRest, "api");
        await ExecuteAsync(connection, """
            INSERT INTO interne_taken (gemeente, uuid, soort, klantcontact_uuid, dienstverleningstype, wachtrij,
                                       aangemaakt_op_ns, received_at_ms, payload)
            VALUES ('0363', $uuid, 1, $klantcontact_uuid, 0, $wachtrij, 0, 0, $payload);
            """, ("$uuid", _taak.Uuid), ("$klantcontact_uuid", _taak.KlantcontactUuid), ("$wachtrij", _taak.Wachtrij),
            ("$payload", _taak.ToByteArray()));
        await ClaimAsync(connection, _fromEdge.Uuid, "klantcontact", 1);
        await ClaimAsync(connection, _fromRest.Uuid, "klantcontact", 2);
        await ClaimAsync(connection, _taak.Uuid, "interne_taak", 3);
    }

    private static Task InsertKlantcontactAsync(SqliteConnection connection, Klantcontact contact, string source) =>
        ExecuteAsync(connection, """
            INSERT INTO klantcontacten (gemeente, uuid, kanaal, dienstverleningstype, journey_id,
                                        plaatsgevonden_op_ns, source, received_at_ms, payload)
            VALUES ('0363', $uuid, $kanaal, $dienstverleningstype, $journey_id, 0, $source, 0, $payload);
            """, ("$uuid", contact.Uuid), ("$kanaal", (int)contact.Kanaal),
            ("$dienstverleningstype", (int)contact.Dienstverleningstype), ("$journey_id", contact.JourneyId),
            ("$source", source), ("$payload", contact.ToByteArray()));

    private static Task ClaimAsync(SqliteConnection connection, string recordId, string kind, long sequence) =>
        ExecuteAsync(connection, """
            INSERT INTO sync_records (gemeente, record_id, kind, device_id, stream_id, sequence, received_at_ms)
            VALUES ('0363', $record_id, $kind, 'kiosk-3', 'stream-a', $sequence, 0);
            """, ("$record_id", recordId), ("$kind", kind), ("$sequence", sequence));

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string, object)[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private Task<long> ClaimsAsync(string recordId) =>
        DatabaseProbe.ScalarAsync(_directory, $"SELECT COUNT(*) FROM sync_records WHERE record_id = '{recordId}'");
}
