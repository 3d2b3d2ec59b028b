using System.Net;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests.Internal.Transport;

/// <summary>
/// TCP robustness over real connections on 127.0.0.1: stream framing without Content-Length (RFC 3261 §18.3), the
/// connection cap, idle closing on the fake clock, and the per-message size and time limits.
/// </summary>
public sealed class SipTransportTcpTests
{
    private const int BadStream = 3107;
    private const int LimitReached = 3109;
    private const int IdleClosed = 3110;
    private const int Unfinished = 3111;
    private const int ConnectionClosed = 3112;
    private const int Incomplete = 3113;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Receive_RequestWithoutContentLength_400NamingItAndConnectionClosed()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);

        // What follows the head is a whole request of its own: read as a length of 0, it would be answered too.
        var head = TcpTestPeer.Options(h.Port, peer.Port, "cl-missing", contentLength: "Content-Type: text/plain\r\n");
        peer.Send(head + TcpTestPeer.Options(h.Port, peer.Port, "cl-hidden"));

        var response = peer.Receive();
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Content-Length", response.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal("cl-missing", response.CallId);
        Assert.True(peer.IsClosedByEndpoint());
    }

    [Fact]
    public async Task Accept_BeyondMaxTcpConnections_ClosedAtAcceptAndLoggedOnce()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { MaxTcpConnections = 2 });
        var first = Answered(h, "cap-1");
        using var second = Answered(h, "cap-2");

        using var third = new TcpTestPeer(h.Target);
        using var fourth = new TcpTestPeer(h.Target);

        Assert.True(third.IsClosedByEndpoint());
        Assert.True(fourth.IsClosedByEndpoint());
        Assert.Single(h.Logs.Lines, l => l.EventId.Id == LimitReached);

        first.Dispose();
        await WaitUntilAsync(() => h.Logs.Lines.Any(l => l.EventId.Id == ConnectionClosed));
        using var fifth = Answered(h, "cap-5");
        Assert.Single(h.Logs.Lines, l => l.EventId.Id == LimitReached);
    }

    [Fact]
    public async Task Accept_RefusalsMoreThanOneIdleTimeoutApart_LoggedOncePerBurst()
    {
        await using var h = await EndpointHarness.StartAsync(new SipOptions { MaxTcpConnections = 1 });
        using var held = Answered(h, "burst-0");

        for (var round = 1; round <= 4; round++)
        {
            using var refused = new TcpTestPeer(h.Target);
            Assert.True(refused.IsClosedByEndpoint());

            // 20 s later; the held connection keeps working, so it is neither idle nor freed.
            h.Time.Advance(TimeSpan.FromSeconds(20));
            held.Send(TcpTestPeer.Options(h.Port, held.Port, "burst-" + round));
            held.ReceiveStatus(200);
        }

        // Refusals at 0, 20, 40 and 60 s: no gap reaches the idle timeout (32 s), so this is one burst.
        Assert.Single(h.Logs.Lines, l => l.EventId.Id == LimitReached);

        h.Time.Advance(TimeSpan.FromSeconds(20));
        held.Send(TcpTestPeer.Options(h.Port, held.Port, "burst-late"));
        held.ReceiveStatus(200);
        using var late = new TcpTestPeer(h.Target);
        Assert.True(late.IsClosedByEndpoint());
        Assert.Equal(2, h.Logs.Lines.Count(l => l.EventId.Id == LimitReached));
    }

    [Fact]
    public async Task IdleCheck_NoBytesAndNoTransaction_ClosedAfterIdleTimeout()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = Answered(h, "idle-1");

        h.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == IdleClosed);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains(h.Logs.Lines, l => l.EventId.Id == IdleClosed);
        Assert.True(peer.IsClosedByEndpoint());
    }

    [Fact]
    public async Task IdleCheck_KeepAlivePing_CountsAsActivity()
    {
        var options = new SipOptions { TcpIdleTimeout = TimeSpan.FromSeconds(10) };
        await using var h = await EndpointHarness.StartAsync(options);
        using var peer = Answered(h, "keepalive-1");

        for (var i = 0; i < 5; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(8));
            peer.Send("\r\n\r\n");
            Assert.Equal("\r\n"u8.ToArray(), peer.ReceiveRaw());
        }

        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == IdleClosed);
        h.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Contains(h.Logs.Lines, l => l.EventId.Id == IdleClosed);
        Assert.True(peer.IsClosedByEndpoint());
    }

    [Fact]
    public async Task IdleCheck_CallRingingThenEstablished_OpenUntilTheDialogEnds()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        peer.Send(SipText.Invite(h.Port, peer.Port, "idle-call", transport: "TCP"));
        peer.ReceiveStatus(180);
        var call = await h.NextCallAsync();

        h.Time.Advance(TimeSpan.FromSeconds(40));
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = peer.ReceiveStatus(200);
        peer.Send(SipText.Ack(ok, h.Port, peer.Port, transport: "TCP"));

        // Answered in order on one connection: the ACK before it was processed, so no 2xx timer is left running.
        peer.Send(SipText.InDialog("OPTIONS", ok, h.Port, peer.Port, 2, "z9hG4bK-idle-sync", transport: "TCP"));
        ReceiveAnswerTo(peer, "OPTIONS");
        h.Time.Advance(TimeSpan.FromSeconds(100));
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == IdleClosed);

        peer.Send(SipText.InDialog("BYE", ok, h.Port, peer.Port, 3, "z9hG4bK-idle-bye", transport: "TCP"));
        ReceiveAnswerTo(peer, "BYE");
        Assert.Equal(new CallEnded(CallEndReason.RemoteHangUp), await EndpointHarness.NextEventAsync(call));

        // The INVITE transaction may hold the connection one more timeout (Timer L), so at most two.
        for (var waited = 0; waited < 65 && !h.Logs.Lines.Any(l => l.EventId.Id == IdleClosed); waited++)
        {
            h.Time.Advance(Second);
        }

        Assert.Contains(h.Logs.Lines, l => l.EventId.Id == IdleClosed);
        Assert.True(peer.IsClosedByEndpoint());
    }

    [Fact]
    public async Task Receive_OverSizeHeadDrippedInSmallSegments_ConnectionClosed()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        peer.Send("OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\n");

        var line = "X-Drip: " + new string('a', 500) + "\r\n";
        var open = true;
        for (var sent = 0; open && sent < 4 * SipLimits.MaxMessageBytes; sent += line.Length)
        {
            open = peer.TrySend(line);
        }

        Assert.True(!open || peer.IsClosedByEndpoint());
        Assert.Contains(h.Logs.Lines, l => l.EventId.Id == BadStream);
    }

    [Fact]
    public async Task IdleCheck_MessageDrippedSlowerThanTheTimeout_ClosedThoughBytesKeepComing()
    {
        await using var h = await EndpointHarness.StartAsync();
        using var peer = new TcpTestPeer(h.Target);
        await DripAsync(h, peer, "OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\n");

        // A line every 10 s keeps the connection from idling; the one message never ends.
        for (var round = 0; round < 10 && !h.Logs.Lines.Any(l => l.EventId.Id == Unfinished); round++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10));
            await DripAsync(h, peer, "X-Drip: " + round + "\r\n");
        }

        Assert.Contains(h.Logs.Lines, l => l.EventId.Id == Unfinished);
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId.Id == IdleClosed);
        Assert.True(peer.IsClosedByEndpoint());
    }

    [Fact]
    public void Validate_TcpLimitsOutOfRange_NamesEachField()
    {
        var errors = new SipOptions { MaxTcpConnections = 0, TcpIdleTimeout = TimeSpan.Zero }.Validate();

        Assert.Contains(errors, e => e.StartsWith("MaxTcpConnections", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("TcpIdleTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_TcpLimits_CapAndSixtyFourT1()
    {
        var options = new SipOptions();

        Assert.Equal(256, options.MaxTcpConnections);
        Assert.Equal(TimeSpan.FromSeconds(32), options.TcpIdleTimeout);
        Assert.Empty(options.Validate());
    }

    // Sends part of a message and waits until the endpoint has read it, so the fake clock moves only afterwards.
    private static async Task DripAsync(EndpointHarness h, TcpTestPeer peer, string part)
    {
        var before = h.Logs.Lines.Count(l => l.EventId.Id == Incomplete);
        if (peer.TrySend(part))
        {
            await WaitUntilAsync(() => h.Logs.Lines.Count(l => l.EventId.Id == Incomplete) > before
                || h.Logs.Lines.Any(l => l.EventId.Id == Unfinished));
        }
    }

    private static void ReceiveAnswerTo(TcpTestPeer peer, string method)
    {
        while (SipFields.CSeq(peer.ReceiveStatus(200)).Method != method)
        {
        }
    }

    private static TcpTestPeer Answered(EndpointHarness h, string callId)
    {
        var peer = new TcpTestPeer(h.Target);
        peer.Send(TcpTestPeer.Options(h.Port, peer.Port, callId));
        peer.ReceiveStatus(200);
        return peer;
    }

    // The endpoint notices a closed socket on its own thread; wait for that, bounded, on the real clock.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        Assert.True(condition());
    }
}
