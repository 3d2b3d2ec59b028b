using System.Net;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>Cases P3, P4 and P5 over real UDP sockets on 127.0.0.1 with a fake clock.</summary>
public sealed class SipEndpointInviteTests
{
    [Fact]
    public async Task Invite_Received_Sends100ThenRingingWithTagAndOffersCall()
    {
        await using var h = await EndpointHarness.StartAsync();

        var (call, ringing) = await h.RingAsync("p3-a");

        Assert.NotNull(SipFields.To(ringing)?.Tag);
        Assert.Equal(SipText.CallerNumber, call.Caller.User);
        Assert.False(call.Caller.IsAnonymous);
        Assert.Equal(101, call.Offer.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000), call.Offer.RemoteEndPoint);
    }

    [Theory]
    [InlineData(96)]
    [InlineData(101)]
    [InlineData(110)]
    public async Task Accept_TelephoneEventOnCallersPayload_AnswerUsesThatNumber(int pt)
    {
        await using var h = await EndpointHarness.StartAsync();
        var sdp = SipText.Sdp(30000, "m=audio {0} RTP/AVP 8 " + pt + "\r\na=rtpmap:" + pt + " telephone-event/8000\r\n");

        var (call, ok) = await h.EstablishAsync("p2-" + pt, SipText.Invite(h.Port, h.Peer.Port, "p2-" + pt, body: sdp));
        var answer = System.Text.Encoding.UTF8.GetString(ok.Body);

        Assert.Equal(pt, call.Offer.TelephoneEventPayloadType);
        Assert.Contains("m=audio 40000 RTP/AVP 8 " + pt + "\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:" + pt + " telephone-event/8000", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteRetransmission_WhileRinging_ResendsLastProvisionalAndNoSecondCall()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (_, ringing) = await h.RingAsync("p3-b");

        h.Send(SipText.Invite(h.Port, h.Peer.Port, "p3-b"));
        var again = h.Peer.Receive();

        Assert.Equal(180, again.StatusCode);
        Assert.Equal(SipFields.To(ringing)?.Tag, SipFields.To(again)?.Tag);
        Assert.False(h.Endpoint.IncomingCalls.TryRead(out _));
        Assert.Equal(1, h.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task Accepted_AckNeverArrives_Retransmits200DoublingToT2ThenByeAndNoAck()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("p4");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        Assert.Equal(200, h.Peer.Receive().StatusCode);

        // Expected retransmissions at 0.5, 1.5, 3.5, 7.5, 11.5, ... 31.5 s: intervals 0.5, 1, 2, 4, 4, ...
        var expected = new List<int> { 500, 1500, 3500, 7500 };
        for (var t = 11_500; t < 32_000; t += 4000)
        {
            expected.Add(t);
        }

        var seen = new List<int>();
        for (var ms = 100; ms <= 32_000; ms += 100)
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(100));
            var message = h.Peer.TryReceive(expected.Contains(ms) || ms == 32_000 ? 1000 : 2);
            if (message is { IsRequest: false, StatusCode: 200 })
            {
                seen.Add(ms);
            }
            else if (message?.Method == "BYE")
            {
                Assert.Equal(32_000, ms);
                break;
            }
        }

        Assert.Equal(expected, seen);
        var ended = await EndpointHarness.NextEventAsync(call);
        Assert.Equal(new CallEnded(CallEndReason.NoAck), ended);
    }

    [Fact]
    public async Task Cancel_WhileRinging_200ToCancelAnd487WithSameTag()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ringing) = await h.RingAsync("p5-a");

        h.Send(Cancel(h, "p5-a", "z9hG4bK-inv1"));
        var first = h.Peer.Receive();
        var second = h.Peer.Receive();
        var responses = new[] { first, second };

        var cancelOk = Assert.Single(responses, r => SipFields.CSeq(r).Method == "CANCEL");
        var terminated = Assert.Single(responses, r => SipFields.CSeq(r).Method == "INVITE");
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal(SipFields.To(ringing)?.Tag, SipFields.To(terminated)?.Tag);
        Assert.Equal(SipFields.To(ringing)?.Tag, SipFields.To(cancelOk)?.Tag);
        Assert.Equal(new CallEnded(CallEndReason.Cancelled), await EndpointHarness.NextEventAsync(call));
        Assert.Equal(CallActionResult.CallEnded, await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu));
    }

    [Fact]
    public async Task Cancel_AfterOur200_200ToCancelAndCallStaysUpUntilBye()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("p5-b");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = h.Peer.ReceiveStatus(200);

        h.Send(Cancel(h, "p5-b", "z9hG4bK-inv1"));
        var cancelOk = h.Peer.ReceiveStatus(200);
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port));

        Assert.Equal("CANCEL", SipFields.CSeq(cancelOk).Method);
        Assert.Equal(1, h.Endpoint.ActiveCalls);
        Assert.False(call.Events.TryRead(out _));

        h.Send(SipText.InDialog("BYE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-bye1"));
        Assert.Equal("BYE", SipFields.CSeq(h.Peer.ReceiveStatus(200)).Method);
        Assert.Equal(new CallEnded(CallEndReason.RemoteHangUp), await EndpointHarness.NextEventAsync(call));
    }

    [Fact]
    public async Task Cancel_UnknownBranch_481()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Cancel(h, "p5-c", "z9hG4bK-nothing"));

        Assert.Equal(481, h.Peer.Receive().StatusCode);
    }

    private static string Cancel(EndpointHarness h, string callId, string branch) =>
        "CANCEL sip:ivr@127.0.0.1:" + h.Port + " SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=" + branch + ";rport\r\n" +
        "Max-Forwards: 70\r\nFrom: \"Jan\" <sip:" + SipText.CallerNumber + "@127.0.0.1>;tag=caller1\r\n" +
        "To: <sip:ivr@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n";
}
