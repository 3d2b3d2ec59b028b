using System.Net;
using Edge.Sip.Tests.Support;

namespace Edge.Sip.Tests;

/// <summary>
/// The application learns when the ACK for its 200 OK arrived (RFC 3261 §13.3.1.4), so an IVR starts talking only
/// once the caller's side of the dialog is confirmed, and can tell a call that never got its ACK from a hang-up.
/// </summary>
public sealed class SipEndpointConfirmationTests
{
    [Fact]
    public async Task Confirmed_AckArrives_True()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.EstablishAsync("confirm-a");

        Assert.True(await call.Confirmed.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Confirmed_BeforeAck_NotCompleted()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("confirm-b");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        Assert.Equal(200, h.Peer.ReceiveStatus(200).StatusCode);
        h.Sync();

        Assert.False(call.Confirmed.IsCompleted);
    }

    [Fact]
    public async Task Confirmed_AckNeverArrives_FalseWithNoAck()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("confirm-c");
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        h.Peer.ReceiveStatus(200);

        h.Time.Advance(TimeSpan.FromSeconds(33));

        Assert.False(await call.Confirmed.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(CallEndReason.NoAck, await call.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Confirmed_CancelledWhileRinging_False()
    {
        await using var h = await EndpointHarness.StartAsync();
        var (call, _) = await h.RingAsync("confirm-d");

        await call.RejectAsync(486);

        Assert.False(await call.Confirmed.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
