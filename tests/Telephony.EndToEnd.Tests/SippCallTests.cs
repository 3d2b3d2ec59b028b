using Omni.Contracts.V1;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// sipp (Debian sip-tester) calls the built gateway (Edge.Host with the telephony role) on 127.0.0.1, and Central's
/// register shows what the IVR made of each call, exactly once.
/// </summary>
public sealed class SippCallTests
{
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Uac_Pcmu_AnsweredAndRecordedOnce(string transport)
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms);

        var run = await Sipp.RunAsync(
            "uac", cluster.SipPort, cluster.Folder.Path, ["-t", transport, "-d", "1000"], TimeSpan.FromSeconds(30));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.Equal(TelephonyCluster.DeviceId, contact.Actor.Identificator);
        Assert.Contains("opgehangen", contact.Onderwerp, StringComparison.Ordinal);
        PersonalData.AssertClean(cluster);
    }

    [Fact]
    public async Task UacPcap_PcmaWithRfc2833Digit1_MenuPathShowsAlgemeneVraag()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms);
        var folder = SippPcapFolder.Create(cluster.Folder.Path);

        var run = await Sipp.RunAsync("uac_pcap", cluster.SipPort, folder, [], TimeSpan.FromSeconds(60));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.Equal(Dienstverleningstype.AlgemeneVraag, contact.Dienstverleningstype);
        Assert.Contains("1 algemene_vraag", contact.Inhoud, StringComparison.Ordinal);
        PersonalData.AssertClean(cluster);
    }

    [Fact]
    public async Task CallerWithNumber_Digit1TypedAheadDuringWelcome_CallbackAndFollowUpAtCentral()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms);
        var folder = SippPcapFolder.Create(cluster.Folder.Path);

        var run = await Sipp.RunAsync("caller-presses-1.xml", cluster.SipPort, folder, [], TimeSpan.FromSeconds(60));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.Equal(Dienstverleningstype.AlgemeneVraag, contact.Dienstverleningstype);
        Assert.Contains("terugbelverzoek", contact.Onderwerp, StringComparison.Ordinal);
        Assert.True(contact.IndicatieContactGelukt);
        var followUp = Assert.Single(await cluster.WaitForFollowUpsAsync(contact.Uuid, ArrivalLimit));
        Assert.Equal((int)SoortTaak.Terugbelverzoek, followUp.Soort);
        Assert.Equal("kcc-algemeen", followUp.Wachtrij);
        PersonalData.AssertClean(cluster);
    }

    [Fact]
    public async Task SilentCaller_MenuGivesUpAfterMaxAttempts_GatewaySendsByeAndRecordsNoChoice()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms);

        var run = await Sipp.RunAsync(
            "hold-on-silently.xml", cluster.SipPort, cluster.Folder.Path, [], TimeSpan.FromSeconds(90));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.Contains("geen geldige keuze", contact.Inhoud, StringComparison.Ordinal);
        Assert.Equal(GatewayConfiguration.MaxAttempts, CountOf(contact.Inhoud, "geen invoer"));
        PersonalData.AssertClean(cluster);
    }

    [Fact]
    public async Task CancelWhileRinging_487AndRecordedAsNotAnsweredOnce()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(
            PersonalData.CallerNumberForms, "--Telephony:RingTime=00:00:02");

        var run = await Sipp.RunAsync(
            "cancel-while-ringing.xml", cluster.SipPort, cluster.Folder.Path, [], TimeSpan.FromSeconds(30));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.False(contact.IndicatieContactGelukt);
        Assert.Contains("opgehangen tijdens overgaan", contact.Inhoud, StringComparison.Ordinal);
        PersonalData.AssertClean(cluster);
    }

    // The one slow test: 64*T1 = 32 s of real time, because the gateway runs as its own process on the real clock.
    [Fact]
    public async Task AckNeverComes_ByeAfter64T1AndRecordedAsUnconfirmedOnce()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms);

        var run = await Sipp.RunAsync("never-ack.xml", cluster.SipPort, cluster.Folder.Path, [], TimeSpan.FromSeconds(60));

        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        var contact = Assert.Single(await cluster.WaitForContactsAsync(1, ArrivalLimit));
        Assert.False(contact.IndicatieContactGelukt);
        Assert.Contains("verbinding niet bevestigd", contact.Inhoud, StringComparison.Ordinal);
        PersonalData.AssertClean(cluster);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
