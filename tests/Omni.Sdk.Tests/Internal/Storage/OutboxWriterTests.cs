using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Omni.Sdk.Internal;
using Omni.Sdk.Internal.Storage;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Storage;

public sealed class OutboxWriterTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private FakeCentral _central = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());

        // Central is away for these tests, so everything stays in the outbox.
        _central = await FakeCentral.StartAsync();
        await _central.StopAsync();
    }

    public async Task DisposeAsync() => await _central.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Append_ManyConcurrentCallers_SharesCommitsAndNumbersContiguously()
    {
        await using var sdk = await StartAsync();
        var writer = sdk.Services.GetRequiredService<OutboxWriter>();
        var before = writer.CommitCount;

        var receipts = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(_ => Task.Run(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact()))));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        Assert.True(writer.CommitCount - before < 500, $"{writer.CommitCount - before} commits for 500 appends");
        Assert.Equal(500, receipts.Select(r => r.RecordId).Distinct().Count());
    }

    [Fact]
    public async Task Append_SameUuidTwice_ReturnsEarlierReceiptAndStoresOnce()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();

        var first = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        var second = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));

        Assert.False(first.AlreadyRecorded);
        Assert.True(second.AlreadyRecorded);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Equal(Guid.Parse(uuid), second.RecordId);
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task Append_SameUuidOtherContent_ThrowsConflictNamingTheFieldAndKeepsTheFirst()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        var first = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        var other = TestData.Klantcontact(uuid);
        other.Inhoud = TestData.Inhoud + " en haar rijbewijs";

        var error = await Assert.ThrowsAsync<RecordConflictException>(() => sdk.Recorder.RecordKlantcontactAsync(other));

        Assert.StartsWith("uuid:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(uuid, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(TestData.PersonalData, pd => Assert.DoesNotContain(pd, error.Message, StringComparison.Ordinal));
        Assert.Equal(first.RecordId, error.RecordId);
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
        Assert.Contains(sdk.Logs.Entries, e => e.EventId.Id == LogEvents.AppendRefusedConflict
            && e.Message.Contains(uuid, StringComparison.Ordinal));

        // The first content is what the outbox holds: replaying it is still harmless.
        var replay = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        Assert.True(replay.AlreadyRecorded);
        Assert.Equal(first.Sequence, replay.Sequence);
    }

    [Fact]
    public async Task Append_SameUuidInUppercase_IsTheSameRecordAfterNormalisation()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));

        var replay = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid.ToUpperInvariant()));

        Assert.True(replay.AlreadyRecorded);
    }

    [Fact]
    public async Task Append_SameUuidOtherKind_ThrowsConflict()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        var taak = TestData.Terugbelverzoek(Guid.NewGuid().ToString());
        taak.Uuid = uuid;

        await Assert.ThrowsAsync<RecordConflictException>(() => sdk.Recorder.RecordInterneTaakAsync(taak));

        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task Append_SameUuidOtherContentConcurrently_StoresExactlyOneAndRefusesTheOther()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        var other = TestData.Klantcontact(uuid);
        other.Onderwerp = "rijbewijs verlengen";

        var appends = new[] { TestData.Klantcontact(uuid), other }
            .Select(contact => Task.Run(() => sdk.Recorder.RecordKlantcontactAsync(contact)))
            .ToArray();
        var outcome = await Task.WhenAll(appends.Select(async task =>
        {
            try
            {
                return (await task).AlreadyRecorded ? "replay" : "stored";
            }
            catch (RecordConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "stored"], outcome.Order(StringComparer.Ordinal));
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task Append_SameRecordManyTimesConcurrently_StoresOnceAndEveryCallerGetsItsSequence()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid)))));

        Assert.Single(receipts, r => !r.AlreadyRecorded);
        Assert.Single(receipts.Select(r => r.Sequence).Distinct());
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task Append_ReplayWhileTheBudgetIsReached_ReturnsTheEarlierReceipt()
    {
        await using var sdk = await StartAsync(o => o.MaxRecords = 1);
        sdk.ErrorsExpected = true;
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        var first = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        await Assert.ThrowsAsync<OutboxFullException>(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact()));

        var replay = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));

        Assert.True(replay.AlreadyRecorded);
        Assert.Equal(first.Sequence, replay.Sequence);
    }

    [Fact]
    public async Task Append_AfterARefusedRecord_NumbersWithoutGap()
    {
        await using var sdk = await StartAsync();
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        var first = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        var other = TestData.Klantcontact(uuid);
        other.Onderwerp = "rijbewijs verlengen";

        var outcomes = await Task.WhenAll(
            CaptureAsync(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact())),
            CaptureAsync(() => sdk.Recorder.RecordKlantcontactAsync(other)),
            CaptureAsync(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact())));

        Assert.Null(outcomes[1]);
        Assert.Equal([first.Sequence + 1, first.Sequence + 2], new[] { outcomes[0]!.Sequence, outcomes[2]!.Sequence }.Order());
    }

    [Fact]
    public async Task Append_SameUuidAfterRestart_ComparesWithTheStoredCopy()
    {
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        await using (var first = await StartAsync())
        {
            await first.Recorder.RecordInterneTaakAsync(Taak(uuid, "burgerzaken"));
        }

        await using var second = await StartAsync();

        Assert.True((await second.Recorder.RecordInterneTaakAsync(Taak(uuid, "burgerzaken"))).AlreadyRecorded);
        await Assert.ThrowsAsync<RecordConflictException>(
            () => second.Recorder.RecordInterneTaakAsync(Taak(uuid, "belastingen")));
    }

    [Fact]
    public async Task Append_StoredCopyUnreadable_ThrowsConflictInsteadOfClaimingTheReplayIsStored()
    {
        var uuid = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        await using (var first = await StartAsync())
        {
            await first.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid));
        }

        using (var connection = new SqliteConnection($"Data Source={_dir.File("outbox.db")};Pooling=False"))
        {
            connection.Open();
            using var flip = connection.CreateCommand();
            flip.CommandText = "UPDATE outbox SET payload = zeroblob(length(payload));";
            Assert.Equal(1, flip.ExecuteNonQuery());
        }

        await using var second = await StartAsync();
        second.ErrorsExpected = true; // the sender may already have logged the unreadable row as an error

        await Assert.ThrowsAsync<RecordConflictException>(
            () => second.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(uuid)));
    }

    [Fact]
    public async Task Append_EmptyUuid_MintsVersion7FromTheClock()
    {
        await using var sdk = await StartAsync();

        var receipt = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        Assert.Equal(7, receipt.RecordId.Version);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), UnixMillisOf(receipt.RecordId));
    }

    [Fact]
    public async Task Append_AfterRestart_RecordsAreKeptAndSequenceContinues()
    {
        await using (var first = await StartAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                await first.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
            }
        }

        await using var second = await StartAsync();
        var status = await second.Monitor.GetStatusAsync();
        var next = await second.Recorder.RecordInterneTaakAsync(TestData.Terugbelverzoek(Guid.NewGuid().ToString()));

        Assert.Equal(3, status.BacklogCount);
        Assert.Equal(4, next.Sequence);
    }

    [Fact]
    public async Task Open_FilesCopiedWhileRunning_RecoversEveryReturnedAppendFromTheWal()
    {
        using var crashed = new TempDirectory();
        File.Copy(_keyFile, crashed.File("omni-outbox-key"));
        await using (var running = await StartAsync())
        {
            for (var i = 0; i < 50; i++)
            {
                await running.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
            }

            // What a kill -9 leaves behind: the main file and the WAL as they are on disk, no clean close.
            File.Copy(_dir.File("outbox.db"), crashed.File("outbox.db"));
            File.Copy(_dir.File("outbox.db-wal"), crashed.File("outbox.db-wal"));
        }

        await using var recovered = await SdkHarness.StartAsync(crashed.Path, _central.Address, _time,
            crashed.File("omni-outbox-key"));
        var status = await recovered.Monitor.GetStatusAsync();
        var next = await recovered.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        Assert.Equal(50, status.BacklogCount);
        Assert.Equal(51, next.Sequence);
    }

    [Fact]
    public async Task Append_BudgetReached_ThrowsFullAndHealthIsUnhealthy()
    {
        await using var sdk = await StartAsync(o => o.MaxRecords = 5);
        sdk.ErrorsExpected = true;
        for (var i = 0; i < 5; i++)
        {
            await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        }

        await Assert.ThrowsAsync<OutboxFullException>(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact()));

        var status = await sdk.Monitor.GetStatusAsync();
        Assert.True(status.StorageFull);
        Assert.Equal(5, status.BacklogCount);
        Assert.Equal(HealthStatus.Unhealthy, await sdk.CheckHealthAsync());
    }

    [Fact]
    public async Task Append_ByteBudgetReached_ThrowsFullAndKeepsEverythingStored()
    {
        await using var sdk = await StartAsync(o => o.MaxBytes = 2048);
        sdk.ErrorsExpected = true;
        var stored = 0;
        var full = false;
        while (!full)
        {
            try
            {
                await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
                stored++;
            }
            catch (OutboxFullException)
            {
                full = true;
            }
        }

        var status = await sdk.Monitor.GetStatusAsync();
        Assert.True(stored > 0);
        Assert.Equal(stored, status.BacklogCount);
        Assert.True(status.BacklogBytes <= 2048);
        Assert.True(status.StorageFull);
    }

    [Fact]
    public async Task Append_PersonalData_IsNotInTheFileInClear()
    {
        await using (var sdk = await StartAsync())
        {
            var contact = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
            await sdk.Recorder.RecordInterneTaakAsync(TestData.Terugbelverzoek(contact.RecordId.ToString()));
        }

        var bytes = Directory.GetFiles(_dir.Path, "outbox.db*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(bytes);
        foreach (var value in TestData.PersonalData)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(value)));
        }
    }

    private static async Task<RecordReceipt?> CaptureAsync(Func<Task<RecordReceipt>> append)
    {
        try
        {
            return await Task.Run(append);
        }
        catch (RecordConflictException)
        {
            return null;
        }
    }

    private static Omni.Contracts.V1.InterneTaak Taak(string uuid, string wachtrij)
    {
        var taak = TestData.Terugbelverzoek(Guid.Empty.ToString());
        taak.Uuid = uuid;
        taak.Wachtrij = wachtrij;
        return taak;
    }

    private Task<SdkHarness> StartAsync(Action<OmniSdkOptions>? configure = null) =>
        SdkHarness.StartAsync(_dir.Path, _central.Address, _time, _keyFile, configure);

    private static long UnixMillisOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        long millis = 0;
        for (var i = 0; i < 6; i++)
        {
            millis = (millis << 8) | bytes[i];
        }

        return millis;
    }
}
