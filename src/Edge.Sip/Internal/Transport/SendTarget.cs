using System.Net;

namespace Edge.Sip.Internal.Transport;

/// <summary>Where to send: transport, address and, for TCP, a connection to reuse if it is still open.</summary>
internal sealed record SendTarget(TransportKind Kind, IPEndPoint EndPoint, TcpConnection? Connection);
