using System.Net;
using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Sdp;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>Cases P6, P7 and P10 (in-dialog parts) over real UDP sockets on 127.0.0.1.</summary>
public sealed class SipEndpointDialogTests
{
    [Fact]
    public async Task HangUp_AfterInviteWithTwoRecordRoutes_ByeUsesContactRoutesInOrderSwappedTagsOwnCSeq()
    {
        await using var h = await EndpointHarness.StartAsync();
        var routes = "Record-Route: <sip:127.0.0.1:" + h.Peer.Port + ";lr;x=1>\r\nRecord-Route: <sip:192.0.2.7;lr>\r\n";
        var invite = SipText.Invite(h.Port, h.Peer.Port, "p6-a", cseq: 314, extraHeaders: routes);
        var (call, ok) = await h.EstablishAsync("p6-a", invite);

        Assert.Equal(2, ok.GetAll(HeaderNames.RecordRoute).Count());
        Assert.Equal(CallActionResult.Succeeded, await call.HangUpAsync());
        var bye = h.Peer.ReceiveRequest("BYE");

        Assert.Equal("sip:" + SipText.CallerNumber + "@127.0.0.1:" + h.Peer.Port, bye.RequestUri);
        Assert.Equal(["<sip:127.0.0.1:" + h.Peer.Port + ";lr;x=1>", "<sip:192.0.2.7;lr>"], bye.GetAll(HeaderNames.Route));
        Assert.Equal(SipFields.To(ok)?.Tag, SipFields.From(bye)?.Tag);
        Assert.Equal("caller1", SipFields.To(bye)?.Tag);
        Assert.Equal("p6-a", bye.CallId);
        var cseq = SipFields.CSeq(bye);
        Assert.Equal("BYE", cseq.Method);
        Assert.NotEqual(315, cseq.Number);
        Assert.Equal(new CallEnded(CallEndReason.LocalHangUp), await EndpointHarness.NextEventAsync(call));

        // Retransmitted until answered (Timer E), then quiet.
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        var again = h.Peer.ReceiveRequest("BYE");
        h.Send(SipText.Response(again, 200, "OK"));
        h.Sync();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(h.Peer.TryReceive(200));
    }

    [Fact]
    public async Task HangUp_SecondCallWithoutRecordRoute_HasNoRoutesFromTheFirst()
    {
        await using var h = await EndpointHarness.StartAsync();
        var routes = "Record-Route: <sip:127.0.0.1:" + h.Peer.Port + ";lr>\r\n";
        var (first, _) = await h.EstablishAsync("p6-b1", SipText.Invite(h.Port, h.Peer.Port, "p6-b1", extraHeaders: routes));
        await first.HangUpAsync();
        h.Send(SipText.Response(h.Peer.ReceiveRequest("BYE"), 200, "OK"));

        var secondInvite = SipText.Invite(h.Port, h.Peer.Port, "p6-b2", branch: "z9hG4bK-inv2", fromTag: "c2");
        var (second, ok) = await h.EstablishAsync("p6-b2", secondInvite);
        await second.HangUpAsync();
        var bye = h.Peer.ReceiveRequest("BYE");

        Assert.Empty(bye.GetAll(HeaderNames.Route));
        Assert.Equal("p6-b2", bye.CallId);
        Assert.Equal("c2", SipFields.To(bye)?.Tag);
        Assert.Equal(SipFields.To(ok)?.Tag, SipFields.From(bye)?.Tag);
    }

    [Fact]
    public async Task ReInvite_WithoutSdp_200WithOurOfferAndAnswerInAckChangesMedia()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("p7-a");

        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-re1"));
        var reOk = h.Peer.ReceiveStatus(200);
        var offer = SdpDescription.Parse(Encoding.UTF8.GetString(reOk.Body));
        Assert.NotNull(offer);
        Assert.Equal(40000, offer.Media[0].Port);
        var answer = SipText.Sdp(31000, "m=audio {0} RTP/AVP 0\r\n");
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port, cseq: 2, body: answer, branch: "z9hG4bK-ack2"));

        var changed = Assert.IsType<MediaChanged>(await EndpointHarness.NextEventAsync(call));
        Assert.Equal(31000, changed.Media.RemoteEndPoint?.Port);
        Assert.Equal(CallAudioCodec.Pcmu, changed.Codec);
    }

    [Fact]
    public async Task ReInvite_SendOnlyHold_AnswersRecvOnlyAndCallStays()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("p7-b");

        var hold = SipText.Sdp(30000, "m=audio {0} RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n");
        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-re2", hold, "application/sdp"));
        var reOk = h.Peer.ReceiveStatus(200);
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port, cseq: 2, branch: "z9hG4bK-ack2"));
        h.Sync();

        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(reOk.Body), StringComparison.Ordinal);
        var changed = Assert.IsType<MediaChanged>(await EndpointHarness.NextEventAsync(call));
        Assert.Equal(CallMediaDirection.ReceiveOnly, changed.Media.Direction);

        // No RTP arrives while on hold; the call must still be up long after.
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, h.Endpoint.ActiveCalls);
        Assert.False(call.Events.TryRead(out _));
    }

    [Fact]
    public async Task ReInvite_VideoPortZeroNextToAudio_VideoRejectedAudioKept()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ok) = await h.EstablishAsync("p7-c");

        var sdp = SipText.Sdp(30002, "m=audio {0} RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n");
        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-re3", sdp, "application/sdp"));
        var answer = SdpDescription.Parse(Encoding.UTF8.GetString(h.Peer.ReceiveStatus(200).Body))!;

        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(40000, answer.Media[0].Port);
        Assert.Equal(0, answer.Media[1].Port);
    }

    [Fact]
    public async Task Invite_VideoNextToAudio_AnswerRejectsVideo()
    {
        await using var h = await EndpointHarness.StartAsync();
        var sdp = SipText.Sdp(30002, "m=video 30004 RTP/AVP 31\r\nm=audio {0} RTP/AVP 8\r\n");

        var (call, ok) = await h.EstablishAsync("p7-d", SipText.Invite(h.Port, h.Peer.Port, "p7-d", body: sdp));
        var answer = SdpDescription.Parse(Encoding.UTF8.GetString(ok.Body))!;

        Assert.Equal("video", answer.Media[0].Media);
        Assert.Equal(0, answer.Media[0].Port);
        Assert.Equal(40000, answer.Media[1].Port);
        Assert.Equal(["8"], answer.Media[1].Formats);
        Assert.Equal([CallAudioCodec.Pcma], call.Offer.Codecs);
    }

    [Fact]
    public async Task ReInvite_LowerCSeq_500AndCallStays()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ok) = await h.EstablishAsync("p7-e", SipText.Invite(h.Port, h.Peer.Port, "p7-e", cseq: 10));

        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 5, "z9hG4bK-re4", SipText.Sdp(), "application/sdp"));

        Assert.Equal(500, h.Peer.Receive().StatusCode);
        Assert.Equal(1, h.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task ReInvite_BeforeAckOfPrevious_491()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("p7-f");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = h.Peer.ReceiveStatus(200);

        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-re5", SipText.Sdp(), "application/sdp"));

        Assert.Equal(491, h.Peer.ReceiveStatus(491).StatusCode);
    }

    [Fact]
    public async Task Options_InDialog_200WithoutEchoingSdp()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ok) = await h.EstablishAsync("p10-a");

        h.Send(SipText.InDialog("OPTIONS", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-opt", SipText.Sdp(), "application/sdp"));
        var response = h.Peer.Receive();

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Body);
        Assert.Null(response.Get(HeaderNames.ContentType));
        Assert.NotNull(response.Get(HeaderNames.Allow));
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5')]
    [InlineData("application/dtmf-relay", "Signal= #\r\n", '#')]
    [InlineData("application/dtmf-relay", "signal=11\r\n", '#')]
    [InlineData("application/dtmf", "7", '7')]
    public async Task Info_DtmfRelay_200AndDigitSurfaced(string type, string body, char digit)
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("p10-b");

        h.Send(SipText.InDialog("INFO", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-info", body, type));

        Assert.Equal(200, h.Peer.Receive().StatusCode);
        Assert.Equal(new DigitReceived(digit), await EndpointHarness.NextEventAsync(call));
    }

    [Fact]
    public async Task Info_UnknownContentType_415WithAccept()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ok) = await h.EstablishAsync("p10-c");

        h.Send(SipText.InDialog("INFO", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-info", "x", "text/plain"));
        var response = h.Peer.Receive();

        Assert.Equal(415, response.StatusCode);
        Assert.Contains("application/dtmf-relay", response.GetAll(HeaderNames.Accept));
    }

    [Fact]
    public async Task Bye_UnknownDialog_481()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ok) = await h.EstablishAsync("p-481");

        h.Send(SipText.InDialog("BYE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-bye", extraHeaders: string.Empty)
            .Replace("Call-ID: p-481", "Call-ID: other", StringComparison.Ordinal));

        Assert.Equal(481, h.Peer.Receive().StatusCode);
    }

    [Fact]
    public async Task Transfer_ReferAcceptedThenNotify200_Succeeded()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("p-refer");

        var transfer = call.TransferAsync("sip:balie@127.0.0.1");
        var refer = h.Peer.ReceiveRequest("REFER");
        Assert.Equal("<sip:balie@127.0.0.1>", refer.Get(HeaderNames.ReferTo));
        Assert.NotNull(refer.Get(HeaderNames.Contact));
        h.Send(SipText.Response(refer, 202, "Accepted"));
        h.Send(Notify(h, ok, 2, "active;expires=60", "SIP/2.0 100 Trying"));
        Assert.Equal(200, h.Peer.Receive().StatusCode);
        Assert.False(transfer.IsCompleted);
        h.Send(Notify(h, ok, 3, "terminated;reason=noresource", "SIP/2.0 200 OK"));
        Assert.Equal(200, h.Peer.Receive().StatusCode);

        Assert.Equal(new TransferResult(TransferOutcome.Succeeded, 200), await transfer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Transfer_Notify486_Failed()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("p-refer2");

        var transfer = call.TransferAsync("sip:balie@127.0.0.1");
        h.Send(SipText.Response(h.Peer.ReceiveRequest("REFER"), 202, "Accepted"));
        h.Send(Notify(h, ok, 2, "terminated", "SIP/2.0 486 Busy Here"));

        Assert.Equal(new TransferResult(TransferOutcome.Failed, 486), await transfer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Transfer_ReferRejected_FailedWithStatus()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.EstablishAsync("p-refer3");

        var transfer = call.TransferAsync("sip:balie@127.0.0.1");
        h.Send(SipText.Response(h.Peer.ReceiveRequest("REFER"), 603, "Decline"));

        Assert.Equal(new TransferResult(TransferOutcome.Failed, 603), await transfer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Transfer_NoFinalNotify_TimesOut()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TransferTimeout = TimeSpan.FromSeconds(10) });
        var (call, _) = await h.EstablishAsync("p-refer4");

        var transfer = call.TransferAsync("sip:balie@127.0.0.1");
        h.Send(SipText.Response(h.Peer.ReceiveRequest("REFER"), 202, "Accepted"));
        h.Sync();
        h.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(TransferOutcome.TimedOut, (await transfer.WaitAsync(TimeSpan.FromSeconds(5))).Outcome);
    }

    private static string Notify(EndpointHarness h, SipMessage ok, int cseq, string state, string fragment) =>
        SipText.InDialog("NOTIFY", ok, h.Port, h.Peer.Port, cseq, "z9hG4bK-notify" + cseq, fragment + "\r\n", "message/sipfrag",
            "Event: refer\r\nSubscription-State: " + state + "\r\n");
}
