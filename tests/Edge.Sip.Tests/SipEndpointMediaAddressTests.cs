using System.Net;
using System.Net.Sockets;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Media;
using Edge.Sip.Tests.Media;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>
/// The media address policy: an RTP address from SDP is used only when it is the SIP request's source or the
/// request came from a trusted peer. The SDP names 192.0.2.1 (TEST-NET-1, RFC 5737); nothing is ever sent there:
/// each test asserts the address was dropped before any RTP session could use it, and every socket is 127.0.0.1.
/// </summary>
public sealed class SipEndpointMediaAddressTests
{
    private const string Elsewhere = "192.0.2.1";
    private const int MediaAddressIgnored = 3305;

    [Fact]
    public async Task Invite_SdpAddressNotTheSource_OfferHasNoRemoteEndPointAndIsLogged()
    {
        await using var h = await EndpointHarness.StartAsync();

        var (call, _) = await h.RingAsync("ma-1", InviteWith(h, "ma-1", SipText.Sdp(30000, address: Elsewhere)));

        Assert.Null(call.Offer.RemoteEndPoint);
        Assert.Equal(101, call.Offer.TelephoneEventPayloadType);
        AssertIgnoredOnce(h, "InviteOffer");
    }

    [Fact]
    public async Task Invite_SdpAddressIsTheSource_OfferKeepsItAndNothingLogged()
    {
        await using var h = await EndpointHarness.StartAsync();

        var (call, _) = await h.RingAsync("ma-2", InviteWith(h, "ma-2", SipText.Sdp(30000, address: "127.0.0.1")));

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000), call.Offer.RemoteEndPoint);
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == MediaAddressIgnored);
    }

    [Fact]
    public async Task Invite_SdpAddressElsewhereFromTrustedPeer_OfferKeepsIt()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TrustedPeers = [IPAddress.Loopback] });

        var (call, _) = await h.RingAsync("ma-3", InviteWith(h, "ma-3", SipText.Sdp(30000, address: Elsewhere)));

        Assert.Equal(new IPEndPoint(IPAddress.Parse(Elsewhere), 30000), call.Offer.RemoteEndPoint);
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == MediaAddressIgnored);
    }

    [Fact]
    public async Task Ack_AnswerAddressNotTheSource_MediaChangedHasNoRemoteEndPoint()
    {
        await using var h = await EndpointHarness.StartAsync();

        var changed = await AnswerInAckAsync(h, "ma-4");

        Assert.Null(changed.Media.RemoteEndPoint);
        AssertIgnoredOnce(h, "AckAnswer");
    }

    [Fact]
    public async Task Ack_AnswerAddressElsewhereFromTrustedPeer_MediaChangedKeepsIt()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TrustedPeers = [IPAddress.Loopback] });

        var changed = await AnswerInAckAsync(h, "ma-5");

        Assert.Equal(new IPEndPoint(IPAddress.Parse(Elsewhere), 31000), changed.Media.RemoteEndPoint);
    }

    [Fact]
    public async Task ReInvite_MovesMediaElsewhere_AnsweredButMediaChangedHasNoRemoteEndPoint()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("ma-6");
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000), call.Offer.RemoteEndPoint);

        var changed = await ReInviteElsewhereAsync(h, call, ok);

        // The call goes on: the caller's media, once it arrives, is what RTP answers to.
        Assert.Null(changed.Media.RemoteEndPoint);
        Assert.Equal(1, h.Endpoint.ActiveCalls);
        AssertIgnoredOnce(h, "ReInviteOffer");
    }

    [Fact]
    public async Task ReInvite_MovesMediaElsewhereFromTrustedPeer_MediaChangedKeepsIt()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { TrustedPeers = [IPAddress.Loopback] });
        var (call, ok) = await h.EstablishAsync("ma-7");

        var changed = await ReInviteElsewhereAsync(h, call, ok);

        Assert.Equal(new IPEndPoint(IPAddress.Parse(Elsewhere), 31000), changed.Media.RemoteEndPoint);
    }

    [Fact]
    public async Task Invite_SdpAddressNotTheSource_RtpSendsNothingUntilCallerMediaThenAnswersItsSource()
    {
        await using var h = await EndpointHarness.StartAsync();
        await using var factory = new RtpSessionFactory(LoopbackRtpOptions(), h.Time, h.Logs);
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var (call, _) = await h.RingAsync("ma-8", InviteWith(h, "ma-8", SipText.Sdp(30000, address: Elsewhere)));

        // Checked before any session exists: were the policy broken, no RTP may ever be aimed at TEST-NET-1.
        Assert.Null(call.Offer.RemoteEndPoint);
        var created = factory.CreateSession();
        Assert.True(created.IsSuccess);
        await using var session = created.Session!;
        session.Configure(RtpSessionConfiguration.FromOffer(call.Offer, CallAudioCodec.Pcmu));
        await AcceptAndAckAsync(h, call, session.LocalEndPoint);
        Advance(h.Time, TimeSpan.FromSeconds(1));

        Assert.Equal(0, session.GetStatistics().PacketsSent);
        Assert.Equal(0, phone.Available);

        phone.SendTo(TestRtp.Audio(1, 160), session.LocalEndPoint);
        var (packet, from) = ReceiveWhileAdvancing(h, phone);

        Assert.Equal(session.LocalEndPoint, from);
        var parsed = RtpPacket.Parse(packet);
        Assert.True(parsed.IsValid);
        Assert.Equal((byte)CallAudioCodec.Pcmu, parsed.Header.PayloadType);
        Assert.NotEqual(0x5EEDu, parsed.Header.Ssrc);
        var statistics = session.GetStatistics();
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.True(statistics.PacketsSent >= 1);
    }

    private static string InviteWith(EndpointHarness h, string callId, string sdp) =>
        SipText.Invite(h.Port, h.Peer.Port, callId, body: sdp);

    private static void AssertIgnoredOnce(EndpointHarness h, string carrier)
    {
        var line = Assert.Single(h.Logs.Lines, l => l.EventId.Id == MediaAddressIgnored);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.Equal("SipMediaAddressIgnored", line.EventId.Name);
        Assert.Contains(carrier, line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Lines, l => l.Text.Contains("192.0.2", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Text.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>An INVITE without SDP, our offer in the 200, the answer (naming 192.0.2.1:31000) in the ACK.</summary>
    private static async Task<MediaChanged> AnswerInAckAsync(EndpointHarness h, string callId)
    {
        var (call, _) = await h.RingAsync(callId, InviteWith(h, callId, string.Empty));
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = h.Peer.ReceiveStatus(200);
        var answer = SipText.Sdp(31000, "m=audio {0} RTP/AVP 0\r\n", address: Elsewhere);

        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port, body: answer));

        return Assert.IsType<MediaChanged>(await EndpointHarness.NextEventAsync(call));
    }

    private static async Task<MediaChanged> ReInviteElsewhereAsync(EndpointHarness h, IncomingCall call, SipMessage ok)
    {
        var offer = SipText.Sdp(31000, address: Elsewhere);
        h.Send(SipText.InDialog("INVITE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-ma-re", offer, "application/sdp"));
        h.Peer.ReceiveStatus(200);
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port, cseq: 2, branch: "z9hG4bK-ma-ack2"));
        return Assert.IsType<MediaChanged>(await EndpointHarness.NextEventAsync(call));
    }

    private static async Task AcceptAndAckAsync(EndpointHarness h, IncomingCall call, IPEndPoint localRtp)
    {
        Assert.Equal(CallActionResult.Succeeded, await call.AcceptAsync(localRtp, CallAudioCodec.Pcmu));
        var ok = h.Peer.ReceiveStatus(200);
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port));
        h.Sync();
    }

    /// <summary>Drives the pacer on the fake clock until the phone socket receives a datagram (5 s at most).</summary>
    private static (byte[] Packet, IPEndPoint From) ReceiveWhileAdvancing(EndpointHarness h, Socket phone)
    {
        var buffer = new byte[2048];
        for (var step = 0; step < 500; step++)
        {
            Advance(h.Time, TimeSpan.FromMilliseconds(5));
            if (phone.Poll(TimeSpan.FromMilliseconds(10), SelectMode.SelectRead))
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                var length = phone.ReceiveFrom(buffer, ref from);
                return (buffer[..length], (IPEndPoint)from);
            }
        }

        throw new TimeoutException("no RTP reached the caller after its media arrived");
    }

    private static void Advance(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan span)
    {
        // One millisecond at a time, so the pacer's timer fires at each of its due times.
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMilliseconds(1))
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private static RtpOptions LoopbackRtpOptions()
    {
        // Below Linux's ephemeral range (32768+), so other tests' port-0 sockets do not collide with ours.
        var firstPort = 20000 + (2 * Random.Shared.Next(6000));
        return new RtpOptions { BindAddress = IPAddress.Loopback, FirstPort = firstPort, LastPort = firstPort + 20 };
    }
}
