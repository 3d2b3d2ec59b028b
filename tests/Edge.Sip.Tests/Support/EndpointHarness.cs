using System.Net;
using Edge.Sip.Internal.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Support;

/// <summary>A started <see cref="SipEndpoint"/> on 127.0.0.1 port 0 with a fake clock, and one UDP peer.</summary>
internal sealed class EndpointHarness : IAsyncDisposable
{
    private EndpointHarness(SipEndpoint endpoint, FakeTimeProvider time, RecordingLoggerFactory logs)
    {
        Endpoint = endpoint;
        Time = time;
        Logs = logs;
    }

    public SipEndpoint Endpoint { get; }

    public FakeTimeProvider Time { get; }

    public RecordingLoggerFactory Logs { get; }

    public SipPeer Peer { get; } = new();

    public IPEndPoint Target => Endpoint.LocalEndPoint;

    public int Port => Endpoint.LocalEndPoint.Port;

    public static async Task<EndpointHarness> StartAsync(SipOptions? options = null)
    {
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerFactory();
        var endpoint = new SipEndpoint((options ?? new SipOptions()) with { Port = 0, ListenAddress = IPAddress.Loopback }, time, logs);
        await endpoint.StartAsync();
        return new EndpointHarness(endpoint, time, logs);
    }

    public void Send(string text) => Peer.Send(text, Target);

    public async Task<IncomingCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await Endpoint.IncomingCalls.ReadAsync(timeout.Token);
    }

    /// <summary>Sends an INVITE, waits for 100 and 180, and returns the offered call and the 180.</summary>
    public async Task<(IncomingCall Call, SipMessage Ringing)> RingAsync(string callId, string? invite = null)
    {
        Send(invite ?? SipText.Invite(Port, Peer.Port, callId));
        Assert.Equal(100, Peer.Receive().StatusCode);
        var ringing = Peer.ReceiveStatus(180);
        return (await NextCallAsync(), ringing);
    }

    /// <summary>Rings, accepts with PCMU on RTP port 40000, ACKs the 200; returns the call and the 200.</summary>
    public async Task<(IncomingCall Call, SipMessage Ok)> EstablishAsync(string callId, string? invite = null)
    {
        var (call, _) = await RingAsync(callId, invite);
        Assert.Equal(CallActionResult.Succeeded, await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu));
        var ok = Peer.ReceiveStatus(200);
        var cseq = (int)SipFields.CSeq(ok).Number;
        Send(SipText.Ack(ok, Port, Peer.Port, cseq));

        // An in-dialog OPTIONS answered means the ACK before it was processed (one ordered UDP loop).
        Send(SipText.InDialog("OPTIONS", ok, Port, Peer.Port, cseq, "z9hG4bK-sync" + cseq));
        Assert.Equal("OPTIONS", SipFields.CSeq(Peer.ReceiveStatus(200)).Method);
        return (call, ok);
    }

    /// <summary>Waits until everything the peer sent so far was processed: one ordered UDP loop answers in order.</summary>
    public void Sync()
    {
        var id = "sync-" + Guid.NewGuid().ToString("N");
        Send("OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + Peer.Port + ";branch=z9hG4bK" + id +
            ";rport\r\nFrom: <sip:sync@127.0.0.1>;tag=s\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: " + id +
            "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        while (Peer.Receive().CallId != id)
        {
        }
    }

    public static async Task<CallEvent> NextEventAsync(IncomingCall call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await call.Events.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Endpoint.DisposeAsync();
        Peer.Dispose();
        Logs.AssertClean(SipText.CallerNumber, "Jan");
    }
}
