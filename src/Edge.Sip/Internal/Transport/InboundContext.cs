using System.Net;

namespace Edge.Sip.Internal.Transport;

/// <summary>Where a message came from: transport, source address and, for TCP, the connection.</summary>
internal sealed record InboundContext(TransportKind Kind, IPEndPoint Remote, TcpConnection? Connection);
