using System.Net;
using Edge.Sip.Internal.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>Records what the session sends and lets a test deliver datagrams as if from the network.</summary>
internal sealed class FakeRtpTransport(TimeProvider timeProvider) : IRtpTransport
{
    private static readonly IPEndPoint Template = new(IPAddress.Any, 0);
    private RtpDatagramHandler? _handler;

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 40000);

    public List<SentPacket> Sent { get; } = [];

    public bool IsDisposed { get; private set; }

    public void Start(RtpDatagramHandler handler) => _handler = handler;

    public void Send(ReadOnlySpan<byte> packet, SocketAddress destination) =>
        Sent.Add(new SentPacket(packet.ToArray(), (IPEndPoint)Template.Create(destination), timeProvider.GetUtcNow()));

    public void Deliver(byte[] datagram, IPEndPoint source) =>
        (_handler ?? throw new InvalidOperationException("not started"))(datagram, source.Serialize());

    public ValueTask DisposeAsync()
    {
        IsDisposed = true;
        return ValueTask.CompletedTask;
    }
}
