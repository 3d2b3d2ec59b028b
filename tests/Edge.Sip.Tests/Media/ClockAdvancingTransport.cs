using System.Net;
using System.Runtime.CompilerServices;
using Edge.Sip.Internal.Media;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

/// <summary>
/// A slow socket: every send moves the fake clock on, so one tick takes longer than the pacer's interval, and the
/// clock's timers fire from inside the tick if anything armed them. Sends in progress are counted in
/// <paramref name="depth"/>, shared by all sessions of the pacer, and the deepest nesting seen in
/// <paramref name="maxDepth"/>: more than one means a tick started while another was still sending.
/// </summary>
internal sealed class ClockAdvancingTransport(
    FakeTimeProvider time,
    TimeSpan perSend,
    StrongBox<int> depth,
    StrongBox<int> maxDepth) : IRtpTransport
{
    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 40004);

    public List<long> SentAt { get; } = [];

    public void Start(RtpDatagramHandler handler)
    {
    }

    public void Send(ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        depth.Value++;
        maxDepth.Value = Math.Max(maxDepth.Value, depth.Value);
        SentAt.Add(time.GetTimestamp());
        time.Advance(perSend);
        depth.Value--;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
