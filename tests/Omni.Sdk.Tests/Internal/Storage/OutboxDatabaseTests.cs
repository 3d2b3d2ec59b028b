using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Security;
using Omni.Sdk.Internal.Storage;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Storage;

public sealed class OutboxDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly byte[] _key = TestKeys.NewKey();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_GarbageFile_RefusesWithPathAndLeavesFileUntouched()
    {
        var path = _dir.File("outbox.db");
        var garbage = RandomNumberGenerator.GetBytes(8192);
        File.WriteAllBytes(path, garbage);

        var error = Assert.Throws<OutboxCorruptException>(() => Open(path));

        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Open_TruncatedFile_RefusesAndLeavesFileUntouched()
    {
        var path = _dir.File("outbox.db");
        await WriteRecordsAsync(path, count: 300);
        var full = File.ReadAllBytes(path);
        var truncated = full[..(full.Length / 2)];
        File.WriteAllBytes(path, truncated);

        var error = Assert.Throws<OutboxCorruptException>(() => Open(path));

        Assert.Equal(path, error.Path);
        Assert.Equal(truncated, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_NewerSchemaVersion_Refuses()
    {
        var path = _dir.File("outbox.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<OutboxCorruptException>(() => Open(path));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherKeyThanCreatedWith_FailsWithKeyError()
    {
        var path = _dir.File("outbox.db");
        Open(path);

        using var otherCipher = new OutboxCipher(TestKeys.NewKey());
        Assert.Throws<OutboxKeyException>(() =>
            OutboxDatabase.Open(path, otherCipher, new OutboxCounters(10, 1 << 20), NullLogger.Instance));
    }

    [Fact]
    public void Open_NewFile_MintsStreamThatSurvivesReopenButNotRecreation()
    {
        var path = _dir.File("outbox.db");
        var first = Open(path).StreamId;
        var reopened = Open(path).StreamId;
        DeleteOutbox(path);
        var recreated = Open(path).StreamId;

        Assert.Equal(first, reopened);
        Assert.NotEqual(first, recreated);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Open_NewFileInNewFolder_OnlyTheOwnerMayReadEither()
    {
        var folder = _dir.File("state");
        var path = Path.Combine(folder, "outbox.db");

        await AppendAsync(path, Guid.NewGuid());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(folder));
    }

    [Fact]
    public void Open_VersionOneFileMadeByHand_MigratesWithNothingLost()
    {
        var path = _dir.File("outbox.db");
        var streamId = Guid.NewGuid();
        var records = new[] { (Guid.NewGuid(), 1L, "eerste"), (Guid.NewGuid(), 2L, "tweede") };
        using (var cipher = new OutboxCipher(_key))
        {
            WriteVersionOneFile(path, streamId, cipher, records);
        }

        var counters = new OutboxCounters(100, 1 << 20);
        var database = Open(path, counters);
        using var queue = new OutboxQueue(database, counters);
        var head = queue.ReadHead(10);

        Assert.Equal(streamId, database.StreamId);
        Assert.Equal(2, counters.Snapshot().BacklogCount);
        Assert.True(counters.Snapshot().BacklogBytes > 0);
        using var reader = new OutboxCipher(_key);
        Assert.Equal(records.Select(r => r.Item1), head.Select(r => r.RecordId));
        Assert.Equal(["eerste", "tweede"], head.Select(r =>
            Klantcontact.Parser.ParseFrom(reader.TryOpen(r.Payload, BindingOf(database, r))).Onderwerp));
        Assert.Equal(OutboxMigrations.CurrentVersion, UserVersion(path));
        Assert.Equal(0, queue.Acknowledge(0, [], DateTimeOffset.UnixEpoch).DeletedCount);
    }

    [Fact]
    public async Task Append_AfterVersionOneMigration_ContinuesTheSequence()
    {
        var path = _dir.File("outbox.db");
        using (var cipher = new OutboxCipher(_key))
        {
            WriteVersionOneFile(path, Guid.NewGuid(), cipher, [(Guid.NewGuid(), 1L, "eerste")]);
        }

        var receipt = await AppendAsync(path, Guid.NewGuid());

        Assert.Equal(2, receipt.Sequence);
    }

    [Fact]
    public void Open_NewFile_SealsEveryRowRecordBound()
    {
        var database = Open(_dir.File("outbox.db"));

        Assert.Equal(1, database.RecordBoundFromSequence);
        Assert.Equal(SealFormat.RecordBound, database.BindingOf(Guid.NewGuid(), 1, OutboxRecordKind.Klantcontact, 0).Format);
    }

    [Fact]
    public async Task Open_VersionTwoFile_OldRowsKeepTheirBindingAndNewRowsAreRecordBound()
    {
        var path = _dir.File("outbox.db");
        LegacyOutboxFile.Write(path, Guid.NewGuid(), _key, [Contact("eerste"), Contact("tweede")]);

        var migrated = Open(path);
        var receipt = await AppendAsync(path, Guid.NewGuid());
        var reopened = Open(path);
        var counters = new OutboxCounters(100, 1 << 20);
        using var queue = new OutboxQueue(Open(path, counters), counters);
        var head = queue.ReadHead(10);

        Assert.Equal(OutboxMigrations.CurrentVersion, UserVersion(path));
        Assert.Equal(3, migrated.RecordBoundFromSequence);
        Assert.Equal(3, reopened.RecordBoundFromSequence);
        Assert.Equal(3, receipt.Sequence);
        using var reader = new OutboxCipher(_key);
        Assert.Equal(["eerste", "tweede", "paspoort aanvragen"], head.Select(r =>
            Klantcontact.Parser.ParseFrom(reader.TryOpen(r.Payload, BindingOf(reopened, r))).Onderwerp));
        Assert.Equal(
            [SealFormat.SequenceBound, SealFormat.SequenceBound, SealFormat.RecordBound],
            head.Select(r => BindingOf(reopened, r).Format));

        // Each row opens under its own format only: the marker decides, nothing is tried twice.
        Assert.Null(reader.TryOpen(head[0].Payload, SealBinding.RecordBound(head[0].RecordId, 1, 0)));
        Assert.Null(reader.TryOpen(head[2].Payload, SealBinding.SequenceBound(head[2].RecordId, 3)));
    }

    [Fact]
    public async Task Append_ReplayOfRowsSealedBeforeVersionThree_ComparesWithTheStoredCopy()
    {
        var path = _dir.File("outbox.db");
        var waiting = Contact("wacht");
        var dead = Contact("dood");
        LegacyOutboxFile.Write(path, Guid.NewGuid(), _key, [waiting], [dead]);
        var counters = new OutboxCounters(1_000, 1 << 24);
        using var cipher = new OutboxCipher(_key);
        var database = OutboxDatabase.Open(path, cipher, counters, NullLogger.Instance);
        await using var writer = NewWriter(database, cipher, counters);

        var waitingReplay = await Append(writer, waiting);
        var deadReplay = await Assert.ThrowsAsync<RecordDeadLetteredException>(() => Append(writer, dead));
        var waitingOther = Contact("wacht anders", waiting.Uuid);
        var deadOther = Contact("dood anders", dead.Uuid);

        Assert.Equal((true, 1L), (waitingReplay.AlreadyRecorded, waitingReplay.Sequence));
        Assert.Equal(Guid.Parse(dead.Uuid), deadReplay.RecordId);
        await Assert.ThrowsAsync<RecordConflictException>(() => Append(writer, waitingOther));
        await Assert.ThrowsAsync<RecordConflictException>(() => Append(writer, deadOther));
        Assert.Equal(3, (await Append(writer, Contact("nieuw"))).Sequence);
        Assert.Equal(2, counters.Snapshot().BacklogCount);
    }

    private static Task<RecordReceipt> Append(OutboxWriter writer, Klantcontact contact) =>
        writer.AppendAsync(OutboxRecordKind.Klantcontact, Guid.Parse(contact.Uuid), contact.ToByteArray(),
            DateTimeOffset.UnixEpoch, CancellationToken.None);

    private static Klantcontact Contact(string onderwerp, string? uuid = null) =>
        new() { Uuid = uuid ?? Guid.NewGuid().ToString(), Kanaal = Kanaal.Balie, Onderwerp = onderwerp };

    private static SealBinding BindingOf(OutboxDatabase database, StoredRecord record) =>
        database.BindingOf(record.RecordId, record.Sequence, record.Kind, record.OccurredAt.ToUnixTimeMilliseconds());

    private OutboxDatabase Open(string path, OutboxCounters? counters = null)
    {
        var cipher = new OutboxCipher(_key);
        return OutboxDatabase.Open(path, cipher, counters ?? new OutboxCounters(1_000, 1 << 24), NullLogger.Instance);
    }

    private async Task<RecordReceipt> AppendAsync(string path, Guid id)
    {
        var counters = new OutboxCounters(1_000, 1 << 24);
        using var cipher = new OutboxCipher(_key);
        var database = OutboxDatabase.Open(path, cipher, counters, NullLogger.Instance);
        await using var writer = NewWriter(database, cipher, counters);
        return await writer.AppendAsync(OutboxRecordKind.Klantcontact, id,
            TestData.Klantcontact(id.ToString()).ToByteArray(), DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    private async Task WriteRecordsAsync(string path, int count)
    {
        var counters = new OutboxCounters(10_000, 1 << 24);
        using var cipher = new OutboxCipher(_key);
        var database = OutboxDatabase.Open(path, cipher, counters, NullLogger.Instance);
        await using var writer = NewWriter(database, cipher, counters);
        var time = new FakeTimeProvider();
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.CreateVersion7(time.GetUtcNow());
            return writer.AppendAsync(OutboxRecordKind.Klantcontact, id,
                TestData.Klantcontact(id.ToString()).ToByteArray(), time.GetUtcNow(), CancellationToken.None);
        }));
    }

    internal static OutboxWriter NewWriter(OutboxDatabase database, OutboxCipher cipher, OutboxCounters counters) =>
        new(database, cipher, counters, new Omni.Sdk.Internal.Sending.WorkSignal(),
            new Omni.Sdk.Internal.Health.OutboxMetrics(null), NullLogger<OutboxWriter>.Instance);

    private static void WriteVersionOneFile(string path, Guid streamId, OutboxCipher cipher,
        (Guid Id, long Sequence, string Onderwerp)[] records)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE outbox (
                sequence INTEGER NOT NULL PRIMARY KEY,
                record_id TEXT NOT NULL UNIQUE,
                kind INTEGER NOT NULL,
                occurred_at INTEGER NOT NULL,
                nonce BLOB NOT NULL,
                payload BLOB NOT NULL);
            PRAGMA user_version = 1;
            """);
        Execute(connection, $"INSERT INTO meta VALUES ('stream_id', '{streamId:D}'), ('last_sequence', '{records.Length}');");
        foreach (var (id, sequence, onderwerp) in records)
        {
            var payload = new Klantcontact { Uuid = id.ToString(), Kanaal = Kanaal.Balie, Onderwerp = onderwerp };
            var sealedPayload = cipher.Seal(payload.ToByteArray(), SealBinding.SequenceBound(id, sequence));
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO outbox VALUES ($seq, $id, 1, 0, $nonce, $payload);";
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$id", id.ToString("D"));
            insert.Parameters.AddWithValue("$nonce", sealedPayload.Nonce);
            insert.Parameters.AddWithValue("$payload", sealedPayload.Ciphertext);
            insert.ExecuteNonQuery();
        }
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteOutbox(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
