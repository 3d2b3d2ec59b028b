using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Host.Tests.Telephony.Fakes;
using Omni.Contracts.V1;
using Omni.Sdk;

namespace Edge.Host.Tests.Telephony.Ivr;

public sealed class IvrCallHandlerTests
{
    [Fact]
    public async Task HandleAsync_Digit1WithTransferUri_TransfersAndRecordsWachtrijTaak()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Press('1'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Doorverbonden, outcome);
        Assert.Equal([IvrHarness.TransferUri], call.Transfers);
        Assert.Equal(["welkom", "menu", "doorverbinden"], call.Played);
        Assert.True(call.HungUpByUs);
        var klantcontact = ivr.SingleKlantcontact;
        Assert.Equal(Kanaal.Telefoon, klantcontact.Kanaal);
        Assert.Equal("IVR: 1 algemene_vraag -> doorverbonden", klantcontact.Onderwerp);
        Assert.True(klantcontact.IndicatieContactGelukt);
        Assert.Equal(Dienstverleningstype.AlgemeneVraag, klantcontact.Dienstverleningstype);
        Assert.Equal(SoortActor.GeautomatiseerdeActor, klantcontact.Actor.SoortActor);
        Assert.Equal("ivr-gateway-1", klantcontact.Actor.Identificator);
        var taak = Assert.Single(ivr.Recorder.InterneTaken);
        Assert.Equal(SoortTaak.WachtrijTaak, taak.Soort);
        Assert.Equal(klantcontact.Uuid, taak.KlantcontactUuid);
        Assert.Equal("burgerzaken", taak.Wachtrij);
        Assert.Empty(taak.Terugbelnummer);
        ivr.AssertNoErrors();
    }

    [Fact]
    public async Task HandleAsync_AnyCall_RecordsKlantcontactThenItsTaakWithIdsTimesAndJourney()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Silence, CallInput.Press('1'));

        await ivr.RunAsync(call);

        Assert.IsType<Klantcontact>(ivr.Recorder.Appended[0]);
        Assert.IsType<InterneTaak>(ivr.Recorder.Appended[1]);
        var klantcontact = ivr.SingleKlantcontact;
        Assert.Equal(7, Guid.Parse(klantcontact.Uuid).Version);
        Assert.Equal(7, Guid.Parse(klantcontact.JourneyId).Version);
        Assert.NotEqual(klantcontact.Uuid, klantcontact.JourneyId);
        Assert.Equal(IvrHarness.OpenInstant, klantcontact.PlaatsgevondenOp.ToDateTimeOffset());
        Assert.Equal(IvrHarness.OpenInstant.AddSeconds(5), klantcontact.BeeindigdOp.ToDateTimeOffset());
        Assert.Equal("nld", klantcontact.Taal);
    }

    [Fact]
    public async Task HandleAsync_CallbackDigit_RecordsTerugbelverzoekWithE164Number()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(FakeCallSession.From("<sip:0612345678@127.0.0.1>;tag=a1"), CallInput.Press('9'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, outcome);
        Assert.Equal(["welkom", "menu", "terugbellen-bevestigd", "tot-ziens"], call.Played);
        var klantcontact = ivr.SingleKlantcontact;
        Assert.Equal("IVR: 9 terugbellen -> terugbelverzoek", klantcontact.Onderwerp);
        Assert.True(klantcontact.IndicatieContactGelukt);
        var klant = Assert.Single(klantcontact.Betrokkenen);
        Assert.Equal(BetrokkeneRol.Klant, klant.Rol);
        Assert.Equal(Identificatieniveau.Herkend, klant.Identificatieniveau);
        Assert.Equal(SoortDigitaalAdres.Telefoonnummer, klant.DigitaalAdres.Soort);
        Assert.Equal("+31612345678", klant.DigitaalAdres.Adres);
        Assert.False(klant.DigitaalAdres.Geverifieerd);
        var taak = Assert.Single(ivr.Recorder.InterneTaken);
        Assert.Equal(SoortTaak.Terugbelverzoek, taak.Soort);
        Assert.Equal("+31612345678", taak.Terugbelnummer);
        Assert.Equal(klantcontact.Uuid, taak.KlantcontactUuid);
        ivr.AssertNoErrors();
    }

    [Fact]
    public async Task HandleAsync_AnyOutcome_KeepsTheNumberOutOfOnderwerpAndInhoud()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Press('7'), CallInput.Press('9'));

        await ivr.RunAsync(call);

        var klantcontact = ivr.SingleKlantcontact;
        foreach (var text in new[] { klantcontact.Onderwerp, klantcontact.Inhoud, ivr.Recorder.InterneTaken[0].Toelichting })
        {
            Assert.DoesNotContain("612345678", text, StringComparison.Ordinal);
        }

        Assert.Contains("ongeldige keuze", klantcontact.Inhoud, StringComparison.Ordinal);
        Assert.DoesNotContain("7", klantcontact.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_OutsideOpeningHours_PlaysClosedAndRecordsCallback()
    {
        var ivr = new IvrHarness(now: IvrHarness.ClosedInstant);
        using var call = ivr.Call(CallInput.Press('9'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, outcome);
        Assert.Equal(["welkom", "gesloten", "terugbellen-aanbod", "terugbellen-bevestigd", "tot-ziens"], call.Played);
        Assert.Empty(call.Transfers);
        Assert.Equal("IVR: gesloten, 9 terugbellen -> terugbelverzoek", ivr.SingleKlantcontact.Onderwerp);
        Assert.Equal(SoortTaak.Terugbelverzoek, Assert.Single(ivr.Recorder.InterneTaken).Soort);
    }

    [Fact]
    public async Task HandleAsync_OutsideOpeningHoursAndOptionDigit_DoesNotTransfer()
    {
        var ivr = new IvrHarness(now: IvrHarness.ClosedInstant);
        using var call = ivr.Call(CallInput.Press('1'), CallInput.Press('1'), CallInput.Press('1'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Gesloten, outcome);
        Assert.Empty(call.Transfers);
        Assert.False(ivr.SingleKlantcontact.IndicatieContactGelukt);
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Fact]
    public async Task HandleAsync_InvalidThenValid_ReplaysMenuAfterInvalidPrompt()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Press('5'), CallInput.Press('1'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Doorverbonden, outcome);
        Assert.Equal(["welkom", "menu", "ongeldig", "menu", "doorverbinden"], call.Played);
        var inhoud = ivr.SingleKlantcontact.Inhoud;
        Assert.Contains("menu > ongeldige keuze > menu > 1 algemene_vraag", inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoInput_EndsPolitelyAfterMaxAttempts()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Silence, CallInput.Silence, CallInput.Silence, CallInput.Press('1'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.GeenKeuze, outcome);
        Assert.Equal(3, call.DigitReads);
        Assert.Equal(["welkom", "menu", "ongeldig", "menu", "ongeldig", "menu", "ongeldig", "tot-ziens"], call.Played);
        Assert.True(call.HungUpByUs);
        Assert.Empty(call.Transfers);
        var klantcontact = ivr.SingleKlantcontact;
        Assert.False(klantcontact.IndicatieContactGelukt);
        Assert.Equal("IVR: geen keuze -> geen geldige keuze", klantcontact.Onderwerp);
        Assert.Equal(IvrHarness.OpenInstant.AddSeconds(15), klantcontact.BeeindigdOp.ToDateTimeOffset());
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Fact]
    public async Task HandleAsync_Silence_WaitsForTheConfiguredTimeoutOnTheClock()
    {
        var configuration = IvrHarness.DefaultConfiguration();
        configuration.IvrMenu.InputTimeoutSeconds = 8;
        configuration.IvrMenu.MaxAttempts = 1;
        var ivr = new IvrHarness(configuration);
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:anonymous@anonymous.invalid"))
        {
            SilenceAdvance = null,
        };

        var running = ivr.RunAsync(call);
        await call.WaitingForDigit;
        ivr.Time.Advance(TimeSpan.FromSeconds(8) - TimeSpan.FromMilliseconds(1));
        Assert.False(running.IsCompleted);
        ivr.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(CallOutcome.GeenKeuze, await running);
    }

    [Fact]
    public async Task HandleAsync_CallerHangsUpMidMenu_RecordsOneFailedKlantcontact()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Press('5'), CallInput.HangUp);

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Opgehangen, outcome);
        Assert.False(call.HungUpByUs);
        var klantcontact = ivr.SingleKlantcontact;
        Assert.False(klantcontact.IndicatieContactGelukt);
        Assert.Equal("IVR: geen keuze -> opgehangen", klantcontact.Onderwerp);
        Assert.Equal(Identificatieniveau.Herkend, klantcontact.Betrokkenen[0].Identificatieniveau);
        Assert.Empty(ivr.Recorder.InterneTaken);
        ivr.AssertNoErrors();
    }

    [Fact]
    public async Task HandleAsync_CallerHangsUpDuringWelcome_RecordsOneFailedKlantcontact()
    {
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0612345678@127.0.0.1"))
        {
            HangUpDuringPrompt = "welkom",
        };

        Assert.Equal(CallOutcome.Opgehangen, await ivr.RunAsync(call));
        Assert.False(ivr.SingleKlantcontact.IndicatieContactGelukt);
    }

    [Fact]
    public async Task HandleAsync_CallerHangsUpDuringCallbackConfirmation_KeepsTheOneRecordedCallback()
    {
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0612345678@127.0.0.1"), CallInput.Press('9'))
        {
            HangUpDuringPrompt = "terugbellen-bevestigd",
        };

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, await ivr.RunAsync(call));
        Assert.True(ivr.SingleKlantcontact.IndicatieContactGelukt);
        Assert.Single(ivr.Recorder.InterneTaken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandleAsync_NeverAnswered_RecordsOneFailedKlantcontact(bool ackMissing)
    {
        var answer = ackMissing ? AnswerResult.NoAck : AnswerResult.CancelledWhileRinging;
        var expected = ackMissing ? CallOutcome.GeenBevestiging : CallOutcome.NietOpgenomen;
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0612345678@127.0.0.1"))
        {
            AnswerResult = answer,
        };

        Assert.Equal(expected, await ivr.RunAsync(call));
        Assert.Empty(call.Played);
        Assert.False(ivr.SingleKlantcontact.IndicatieContactGelukt);
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Theory]
    [InlineData("sip:anonymous@anonymous.invalid", false)]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=x", false)]
    [InlineData("sip:0612345678@127.0.0.1", true)]
    public async Task HandleAsync_AnonymousOrWithheldCaller_RecordsAnoniemWithoutCallback(string from, bool privacy)
    {
        var ivr = new IvrHarness(now: IvrHarness.ClosedInstant);
        using var call = ivr.Call(FakeCallSession.From(from, privacy: privacy), CallInput.Press('9'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Gesloten, outcome);
        Assert.Equal(["welkom", "gesloten", "terugbellen-onmogelijk", "tot-ziens"], call.Played);
        Assert.Equal(0, call.DigitReads);
        var klant = Assert.Single(ivr.SingleKlantcontact.Betrokkenen);
        Assert.Equal(Identificatieniveau.Anoniem, klant.Identificatieniveau);
        Assert.Null(klant.DigitaalAdres);
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Fact]
    public async Task HandleAsync_AnonymousCallerPressesCallbackDigit_ExplainsAndOffersTheMenuAgain()
    {
        var ivr = new IvrHarness();
        var anonymous = FakeCallSession.From("sip:anonymous@anonymous.invalid");
        using var call = ivr.Call(anonymous, CallInput.Press('9'), CallInput.Press('1'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.Doorverbonden, outcome);
        Assert.Equal(["welkom", "menu", "terugbellen-onmogelijk", "menu", "doorverbinden"], call.Played);
        Assert.Equal(Identificatieniveau.Anoniem, ivr.SingleKlantcontact.Betrokkenen[0].Identificatieniveau);
    }

    [Fact]
    public async Task HandleAsync_TransferFails_LeavesCallbackForTheOptionsQueue()
    {
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0201234567@127.0.0.1"), CallInput.Press('1'))
        {
            TransferResult = TransferResult.Failed,
        };

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, outcome);
        Assert.Equal(["welkom", "menu", "doorverbinden", "terugbellen-bevestigd", "tot-ziens"], call.Played);
        var taak = Assert.Single(ivr.Recorder.InterneTaken);
        Assert.Equal(SoortTaak.Terugbelverzoek, taak.Soort);
        Assert.Equal("burgerzaken", taak.Wachtrij);
        Assert.Equal(Dienstverleningstype.AlgemeneVraag, taak.Dienstverleningstype);
        Assert.Equal("+31201234567", taak.Terugbelnummer);
        Assert.Contains("doorverbinden mislukt", ivr.SingleKlantcontact.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_OptionWithoutTransferUri_LeavesCallbackForItsQueue()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(CallInput.Press('2'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, outcome);
        Assert.Empty(call.Transfers);
        Assert.Equal("IVR: 2 maken_afspraak -> terugbelverzoek", ivr.SingleKlantcontact.Onderwerp);
        Assert.Equal(Dienstverleningstype.MakenAfspraak, ivr.SingleKlantcontact.Dienstverleningstype);
        var taak = Assert.Single(ivr.Recorder.InterneTaken);
        Assert.Equal("afspraken", taak.Wachtrij);
        Assert.Equal(SoortTaak.Terugbelverzoek, taak.Soort);
    }

    [Fact]
    public async Task HandleAsync_AnonymousCallerOptionWithoutTransferUri_EndsWithoutTaak()
    {
        var ivr = new IvrHarness();
        using var call = ivr.Call(FakeCallSession.From("sip:anonymous@anonymous.invalid"), CallInput.Press('2'));

        Assert.Equal(CallOutcome.GeenTerugbelnummer, await ivr.RunAsync(call));
        Assert.Equal(["welkom", "menu", "terugbellen-onmogelijk", "tot-ziens"], call.Played);
        Assert.False(ivr.SingleKlantcontact.IndicatieContactGelukt);
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Fact]
    public async Task HandleAsync_CallerHangsUpDuringTransfer_RecordsOpgehangen()
    {
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0612345678@127.0.0.1"), CallInput.Press('1'))
        {
            TransferResult = TransferResult.CallerHungUp,
        };

        Assert.Equal(CallOutcome.Opgehangen, await ivr.RunAsync(call));
        Assert.Equal("IVR: 1 algemene_vraag -> opgehangen", ivr.SingleKlantcontact.Onderwerp);
        Assert.Empty(ivr.Recorder.InterneTaken);
    }

    [Fact]
    public async Task HandleAsync_NoConfigurationEverReceived_OffersOnlyTheCallback()
    {
        var ivr = new IvrHarness();
        ivr.Configuration.Current = null;
        using var call = ivr.Call(CallInput.Press('1'), CallInput.Press('9'));

        var outcome = await ivr.RunAsync(call);

        Assert.Equal(CallOutcome.TerugbelverzoekGenoteerd, outcome);
        Assert.Equal(
            ["welkom", "terugbellen-aanbod", "ongeldig", "terugbellen-aanbod", "terugbellen-bevestigd", "tot-ziens"],
            call.Played);
        Assert.Empty(call.Transfers);
        var taak = Assert.Single(ivr.Recorder.InterneTaken);
        Assert.Empty(taak.Wachtrij);
    }

    [Fact]
    public async Task HandleAsync_OutboxFull_NeverConfirmsTheCallbackAndLogsTheFault()
    {
        var ivr = new IvrHarness();
        ivr.Recorder.Refusal = new OutboxFullException();
        using var call = ivr.Call(CallInput.Press('9'));

        await ivr.RunAsync(call);

        Assert.DoesNotContain("terugbellen-bevestigd", call.Played);
        Assert.Equal("tot-ziens", call.Played[^1]);
        Assert.Contains(ivr.Logs.Lines, line => line.EventId.Id == 5301);
    }

    [Fact]
    public async Task HandleAsync_UuidConflict_NeverConfirmsTheCallbackAndLogsTheFault()
    {
        var ivr = new IvrHarness();
        ivr.Recorder.Refusal = new RecordConflictException();
        using var call = ivr.Call(CallInput.Press('9'));

        await ivr.RunAsync(call);

        Assert.DoesNotContain("terugbellen-bevestigd", call.Played);
        Assert.Equal("tot-ziens", call.Played[^1]);
        Assert.Contains(ivr.Logs.Lines, line => line.EventId.Id == 5304);
    }

    [Fact]
    public async Task HandleAsync_HostStopping_StillRecordsTheCall()
    {
        var ivr = new IvrHarness();
        using var call = new FakeCallSession(ivr.Time, FakeCallSession.From("sip:0612345678@127.0.0.1"))
        {
            SilenceAdvance = null,
        };
        using var stopping = new CancellationTokenSource();

        var running = ivr.Handler.HandleAsync(call, stopping.Token);
        await call.WaitingForDigit;
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("IVR: geen keuze -> afgebroken", ivr.SingleKlantcontact.Onderwerp);
        Assert.True(call.HungUpByUs);
    }

    [Fact]
    public async Task HandleAsync_ConfiguredPromptWithUnsafeName_PlaysTheEdgeDefault()
    {
        var configuration = IvrHarness.DefaultConfiguration();
        configuration.IvrMenu.WelcomePrompt = "../../etc/passwd";
        configuration.IvrMenu.MenuPrompt = "bestaat-niet";
        var ivr = new IvrHarness(configuration);
        using var call = ivr.Call(CallInput.Press('1'));

        await ivr.RunAsync(call);

        Assert.Equal(["welkom", "menu", "doorverbinden"], call.Played);
        Assert.Equal(2, ivr.Logs.Lines.Count(line => line.EventId.Id == 5200));
    }
}
