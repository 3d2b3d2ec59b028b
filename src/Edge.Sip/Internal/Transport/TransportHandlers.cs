namespace Edge.Sip.Internal.Transport;

/// <summary>What the transport hands its input to, and asks before closing an idle connection.</summary>
/// <param name="OnMessage">Every framed message or datagram.</param>
/// <param name="OnBadStream">A TCP head with a missing or unusable Content-Length (a 400 may go back).</param>
/// <param name="IsInUse">Whether a transaction or dialog still uses the connection (RFC 3261 §18).</param>
internal sealed record TransportHandlers(
    Action<byte[], InboundContext> OnMessage,
    Action<TcpConnection, byte[]> OnBadStream,
    Func<TcpConnection, bool> IsInUse);
