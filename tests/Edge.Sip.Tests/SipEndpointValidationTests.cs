using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>Requests refused with the right status (RFC 3261 §8.2), response routing (P8), ICMP (P10), identity.</summary>
public sealed class SipEndpointValidationTests
{
    private static string Request(EndpointHarness h, string method, string extra = "", string callId = "v-1", string branch = "z9hG4bK-v1",
        string version = "SIP/2.0", string to = "<sip:ivr@127.0.0.1>", string body = "") =>
        method + " sip:ivr@127.0.0.1:" + h.Port + " " + version + "\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=" + branch + ";rport\r\n" +
        "From: <sip:" + SipText.CallerNumber + "@127.0.0.1>;tag=f1\r\nTo: " + to + "\r\nCall-ID: " + callId + "\r\n" +
        "CSeq: 1 " + method + "\r\nContact: <sip:c@127.0.0.1:" + h.Peer.Port + ">\r\n" + extra +
        "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body;

    [Fact]
    public async Task Options_OutsideDialog_200WithAllowAcceptSupported()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "OPTIONS"));
        var response = h.Peer.Receive();

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Get(HeaderNames.Allow), StringComparison.Ordinal);
        Assert.Contains("application/sdp", response.GetAll(HeaderNames.Accept));
        Assert.Contains(response.Headers, x => x.Name == HeaderNames.Supported);
    }

    [Theory]
    [InlineData("SUBSCRIBE")]
    [InlineData("REGISTER")]
    [InlineData("REFER")]
    public async Task KnownMethodWeDoNotTake_405WithAllow(string method)
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, method));
        var response = h.Peer.Receive();

        Assert.Equal(405, response.StatusCode);
        Assert.NotNull(response.Get(HeaderNames.Allow));
    }

    [Theory]
    [InlineData("NEWMETHOD")]
    [InlineData("options")]
    public async Task UnrecognisedMethod_501WithAllow(string method)
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, method));
        var response = h.Peer.Receive();

        Assert.Equal(501, response.StatusCode);
        Assert.NotNull(response.Get(HeaderNames.Allow));
    }

    [Fact]
    public async Task Invite_NonSdpBody_415WithAccept()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "INVITE", "Content-Type: text/plain\r\n", body: "hello"));
        var response = h.Peer.Receive();

        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/sdp", response.Get(HeaderNames.Accept));
    }

    [Fact]
    public async Task Invite_RequireUnknownExtension_420WithUnsupported()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "INVITE", "Require: 100rel, nonsense\r\n"));
        var response = h.Peer.Receive();

        Assert.Equal(420, response.StatusCode);
        Assert.Equal(["100rel", "nonsense"], response.GetAll(HeaderNames.Unsupported));
    }

    [Fact]
    public async Task Request_MaxForwardsZero_483()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "INVITE", "Max-Forwards: 0\r\n"));

        Assert.Equal(483, h.Peer.Receive().StatusCode);
    }

    [Fact]
    public async Task Invite_MergedRequestOtherBranch_482()
    {
        await using var h = await EndpointHarness.StartAsync();
        await h.RingAsync("merge");

        h.Send(SipText.Invite(h.Port, h.Peer.Port, "merge", branch: "z9hG4bK-other"));

        Assert.Equal(482, h.Peer.ReceiveStatus(482).StatusCode);
        Assert.Equal(1, h.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task Invite_AtCapacity_503WithRetryAfter()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { MaxConcurrentCalls = 1, RetryAfterSeconds = 17 });
        await h.RingAsync("cap-1");

        h.Send(SipText.Invite(h.Port, h.Peer.Port, "cap-2", branch: "z9hG4bK-cap2", fromTag: "x2"));
        var response = h.Peer.ReceiveStatus(503);

        Assert.Equal("17", response.Get(HeaderNames.RetryAfter));
    }

    [Fact]
    public async Task Invite_NoCommonCodec_488()
    {
        await using var h = await EndpointHarness.StartAsync();
        var sdp = SipText.Sdp(30000, "m=audio {0} RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n");

        h.Send(SipText.Invite(h.Port, h.Peer.Port, "codec", body: sdp));

        Assert.Equal(488, h.Peer.Receive().StatusCode);
        Assert.Equal(0, h.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task Request_OtherSipVersion_505()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "OPTIONS", version: "SIP/7.0").Replace("SIP/2.0/UDP", "SIP/2.0/UDP", StringComparison.Ordinal));

        Assert.Equal(505, h.Peer.Receive().StatusCode);
    }

    [Theory]
    [InlineData("CSeq: 1 OPTIONS\r\n", "CSeq: 1 INVITE\r\n")]
    [InlineData("Content-Length: 0", "Content-Length: 50")]
    [InlineData("To: <sip:ivr@127.0.0.1>", "To: <sip:ivr@127.0.0.1")]
    [InlineData("CSeq: 1 OPTIONS\r\n", "CSeq: 99999999999 OPTIONS\r\n")]
    public async Task Request_Malformed_400WithReason(string find, string replace)
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "OPTIONS").Replace(find, replace, StringComparison.Ordinal));
        var response = h.Peer.Receive();

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("Bad Request - ", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_MissingCallId_DroppedThenLoopStillAnswers()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "OPTIONS").Replace("Call-ID: v-1\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Null(h.Peer.TryReceive(300));

        h.Send(Request(h, "OPTIONS"));
        Assert.Equal(200, h.Peer.Receive().StatusCode);
    }

    [Fact]
    public async Task Response_TopViaWithRport_SentToSourceWithReceivedAndRport()
    {
        await using var h = await EndpointHarness.StartAsync();

        h.Send(Request(h, "OPTIONS").Replace("127.0.0.1:" + h.Peer.Port + ";branch", "192.0.2.1:5999;branch", StringComparison.Ordinal));
        var response = h.Peer.Receive();

        Assert.True(ViaValue.TryParse(response.Get(HeaderNames.Via), out var via));
        Assert.Equal("127.0.0.1", via.Parameter("received"));
        Assert.Equal(h.Peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), via.Parameter("rport"));
    }

    [Fact]
    public async Task Response_NoRportOtherAddress_SentToReceivedAndSentByPort()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var other = new SipPeer();
        var text = Request(h, "OPTIONS").Replace("127.0.0.1:" + h.Peer.Port + ";branch=z9hG4bK-v1;rport",
            "192.0.2.1:" + other.Port + ";branch=z9hG4bK-v1", StringComparison.Ordinal);

        h.Send(text);
        var response = other.Receive();

        Assert.True(ViaValue.TryParse(response.Get(HeaderNames.Via), out var via));
        Assert.Equal("127.0.0.1", via.Parameter("received"));
        Assert.False(via.HasRport);
        Assert.Null(h.Peer.TryReceive(200));
    }

    [Fact]
    public async Task Response_SeveralViaInCompactForm_AllCopiedInOrder()
    {
        await using var h = await EndpointHarness.StartAsync();
        var text = Request(h, "OPTIONS").Replace("Via: SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=z9hG4bK-v1;rport\r\n",
            "v: SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=z9hG4bK-v1;rport, SIP/2.0/TCP 192.0.2.2;branch=z9hG4bK-p2\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.3:5070;branch=z9hG4bK-p3\r\n", StringComparison.Ordinal);

        h.Send(text);
        var vias = h.Peer.Receive().GetAll(HeaderNames.Via).ToList();

        Assert.Equal(3, vias.Count);
        Assert.StartsWith("SIP/2.0/UDP 127.0.0.1:" + h.Peer.Port + ";branch=z9hG4bK-v1;rport=", vias[0], StringComparison.Ordinal);
        Assert.Equal("SIP/2.0/TCP 192.0.2.2;branch=z9hG4bK-p2", vias[1]);
        Assert.Equal("SIP/2.0/UDP 192.0.2.3:5070;branch=z9hG4bK-p3", vias[2]);
    }

    [Fact]
    public async Task UdpLoop_IcmpPortUnreachable_KeepsAnswering()
    {
        await using var h = await EndpointHarness.StartAsync();

        // Our answers go to a port nobody listens on: the kernel reports ICMP port unreachable on our socket.
        for (var i = 0; i < 3; i++)
        {
            using var gone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            gone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            gone.SendTo(Encoding.UTF8.GetBytes(Request(h, "OPTIONS", callId: "icmp" + i, branch: "z9hG4bK-icmp" + i)), h.Target);
            gone.Close();
            await Task.Delay(50);
        }

        h.Send(Request(h, "OPTIONS", callId: "after"));
        Assert.Equal(200, h.Peer.Receive().StatusCode);
    }

    [Fact]
    public async Task Invite_PaiFromTrustedPeer_AssertedIdentity()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TrustedPeers = [IPAddress.Loopback] });
        var invite = SipText.Invite(h.Port, h.Peer.Port, "pai", extraHeaders: "P-Asserted-Identity: <tel:+31201234567>\r\n");

        var (call, _) = await h.RingAsync("pai", invite);

        Assert.Equal("+31201234567", call.Caller.User);
        Assert.True(call.Caller.IsAsserted);
    }

    [Fact]
    public async Task Invite_PaiFromUntrustedPeer_Ignored()
    {
        await using var h = await EndpointHarness.StartAsync();
        var invite = SipText.Invite(h.Port, h.Peer.Port, "pai2", extraHeaders: "P-Asserted-Identity: <tel:+31201234567>\r\n");

        var (call, _) = await h.RingAsync("pai2", invite);

        Assert.Equal(SipText.CallerNumber, call.Caller.User);
        Assert.False(call.Caller.IsAsserted);
    }

    [Fact]
    public async Task Invite_PrivacyId_Anonymous()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TrustedPeers = [IPAddress.Loopback] });
        var invite = SipText.Invite(h.Port, h.Peer.Port, "priv",
            extraHeaders: "P-Asserted-Identity: <sip:+31201234567@127.0.0.1>\r\nPrivacy: id\r\n");

        var (call, _) = await h.RingAsync("priv", invite);

        Assert.True(call.Caller.IsAnonymous);
        Assert.Null(call.Caller.User);
        Assert.True(call.Caller.IsAsserted);
    }

    [Fact]
    public async Task Invite_WithoutSdp_OfferIn200AnswerInAck()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("late", SipText.Invite(h.Port, h.Peer.Port, "late", body: string.Empty));
        Assert.False(call.HasOffer);

        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcma);
        var ok = h.Peer.ReceiveStatus(200);
        Assert.Contains("m=audio 40000 RTP/AVP 8 101", Encoding.UTF8.GetString(ok.Body), StringComparison.Ordinal);
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port, body: SipText.Sdp(32000, "m=audio {0} RTP/AVP 8\r\n")));

        var changed = Assert.IsType<MediaChanged>(await EndpointHarness.NextEventAsync(call));
        Assert.Equal(32000, changed.Media.RemoteEndPoint?.Port);
        Assert.Equal(CallAudioCodec.Pcma, changed.Codec);
    }

    [Fact]
    public async Task Reject_Ringing_SendsStatusAndEnds()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("rej");

        Assert.Equal(CallActionResult.InvalidArgument, await call.RejectAsync(200));
        Assert.Equal(CallActionResult.Succeeded, await call.RejectAsync(486));

        Assert.Equal(486, h.Peer.ReceiveStatus(486).StatusCode);
        Assert.Equal(new CallEnded(CallEndReason.Rejected), await EndpointHarness.NextEventAsync(call));

        // Timer G retransmits the 486 until the ACK (same branch).
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(486, h.Peer.Receive().StatusCode);
    }
}
