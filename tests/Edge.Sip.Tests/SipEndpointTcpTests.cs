using System.Net;
using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Tests.Internal.Transport;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>P9 over a real TCP connection on 127.0.0.1, on the same port as UDP.</summary>
public sealed class SipEndpointTcpTests
{
    [Fact]
    public async Task Invite_OverTcp_CallWorksAndAckPlusByeInOneSegment()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);

        peer.Send(SipText.Invite(h.Port, peer.Port, "tcp-1", transport: "TCP"));
        Assert.Equal(100, peer.Receive().StatusCode);
        Assert.Equal(180, peer.Receive().StatusCode);
        var call = await h.NextCallAsync();
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = peer.ReceiveStatus(200);
        Assert.Contains("transport=tcp", ok.Get(HeaderNames.Contact), StringComparison.Ordinal);

        var ack = SipText.Ack(ok, h.Port, peer.Port, transport: "TCP");
        var bye = SipText.InDialog("BYE", ok, h.Port, peer.Port, 2, "z9hG4bK-tbye", transport: "TCP");
        peer.Send(ack + bye);

        Assert.Equal("BYE", SipFields.CSeq(peer.ReceiveStatus(200)).Method);
        Assert.Equal(new CallEnded(CallEndReason.RemoteHangUp), await EndpointHarness.NextEventAsync(call));
    }

    [Fact]
    public async Task HangUp_CallOverTcp_ByeOnTheCallersConnection()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        peer.Send(SipText.Invite(h.Port, peer.Port, "tcp-bye", transport: "TCP"));
        var call = await h.NextCallAsync();
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = peer.ReceiveStatus(200);
        peer.Send(SipText.Ack(ok, h.Port, peer.Port, transport: "TCP"));
        peer.Send(SipText.InDialog("OPTIONS", ok, h.Port, peer.Port, 1, "z9hG4bK-tsync", transport: "TCP"));
        peer.ReceiveStatus(200);

        Assert.Equal(CallActionResult.Succeeded, await call.HangUpAsync());
        var bye = peer.Receive();

        Assert.Equal("BYE", bye.Method);
        Assert.StartsWith("SIP/2.0/TCP", bye.Get(HeaderNames.Via), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_SplitIntoSingleBytesWithKeepAlives_Answered()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        var text = "\r\n" + TcpTestPeer.Options(h.Port, peer.Port, "tcp-2");

        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            peer.SendBytes([b]);
        }

        Assert.Equal(200, peer.Receive().StatusCode);
    }

    [Fact]
    public async Task DoubleCrlfPing_AnsweredWithSingleCrlf()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);

        peer.Send("\r\n\r\n");

        Assert.Equal("\r\n"u8.ToArray(), peer.ReceiveRaw());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    public async Task NegativeOrAbsurdContentLength_400AndConnectionClosed(string length)
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);

        peer.Send(TcpTestPeer.Options(h.Port, peer.Port, "tcp-3", "Content-Length: " + length + "\r\n"));

        Assert.Equal(400, peer.Receive().StatusCode);
        Assert.Empty(peer.ReceiveRaw());
    }

    [Fact]
    public async Task Info_Utf8BodyOverTcp_LengthCountedInBytes()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        peer.Send(SipText.Invite(h.Port, peer.Port, "tcp-4", transport: "TCP"));
        var call = await h.NextCallAsync();
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = peer.ReceiveStatus(200);
        peer.Send(SipText.Ack(ok, h.Port, peer.Port, transport: "TCP"));

        var info = SipText.InDialog("INFO", ok, h.Port, peer.Port, 2, "z9hG4bK-tinfo", "Signal=9\r\nNote=één €\r\n",
            "application/dtmf-relay", transport: "TCP");
        var options = SipText.InDialog("OPTIONS", ok, h.Port, peer.Port, 3, "z9hG4bK-topt", transport: "TCP");
        peer.Send(info + options);

        Assert.Equal("INFO", SipFields.CSeq(peer.ReceiveStatus(200)).Method);
        Assert.Equal("OPTIONS", SipFields.CSeq(peer.ReceiveStatus(200)).Method);
        Assert.Equal(new DigitReceived('9'), await EndpointHarness.NextEventAsync(call));
    }
}
