using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omni.Sdk.Internal;
using Omni.Sdk.Internal.Sending;
using Omni.Sdk.Internal.Storage;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Sending;

public sealed class OutboxSenderTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private FakeCentral _central = null!;
    private string _keyFile = null!;

    public async Task InitializeAsync()
    {
        _keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        _central = await FakeCentral.StartAsync();
    }

    public async Task DisposeAsync() => await _central.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Send_LinkUp_DeliversInOrderAndEmptiesTheOutbox()
    {
        await using var sdk = await StartAsync();

        var receipts = new List<RecordReceipt>();
        for (var i = 0; i < 5; i++)
        {
            receipts.Add(await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact()));
        }

        await Eventually.UntilAsync(() => Backlog(sdk) == 0 && _central.State.StoredCount == 5, because: "delivery");
        var stored = _central.State.Stored;
        Assert.All(receipts, r => Assert.Equal(r.Sequence, stored[r.RecordId.ToString()].Sequence));
        Assert.Equal(TestData.Inhoud, stored[receipts[0].RecordId.ToString()].Klantcontact.Inhoud);
        Assert.Equal(HealthStatus.Healthy, await sdk.CheckHealthAsync());
    }

    [Fact]
    public async Task Send_ReplyLostAfterCommit_ResendsAndCentralStoresOnce()
    {
        _central.State.DropRepliesAfterCommit(1);
        await using var sdk = await StartAsync();

        for (var i = 0; i < 3; i++)
        {
            await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        }

        await Eventually.UntilAsync(() => Backlog(sdk) == 0, _time, because: "the outbox to drain after a lost reply");
        Assert.Equal(3, _central.State.StoredCount);
        Assert.True(_central.State.ResentEnvelopes >= 1, "the edge resent after the lost reply");
        Assert.True(_central.State.Pushes >= 2);

        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        await Eventually.UntilAsync(() => _central.State.StoredCount == 4, _time, because: "no wedge after the lost reply");
    }

    [Fact]
    public async Task Send_LinkReturnsAfterLongOutage_FirstBatchWithinTwoSeconds()
    {
        await using var sdk = await StartAsync();
        await _central.StopAsync();
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        // Ten minutes of outage on the fake clock: the backoff climbs to its 60 s maximum.
        await AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
        Assert.Equal(0, _central.State.StoredCount);

        await _central.RestartAsync();
        var linkBack = _time.GetUtcNow();

        // One fake millisecond per real millisecond from here on, so fake time is also honest wall time.
        await Eventually.UntilAsync(() => _central.State.StoredCount == 1, _time, TimeSpan.FromMilliseconds(20),
            because: "the first batch after the link returned");
        var waited = _time.GetUtcNow() - linkBack;
        Assert.True(waited <= TimeSpan.FromSeconds(2), $"first batch left {waited} after the link returned");
    }

    [Fact]
    public async Task Send_SeventyTwoHoursOffline_NothingDroppedThenEverythingArrivesOnce()
    {
        await using var sdk = await StartAsync();
        await _central.StopAsync();
        var receipts = await Task.WhenAll(Enumerable.Range(0, 3000)
            .Select(_ => Task.Run(() => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact()))));

        await AdvanceAsync(TimeSpan.FromHours(72), TimeSpan.FromMinutes(10));

        var offline = await sdk.Monitor.GetStatusAsync();
        Assert.Equal(3000, offline.BacklogCount);
        Assert.True(offline.OldestAge >= TimeSpan.FromHours(72));
        Assert.False(offline.CentralReachable);
        Assert.True(offline.SenderAlive);

        await _central.RestartAsync();
        await Eventually.UntilAsync(() => Backlog(sdk) == 0, _time, because: "the 72 h backlog to drain");
        var stored = _central.State.Stored;
        Assert.Equal(3000, stored.Count);
        Assert.All(receipts, r => Assert.True(stored.ContainsKey(r.RecordId.ToString())));
    }

    [Fact]
    public async Task Send_LinkDown_DoesNotSpin()
    {
        await using var sdk = await StartAsync();
        await _central.StopAsync();
        var sender = sdk.Services.GetRequiredService<OutboxSender>();
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        await Eventually.UntilAsync(() => sender.PushAttempts >= 1, because: "the first attempt");

        // Without the clock moving, no retry may happen at all, however long real time passes.
        var attemptsWhileClockStands = sender.PushAttempts;
        await Task.Delay(500);
        Assert.True(sender.PushAttempts <= attemptsWhileClockStands + 1);

        // Ten fake minutes with a 60 s maximum backoff allow a few dozen attempts, not thousands.
        await AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        Assert.InRange(sender.PushAttempts, 3, 60);
    }

    [Fact]
    public async Task Send_RecordRejected_GoesToDeadLetterWithReasonAndTheRestFlows()
    {
        await using var sdk = await StartAsync();
        var first = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        var rejectedId = Guid.CreateVersion7(_time.GetUtcNow());
        _central.State.RejectRecordIds.Add(rejectedId.ToString());
        await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(rejectedId.ToString()));
        var third = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        await Eventually.UntilAsync(() => Backlog(sdk) == 0 && _central.State.StoredCount == 2, _time,
            because: "the rest to flow past the rejected record");

        var status = await sdk.Monitor.GetStatusAsync();
        Assert.Equal(1, status.DeadLetterCount);
        Assert.Equal("klantcontact.kanaal: not accepted for this device",
            sdk.Services.GetRequiredService<OutboxStatusReader>().ReadDeadLetterReason(rejectedId));
        Assert.True(_central.State.Stored.ContainsKey(first.RecordId.ToString()));
        Assert.True(_central.State.Stored.ContainsKey(third.RecordId.ToString()));
        Assert.Equal(HealthStatus.Degraded, await sdk.CheckHealthAsync());
        await Eventually.UntilAsync(() => sdk.Logs.Entries.Any(e => e.Level == LogLevel.Warning
            && e.EventId.Id == LogEvents.RecordDeadLettered && e.Message.Contains(rejectedId.ToString(), StringComparison.Ordinal)),
            because: "a warning naming the dead-lettered record");

        // The same record again is not reported as recorded: it is refused with the dead letter's reason.
        var again = await Assert.ThrowsAsync<RecordDeadLetteredException>(
            () => sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(rejectedId.ToString())));
        Assert.Equal((rejectedId, "klantcontact.kanaal: not accepted for this device"), (again.RecordId, again.Reason));

        // The same uuid with other content is not a replay: refused loudly, the dead letter stays as it was.
        var other = TestData.Klantcontact(rejectedId.ToString());
        other.Onderwerp = "rijbewijs verlengen";
        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => sdk.Recorder.RecordKlantcontactAsync(other));
        Assert.Equal(rejectedId, conflict.RecordId);
        Assert.Equal(1, (await sdk.Monitor.GetStatusAsync()).DeadLetterCount);
        Assert.Equal(0, Backlog(sdk));
    }

    [Fact]
    public async Task Send_RowsSealedBeforeVersionThree_ArriveReadableAfterTheUpgrade()
    {
        var key = TestKeys.NewKey();
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, key);
        var old = new[] { TestData.Klantcontact(Guid.NewGuid().ToString()), TestData.Klantcontact(Guid.NewGuid().ToString()) };
        LegacyOutboxFile.Write(_dir.File("outbox.db"), Guid.NewGuid(), key, old);

        await using var sdk = await SdkHarness.StartAsync(_dir.Path, _central.Address, _time, keyFile);
        var fresh = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        await Eventually.UntilAsync(() => Backlog(sdk) == 0 && _central.State.StoredCount == 3, _time,
            because: "the old rows and the new one to be delivered");

        var stored = _central.State.Stored;
        Assert.Equal([1L, 2L], old.Select(r => stored[r.Uuid].Sequence));
        Assert.All(old, r => Assert.Equal(TestData.Inhoud, stored[r.Uuid].Klantcontact.Inhoud));
        Assert.Equal(3, stored[fresh.RecordId.ToString()].Sequence);
        Assert.Equal(TestData.Inhoud, stored[fresh.RecordId.ToString()].Klantcontact.Inhoud);
        Assert.Equal(0, (await sdk.Monitor.GetStatusAsync()).DeadLetterCount);
    }

    [Fact]
    public async Task Send_TamperedPayload_IsSentWithoutPayloadAndDeadLetteredWhileTheRestFlows()
    {
        await _central.StopAsync();
        RecordReceipt tampered;
        RecordReceipt intact;
        await using (var before = await StartAsync())
        {
            tampered = await before.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
            intact = await before.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        }

        using (var connection = new SqliteConnection($"Data Source={_dir.File("outbox.db")};Pooling=False"))
        {
            connection.Open();
            using var flip = connection.CreateCommand();
            flip.CommandText = "UPDATE outbox SET payload = zeroblob(length(payload)) WHERE sequence = $sequence;";
            flip.Parameters.AddWithValue("$sequence", tampered.Sequence);
            Assert.Equal(1, flip.ExecuteNonQuery());
        }

        await _central.RestartAsync();
        await using var sdk = await StartAsync();
        sdk.ErrorsExpected = true;
        await Eventually.UntilAsync(() => Backlog(sdk) == 0, _time, because: "the outbox to drain past the tampered record");

        Assert.Equal("payload: missing",
            sdk.Services.GetRequiredService<OutboxStatusReader>().ReadDeadLetterReason(tampered.RecordId));
        Assert.Equal(intact.RecordId.ToString(), Assert.Single(_central.State.Stored).Key);
        Assert.Contains(sdk.Logs.Entries, e => e.Level == LogLevel.Error && e.EventId.Id == LogEvents.RecordUnreadable);
    }

    [Fact]
    public async Task Send_UncommittedRow_IsNeverReadBySender()
    {
        await using var sdk = await StartAsync();
        await _central.StopAsync();
        var queue = sdk.Services.GetRequiredService<OutboxQueue>();
        using var intruder = new SqliteConnection($"Data Source={_dir.File("outbox.db")};Pooling=False");
        intruder.Open();
        using var transaction = intruder.BeginTransaction();
        using var insert = intruder.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox (sequence, record_id, kind, occurred_at, nonce, payload, bytes)
            VALUES (1, $id, 1, 0, x'00', x'00', 2);
            """;
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        insert.ExecuteNonQuery();

        Assert.Empty(queue.ReadHead(10));

        transaction.Rollback();
        intruder.Close();
        await _central.RestartAsync();
        var receipt = await sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        await Eventually.UntilAsync(() => _central.State.StoredCount == 1, _time, because: "the committed record");
        Assert.Equal(receipt.RecordId.ToString(), Assert.Single(_central.State.Stored).Key);
    }

    [Fact]
    public async Task Send_AfterRestartWithBacklog_DeliversUnderTheSameStream()
    {
        await _central.StopAsync();
        await using (var first = await StartAsync())
        {
            await first.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());
        }

        await _central.RestartAsync();
        await using var second = await StartAsync();
        await second.Recorder.RecordKlantcontactAsync(TestData.Klantcontact());

        await Eventually.UntilAsync(() => _central.State.StoredCount == 2, _time, because: "the backlog after restart");
        Assert.Single(_central.State.StreamIds);
        Assert.Equal([1L, 2L], _central.State.Stored.Values.Select(e => e.Sequence).Order());
    }

    private Task<SdkHarness> StartAsync() => SdkHarness.StartAsync(_dir.Path, _central.Address, _time, _keyFile);

    private static long Backlog(SdkHarness sdk) => sdk.Services.GetRequiredService<OutboxCounters>().Snapshot().BacklogCount;

    private async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            _time.Advance(step);

            // Lets the sender's real I/O (a refused connect on loopback) finish between clock steps.
            await Task.Delay(2);
        }
    }
}
