using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests.Internal.Recording;

public sealed class OutboxRecorderTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private SdkHarness _sdk = null!;

    public async Task InitializeAsync()
    {
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());

        // Nothing listens here; these tests never get as far as sending.
        _sdk = await SdkHarness.StartAsync(_dir.Path, new Uri("http://127.0.0.1:1"), _time, keyFile);
    }

    public async Task DisposeAsync() => await _sdk.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RecordKlantcontact_UnknownKanaalAndLongOnderwerp_ThrowsNamingFieldsNotValues()
    {
        var contact = TestData.Klantcontact();
        contact.Kanaal = (Kanaal)99;
        contact.Onderwerp = new string('x', 201) + TestData.Naam;

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => _sdk.Recorder.RecordKlantcontactAsync(contact));

        Assert.Equal(2, error.Reasons.Count);
        Assert.Contains(error.Reasons, r => r.StartsWith("kanaal", StringComparison.Ordinal));
        Assert.Contains(error.Reasons, r => r.StartsWith("onderwerp", StringComparison.Ordinal));
        Assert.All(TestData.PersonalData, pd => Assert.DoesNotContain(pd, error.Message, StringComparison.Ordinal));
        Assert.Equal(0, (await _sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task RecordKlantcontact_WhatCentralRefusesForGood_ThrowsListingEveryFieldNotValues()
    {
        var contact = TestData.Klantcontact();
        contact.ZaakReferentie = new string('z', 3_000);
        contact.BeeindigdOp = Timestamp.FromDateTimeOffset(contact.PlaatsgevondenOp.ToDateTimeOffset().AddMinutes(-1));
        contact.Betrokkenen[0].DigitaalAdres.Adres = TestData.Naam + " belt";
        contact.Taal = "Nederlands";

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => _sdk.Recorder.RecordKlantcontactAsync(contact));

        Assert.Equal(
            ["taal", "zaakReferentie", "beeindigdOp", "betrokkenen[0].digitaalAdres.adres"],
            error.Reasons.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(TestData.PersonalData, pd => Assert.DoesNotContain(pd, error.Message, StringComparison.Ordinal));
        Assert.Equal(0, (await _sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task RecordKlantcontact_PlaatsgevondenOpAheadOfTheSdkClock_AcceptedWithinCentralsFiveMinutes(
        int minutesAhead, bool accepted)
    {
        var contact = TestData.Klantcontact();
        contact.PlaatsgevondenOp = Timestamp.FromDateTimeOffset(_time.GetUtcNow().AddMinutes(minutesAhead));

        var error = await Record.ExceptionAsync(() => _sdk.Recorder.RecordKlantcontactAsync(contact));

        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted ? 1 : 0, (await _sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task RecordKlantcontact_UnknownFieldsOnTheWire_ThrowsNamingFieldNumbersNotValues()
    {
        var contact = UnknownFieldWire.With(TestData.Klantcontact(), 99, TestData.Bsn);
        contact.Betrokkenen[0] = UnknownFieldWire.With(contact.Betrokkenen[0], 20, TestData.Naam);
        contact.Betrokkenen[0].DigitaalAdres = UnknownFieldWire.With(contact.Betrokkenen[0].DigitaalAdres, 9, TestData.Bsn);
        contact.Actor = UnknownFieldWire.With(contact.Actor, 4, TestData.Naam);
        contact.PlaatsgevondenOp = UnknownFieldWire.With(contact.PlaatsgevondenOp, 3, TestData.Bsn);

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => _sdk.Recorder.RecordKlantcontactAsync(contact));

        Assert.Equal(
            [
                "unknownFields: field numbers 99 are not in this contract",
                "plaatsgevondenOp.unknownFields: field numbers 3 are not in this contract",
                "betrokkenen[0].unknownFields: field numbers 20 are not in this contract",
                "betrokkenen[0].digitaalAdres.unknownFields: field numbers 9 are not in this contract",
                "actor.unknownFields: field numbers 4 are not in this contract",
            ],
            error.Reasons);
        Assert.All(TestData.PersonalData, pd => Assert.DoesNotContain(pd, error.Message, StringComparison.Ordinal));
        Assert.Equal(0, (await _sdk.Monitor.GetStatusAsync()).BacklogCount);
    }

    [Fact]
    public async Task RecordInterneTaak_UnknownFieldsOnTheWire_ThrowsNamingFieldNumbers()
    {
        var taak = UnknownFieldWire.With(TestData.Terugbelverzoek(Guid.NewGuid().ToString()), 42, TestData.Bsn);
        taak = UnknownFieldWire.With(taak, 43, TestData.Naam);

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => _sdk.Recorder.RecordInterneTaakAsync(taak));

        Assert.Equal(["unknownFields: field numbers 42, 43 are not in this contract"], error.Reasons);
    }

    [Fact]
    public async Task RecordInterneTaak_TerugbelverzoekWithoutNumber_Throws()
    {
        var taak = TestData.Terugbelverzoek(Guid.NewGuid().ToString());
        taak.Terugbelnummer = string.Empty;

        var error = await Assert.ThrowsAsync<RecordValidationException>(() => _sdk.Recorder.RecordInterneTaakAsync(taak));

        Assert.Contains(error.Reasons, r => r.StartsWith("terugbelnummer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordKlantcontact_MalformedUuid_Throws()
    {
        var error = await Assert.ThrowsAsync<RecordValidationException>(
            () => _sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact("not-a-uuid")));

        Assert.Contains(error.Reasons, r => r.StartsWith("uuid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordKlantcontact_EmptyUuid_LeavesCallersMessageUnchanged()
    {
        var contact = TestData.Klantcontact();

        var receipt = await _sdk.Recorder.RecordKlantcontactAsync(contact);

        Assert.Equal(string.Empty, contact.Uuid);
        Assert.NotEqual(Guid.Empty, receipt.RecordId);
    }

    [Fact]
    public async Task RecordKlantcontact_AlreadyCancelled_StoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _sdk.Recorder.RecordKlantcontactAsync(TestData.Klantcontact(), cancelled.Token));

        Assert.Equal(0, (await _sdk.Monitor.GetStatusAsync()).BacklogCount);
    }
}
