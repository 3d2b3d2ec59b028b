using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Omni.Contracts.V1;
using Omni.Sdk.Tests.Support;

namespace Central.Api.Tests.Sync;

public sealed class EdgeSyncServiceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PushBatch_NewBatch_StoresEachRecordOnceAndAcknowledgesLastSequence()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 5);

        var response = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(5, response.AcknowledgedSequence);
        Assert.Empty(response.Rejections);
        Assert.Equal(5, await CountAsync("klantcontacten"));
        Assert.Equal(5, await HighWaterAsync());
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task PushBatch_SameBatchAgainAfterLostReply_StoresNoDuplicates()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 4);
        await host.Sync.PushBatchAsync(batch);

        // S2: the edge never saw the reply, so it sends the very same batch again.
        var replay = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(4, replay.AcknowledgedSequence);
        Assert.Empty(replay.Rejections);
        Assert.Equal(4, await CountAsync("klantcontacten"));

        // An edge klantcontact's own row is its claim: no second row per record in sync_records.
        Assert.Equal(0, await CountAsync("sync_records"));
    }

    [Fact]
    public async Task PushBatch_OverlappingBatch_StoresOnlyTheNewRecords()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var first = TestData.Batch(CentralHost.Start, first: 1, count: 5);
        await host.Sync.PushBatchAsync(first);
        var overlap = TestData.Batch("stream-a", [.. first.Envelopes.Skip(2), .. TestData.Batch(CentralHost.Start, 6, 3).Envelopes]);

        var response = await host.Sync.PushBatchAsync(overlap);

        Assert.Equal(8, response.AcknowledgedSequence);
        Assert.Equal(8, await CountAsync("klantcontacten"));
        Assert.Equal(8, await HighWaterAsync());
    }

    [Fact]
    public async Task PushBatch_SameBatchConcurrently_StoresEachRecordOnce()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 50);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Sync.PushBatchAsync(batch).ResponseAsync));

        Assert.All(responses, r => Assert.Equal(50, r.AcknowledgedSequence));
        Assert.Equal(50, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_BatchStartsPastTheHighWaterMark_StoresItAndWarnsAboutTheGap()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        await host.Sync.PushBatchAsync(TestData.Batch(CentralHost.Start, first: 1, count: 3));

        var response = await host.Sync.PushBatchAsync(TestData.Batch(CentralHost.Start, first: 6, count: 2));

        Assert.Equal(7, response.AcknowledgedSequence);
        Assert.Equal(7, await HighWaterAsync());
        Assert.Contains(host.Logs.Entries, e => e.EventId == 2004);
    }

    [Fact]
    public async Task PushBatch_OtherGemeenteOnSameDatabase_KeepsTenantsApart()
    {
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 2);
        await using (var utrecht = await CentralHost.StartAsync(_directory, null, "--Central:Gemeente=0344"))
        {
            await utrecht.Sync.PushBatchAsync(batch);
        }

        await using var amsterdam = await CentralHost.StartAsync(_directory);
        var before = await amsterdam.Klantcontacten.ListKlantcontactenAsync(new ListKlantcontactenRequest());
        await amsterdam.Sync.PushBatchAsync(batch);

        Assert.Equal(0, before.Count);
        Assert.Equal(2, await CountAsync("klantcontacten"));
        Assert.Equal(4, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_RecordIdStoredFromAnotherStream_IsNoOp()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 2);
        await host.Sync.PushBatchAsync(batch);
        var resent = TestData.Batch("stream-b", [.. batch.Envelopes]);

        var response = await host.Sync.PushBatchAsync(resent);

        Assert.Equal(2, response.AcknowledgedSequence);
        Assert.Equal(2, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_RecordsWithUnknownFieldsOnTheWire_RejectsEachForGoodAndStoresTheRest()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = UnknownFieldWire.With(TestData.Klantcontact(CentralHost.Start), 99, TestData.Bsn);
        var valid = TestData.Klantcontact(CentralHost.Start);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, valid.Uuid);
        taak.AangemaaktOp = UnknownFieldWire.With(taak.AangemaaktOp, 5, TestData.PhoneNumber);

        var response = await host.Sync.PushBatchAsync(TestData.Batch(
            "stream-a", TestData.Envelope(1, contact), TestData.Envelope(2, valid), TestData.Envelope(3, taak)));

        Assert.Equal(3, response.AcknowledgedSequence);
        Assert.Equal(
            [
                (1L, "klantcontact.unknownFields: field numbers 99 are not in this contract"),
                (3L, "interneTaak.aangemaaktOp.unknownFields: field numbers 5 are not in this contract"),
            ],
            response.Rejections.Select(r => (r.Sequence, r.Reason)));
        Assert.Equal(1, await CountAsync("klantcontacten"));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task PushBatch_RecordIdStoredWithOtherContent_RejectsNamingUuidAndKeepsTheOriginal()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var original = TestData.Klantcontact(CentralHost.Start);
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, original)));
        var other = original.Clone();
        other.Inhoud = "Tweede versie";

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, other)));

        Assert.Equal(2, response.AcknowledgedSequence);
        var rejection = Assert.Single(response.Rejections);
        Assert.Equal((original.Uuid, 2L), (rejection.RecordId, rejection.Sequence));
        Assert.Equal("uuid: already recorded with other content", rejection.Reason);
        var stored = await host.Klantcontacten.GetKlantcontactAsync(
            new GetKlantcontactRequest { Uuid = original.Uuid });
        Assert.Equal(original, stored);
        Assert.Equal(1, await CountAsync("klantcontacten"));
        Assert.Equal(1, await CountAsync("sync_rejections"));
        Assert.Contains(host.Logs.Entries, e => e.EventId == 2006 && e.Level == LogLevel.Warning);
        host.Logs.AssertClean([.. TestData.PersonalData, "Tweede versie"]);
    }

    [Fact]
    public async Task PushBatch_ConflictResentAfterLostReply_IsRejectedAgain()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var original = TestData.Klantcontact(CentralHost.Start);
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, original)));
        var other = original.Clone();
        other.Kanaal = Kanaal.Balie;
        var next = TestData.Klantcontact(CentralHost.Start);
        var batch = TestData.Batch("stream-a", TestData.Envelope(2, other), TestData.Envelope(3, next));

        var first = await host.Sync.PushBatchAsync(batch);
        var resent = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(first.Rejections, resent.Rejections);
        Assert.Equal(2L, Assert.Single(resent.Rejections).Sequence);
        Assert.Equal(2, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_SameRecordIdInTwoBatchesWithSameContent_IsASilentDuplicate()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));

        // Delivered, left the outbox, appended again with the same content: a new sequence, the same record.
        var again = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, contact.Clone())));

        Assert.Empty(again.Rejections);
        Assert.Equal(1, await CountAsync("klantcontacten"));
        Assert.Equal(0, await CountAsync("sync_rejections"));
    }

    [Fact]
    public async Task PushBatch_RecordIdStoredAsOtherKind_RejectsAndKeepsTheOriginal()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));
        var taak = TestData.Terugbelverzoek(CentralHost.Start, contact.Uuid);
        taak.Uuid = contact.Uuid;

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, taak)));

        Assert.Equal("uuid: already recorded with other content", Assert.Single(response.Rejections).Reason);
        Assert.Equal(0, await CountAsync("interne_taken"));
        Assert.Equal(1, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_KlantcontactWithTheIdOfAStoredInterneTaak_RejectsAndKeepsTheTaak()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, taak)));
        var contact = TestData.Klantcontact(CentralHost.Start, taak.Uuid);

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, contact)));

        Assert.Equal("uuid: already recorded with other content", Assert.Single(response.Rejections).Reason);
        Assert.Equal(0, await CountAsync("klantcontacten"));
        Assert.Equal(1, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_KlantcontactAndTaakWithOneIdInOneBatch_StoresTheFirstAndRejectsTheSecond()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, contact.Uuid);
        taak.Uuid = contact.Uuid;

        var response = await host.Sync.PushBatchAsync(
            TestData.Batch("stream-a", TestData.Envelope(1, contact), TestData.Envelope(2, taak)));

        Assert.Equal(2L, Assert.Single(response.Rejections).Sequence);
        Assert.Equal(1, await CountAsync("klantcontacten"));
        Assert.Equal(0, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_TaakAndKlantcontactWithOneIdInOneBatch_StoresTheTaakAndRejectsTheContact()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        var contact = TestData.Klantcontact(CentralHost.Start, taak.Uuid);

        var response = await host.Sync.PushBatchAsync(
            TestData.Batch("stream-a", TestData.Envelope(1, taak), TestData.Envelope(2, contact)));

        Assert.Equal(2L, Assert.Single(response.Rejections).Sequence);
        Assert.Equal(0, await CountAsync("klantcontacten"));
        Assert.Equal(1, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_InterneTaakWithOtherContent_Rejects()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, taak)));
        var other = taak.Clone();
        other.Toelichting = "Andere toelichting";

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, other)));

        Assert.Equal("uuid: already recorded with other content", Assert.Single(response.Rejections).Reason);
        Assert.Equal(1, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_RoutedTaakResentAfterTheRoutingChanged_IsADuplicateNotAConflict()
    {
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        taak.Dienstverleningstype = Dienstverleningstype.Unspecified;
        taak.Wachtrij = string.Empty;
        var batch = TestData.Batch("stream-a", TestData.Envelope(1, taak));
        await using (var before = await CentralHost.StartAsync(_directory, null, "--Central:DefaultWachtrij=kcc-oud"))
        {
            await before.Sync.PushBatchAsync(batch);
        }

        await using var after = await CentralHost.StartAsync(_directory, null, "--Central:DefaultWachtrij=kcc-nieuw");
        var resent = await after.Sync.PushBatchAsync(batch);

        Assert.Empty(resent.Rejections);
        Assert.Equal("kcc-oud", await DatabaseProbe.TextAsync(_directory, "SELECT wachtrij FROM interne_taken"));
    }

    [Fact]
    public async Task PushBatch_UuidCreatedOverRestWithOtherContent_RejectsAndLeavesNoClaim()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var viaRest = TestData.Klantcontact(CentralHost.Start);
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = viaRest });
        var viaEdge = viaRest.Clone();
        viaEdge.Onderwerp = "Iets anders";

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, viaEdge)));

        Assert.Equal("uuid: already recorded with other content", Assert.Single(response.Rejections).Reason);
        Assert.Equal(0, await CountAsync("sync_records"));
        var stored = await host.Klantcontacten.GetKlantcontactAsync(new GetKlantcontactRequest { Uuid = viaRest.Uuid });
        Assert.Equal("Vraag over paspoort", stored.Onderwerp);
    }

    [Fact]
    public async Task PushBatch_UuidCreatedOverRestWithSameContent_IsAccepted()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = contact });

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));

        Assert.Empty(response.Rejections);
        Assert.Equal(1, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_RestContactDeliveredByAnEdge_ClaimsItSoATaakWithThatIdIsRefused()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = contact });
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));
        var taak = TestData.Terugbelverzoek(CentralHost.Start, contact.Uuid);
        taak.Uuid = contact.Uuid;

        var resent = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));
        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(2, taak)));

        Assert.Empty(resent.Rejections);
        Assert.Equal("uuid: already recorded with other content", Assert.Single(response.Rejections).Reason);
        Assert.Equal("klantcontact", await DatabaseProbe.TextAsync(_directory, "SELECT kind FROM sync_records"));
        Assert.Equal(0, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_InterneTaakWithTheIdOfAContactOnlyCreatedOverRest_IsStored()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Klantcontacten.CreateKlantcontactAsync(new CreateKlantcontactRequest { Klantcontact = contact });
        var taak = TestData.Terugbelverzoek(CentralHost.Start, contact.Uuid);
        taak.Uuid = contact.Uuid;

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, taak)));

        // As before claims were left out for edge contacts: only what an edge delivered takes part in the check.
        Assert.Empty(response.Rejections);
        Assert.Equal(1, await CountAsync("interne_taken"));
    }

    [Fact]
    public async Task PushBatch_RecordIdInUpperCase_StoresTheNormalisedMessageBytes()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        var normalised = contact.Clone();
        contact.Uuid = contact.Uuid.ToUpperInvariant();
        var envelope = TestData.Envelope(1, contact);

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", envelope));

        Assert.Empty(response.Rejections);
        Assert.Equal(Convert.ToHexString(normalised.ToByteArray()),
            await DatabaseProbe.TextAsync(_directory, "SELECT hex(payload) FROM klantcontacten"));
        Assert.Equal(normalised.Uuid, await DatabaseProbe.TextAsync(_directory, "SELECT uuid FROM klantcontacten"));
    }

    [Fact]
    public async Task CreateKlantcontact_UuidDeliveredByAnEdgeWithOtherContent_StillAnswersAlreadyExists()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var contact = TestData.Klantcontact(CentralHost.Start);
        await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, contact)));
        var other = contact.Clone();
        other.Inhoud = "Andere inhoud";

        var request = new CreateKlantcontactRequest { Klantcontact = other };
        var error = await Assert.ThrowsAsync<RpcException>(
            () => host.Klantcontacten.CreateKlantcontactAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task PushBatch_MalformedRecordsAmongGoodOnes_RejectsThemByFieldAndStoresTheRest()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var now = CentralHost.Start;
        var tooLong = TestData.Klantcontact(now);
        tooLong.Onderwerp = new string('x', 201);
        var unknownKanaal = TestData.Klantcontact(now);
        unknownKanaal.Kanaal = (Kanaal)99;
        var future = TestData.Klantcontact(now);
        future.PlaatsgevondenOp = Timestamp.FromDateTimeOffset(now.AddMinutes(6));
        var otherId = TestData.Envelope(5, TestData.Klantcontact(now));
        otherId.RecordId = TestData.NewUuid(now);
        var batch = TestData.Batch("stream-a",
            TestData.Envelope(1, TestData.Klantcontact(now)),
            TestData.Envelope(2, tooLong),
            TestData.Envelope(3, unknownKanaal),
            TestData.Envelope(4, future),
            otherId,
            new Envelope { RecordId = TestData.NewUuid(now), Sequence = 6 },
            TestData.Envelope(7, TestData.Klantcontact(now)));

        var response = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(7, response.AcknowledgedSequence);
        Assert.Equal(new long[] { 2, 3, 4, 5, 6 }, response.Rejections.Select(r => r.Sequence));
        var reasons = response.Rejections.ToDictionary(r => r.Sequence, r => r.Reason);
        Assert.Equal("klantcontact.onderwerp: must be at most 200 characters", reasons[2]);
        Assert.Equal("klantcontact.kanaal: is not a known value", reasons[3]);
        Assert.Equal("klantcontact.plaatsgevondenOp: must not be more than 5 minutes in the future", reasons[4]);
        Assert.Equal("klantcontact.uuid: must equal record_id", reasons[5]);
        Assert.StartsWith("payload: is required", reasons[6], StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("klantcontacten"));
        Assert.Equal(5, await CountAsync("sync_rejections"));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Fact]
    public async Task PushBatch_ClockCatchesUpWithAnEarlyRecord_AcceptsItThen()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var early = TestData.Klantcontact(CentralHost.Start);
        early.PlaatsgevondenOp = Timestamp.FromDateTimeOffset(CentralHost.Start.AddMinutes(10));

        var refused = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, early)));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var accepted = await host.Sync.PushBatchAsync(TestData.Batch("stream-b", TestData.Envelope(1, early)));

        Assert.Single(refused.Rejections);
        Assert.Empty(accepted.Rejections);
        Assert.Equal(1, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_InterneTaakWithItsKlantcontact_QueuesOneFollowUpEvenWhenReplayed()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, klantcontact.Uuid);
        var batch = TestData.Batch("stream-a", TestData.Envelope(1, klantcontact), TestData.Envelope(2, taak));

        await host.Sync.PushBatchAsync(batch);
        var replay = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(2, replay.AcknowledgedSequence);
        Assert.Equal(1, await CountAsync("interne_taken"));
        Assert.Equal("kcc-algemeen", await DatabaseProbe.TextAsync(_directory, "SELECT wachtrij FROM interne_taken"));
        host.Logs.AssertClean(TestData.PersonalData);
    }

    [Theory]
    [InlineData(Dienstverleningstype.MeldenOverlast, "", "kcc-meldingen")]
    [InlineData(Dienstverleningstype.Unspecified, "", "kcc-terugbellen")]
    [InlineData(Dienstverleningstype.MeldenOverlast, "wijkteam-noord", "wijkteam-noord")]
    public async Task PushBatch_InterneTaakWithoutWachtrij_IsRoutedByCentral(
        Dienstverleningstype type,
        string wachtrij,
        string expected)
    {
        await using var host = await CentralHost.StartAsync(_directory, null, "--Central:DefaultWachtrij=kcc-terugbellen");
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        taak.Dienstverleningstype = type;
        taak.Wachtrij = wachtrij;

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, taak)));

        Assert.Empty(response.Rejections);
        Assert.Equal(expected, await DatabaseProbe.TextAsync(_directory, "SELECT wachtrij FROM interne_taken"));
    }

    [Fact]
    public async Task PushBatch_TerugbelverzoekWithoutNumber_RejectsNamingTheField()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var taak = TestData.Terugbelverzoek(CentralHost.Start, TestData.NewUuid(CentralHost.Start));
        taak.Terugbelnummer = string.Empty;
        taak.KlantcontactUuid = "not-a-uuid";

        var response = await host.Sync.PushBatchAsync(TestData.Batch("stream-a", TestData.Envelope(1, taak)));

        var rejection = Assert.Single(response.Rejections);
        Assert.Equal(
            "interneTaak.klantcontactUuid: must be a UUID in 8-4-4-4-12 form; interneTaak.terugbelnummer: is required",
            rejection.Reason);
        Assert.Equal(0, await CountAsync("interne_taken"));
    }

    [Theory]
    [InlineData("", "stream-a", new long[] { 1, 2 }, "device_id is required")]
    [InlineData("kiosk-3", "", new long[] { 1, 2 }, "stream_id is required")]
    [InlineData("kiosk-3", "stream-a", new long[] { 1, 3 }, "envelopes[1].sequence must follow envelopes[0].sequence")]
    [InlineData("kiosk-3", "stream-a", new long[] { 2, 1 }, "envelopes[1].sequence must follow envelopes[0].sequence")]
    [InlineData("kiosk-3", "stream-a", new long[] { 0, 1 }, "envelopes[0].sequence must be at least 1")]
    [InlineData("kiosk-3", "stream-a", new long[0], "envelopes must not be empty")]
    public async Task PushBatch_MalformedBatch_ReturnsInvalidArgumentAndStoresNothing(
        string deviceId,
        string streamId,
        long[] sequences,
        string expected)
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var request = new PushBatchRequest { DeviceId = deviceId, StreamId = streamId };
        request.Envelopes.AddRange(sequences.Select(s => TestData.Envelope(s, TestData.Klantcontact(CentralHost.Start))));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Sync.PushBatchAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_MoreEnvelopesThanConfigured_ReturnsInvalidArgument()
    {
        await using var host = await CentralHost.StartAsync(_directory, null, "--Central:MaxBatchEnvelopes=3");

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await host.Sync.PushBatchAsync(TestData.Batch(CentralHost.Start, 1, 4)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("envelopes must hold at most 3 items", error.Status.Detail);
    }

    [Fact]
    public async Task PushBatch_FiveHundredRecordsAtMaximumSize_AreAllStored()
    {
        // About 5 MB on the wire: more than gRPC's 4 MiB default, within Central's limit.
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, 1, 500);
        foreach (var envelope in batch.Envelopes)
        {
            envelope.Klantcontact.Inhoud = new string('i', 10_000);
            envelope.Klantcontact.Onderwerp = new string('o', 200);
        }

        var response = await host.Sync.PushBatchAsync(batch);

        Assert.Equal(500, response.AcknowledgedSequence);
        Assert.Equal(500, await CountAsync("klantcontacten"));
    }

    [Fact]
    public async Task PushBatch_CentralRestartsMidSequence_ContinuesWithoutLossOrDuplicates()
    {
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 6);
        var firstHalf = TestData.Batch("stream-a", [.. batch.Envelopes.Take(3)]);
        var rest = TestData.Batch("stream-a", [.. batch.Envelopes.Skip(2)]);
        await using (var before = await CentralHost.StartAsync(_directory))
        {
            await before.Sync.PushBatchAsync(firstHalf);
        }

        await using var after = await CentralHost.StartAsync(_directory);
        var response = await after.Sync.PushBatchAsync(rest);

        Assert.Equal(6, response.AcknowledgedSequence);
        Assert.Equal(6, await CountAsync("klantcontacten"));
        Assert.Equal(6, await HighWaterAsync());
        var listed = await after.Klantcontacten.ListKlantcontactenAsync(new ListKlantcontactenRequest());
        Assert.Equal(batch.Envelopes.Select(e => e.RecordId), listed.Results.Select(k => k.Uuid));
    }

    [Fact]
    public async Task Ping_Always_ReturnsTheServerClock()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        host.Time.Advance(TimeSpan.FromMinutes(7));

        var response = await host.Sync.PingAsync(new PingRequest());

        Assert.Equal(CentralHost.Start.AddMinutes(7), response.ServerTime.ToDateTimeOffset());
    }

    private Task<long> CountAsync(string table) =>
        DatabaseProbe.ScalarAsync(_directory, $"SELECT COUNT(*) FROM {table} WHERE gemeente = '0363'");

    private Task<long> HighWaterAsync() =>
        DatabaseProbe.ScalarAsync(_directory,
            "SELECT high_water_sequence FROM sync_streams WHERE device_id = 'kiosk-3' AND stream_id = 'stream-a'");
}
