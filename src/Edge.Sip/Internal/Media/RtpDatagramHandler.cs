using System.Net;

namespace Edge.Sip.Internal.Media;

/// <summary>Receives one datagram; <paramref name="source"/> is reused by the caller, so copy it to keep it.</summary>
internal delegate void RtpDatagramHandler(ReadOnlySpan<byte> datagram, SocketAddress source);
