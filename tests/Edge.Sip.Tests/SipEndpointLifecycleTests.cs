using System.Net;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

public sealed class SipEndpointLifecycleTests
{
    [Fact]
    public async Task Ack_Received_Stops200Retransmissions()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.EstablishAsync("life-1");

        h.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Null(h.Peer.TryReceive(200));
        Assert.Equal(1, h.Endpoint.ActiveCalls);
        Assert.False(call.Completion.IsCompleted);
    }

    [Fact]
    public async Task HangUp_BeforeAck_ByeSentOnceAckArrives()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("life-2");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        var ok = h.Peer.ReceiveStatus(200);

        Assert.Equal(CallActionResult.Succeeded, await call.HangUpAsync());
        Assert.Null(h.Peer.TryReceive(200));
        h.Send(SipText.Ack(ok, h.Port, h.Peer.Port));

        Assert.Equal("BYE", h.Peer.ReceiveRequest("BYE").Method);
        Assert.Equal(CallEndReason.LocalHangUp, await call.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stop_WithRingingAndConfirmedCalls_503AndByeAndShutdownReason()
    {
        var h = await EndpointHarness.StartAsync();
        var (confirmed, _) = await h.EstablishAsync("life-3a");
        var invite = SipText.Invite(h.Port, h.Peer.Port, "life-3b", branch: "z9hG4bK-l3b", fromTag: "b");
        var (ringing, _) = await h.RingAsync("life-3b", invite);

        await h.Endpoint.StopAsync();
        var messages = new[] { h.Peer.Receive(), h.Peer.Receive() };

        Assert.Contains(messages, m => m.Method == "BYE" && m.CallId == "life-3a");
        Assert.Contains(messages, m => m.StatusCode == 503 && m.CallId == "life-3b");
        Assert.Equal(CallEndReason.Shutdown, await confirmed.Completion);
        Assert.Equal(CallEndReason.Shutdown, await ringing.Completion);
        Assert.Equal(0, h.Endpoint.ActiveCalls);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task Start_InvalidOptions_ListsEveryProblem()
    {
        var options = new SipOptions { Port = -1, MaxConcurrentCalls = 0, EnableTcp = false, EnableUdp = false };
        await using var endpoint = new SipEndpoint(options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.StartAsync());

        Assert.Contains("Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentCalls", error.Message, StringComparison.Ordinal);
        Assert.Contains("EnableUdp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bye_Retransmitted_SameAnswerAgainAndCallEndedOnce()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, ok) = await h.EstablishAsync("life-4");
        var bye = SipText.InDialog("BYE", ok, h.Port, h.Peer.Port, 2, "z9hG4bK-bye4");

        h.Send(bye);
        h.Send(bye);

        Assert.Equal(200, h.Peer.Receive().StatusCode);
        Assert.Equal(200, h.Peer.Receive().StatusCode);
        Assert.Equal(new CallEnded(CallEndReason.RemoteHangUp), await EndpointHarness.NextEventAsync(call));
        Assert.False(await call.Events.WaitToReadAsync());
        Assert.Equal(CallActionResult.CallEnded, await call.HangUpAsync());
    }
}
