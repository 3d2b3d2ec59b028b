using System.Net;

namespace Edge.Sip.Internal.Media;

/// <summary>The datagram socket of one RTP session; a seam so pacing can be tested without the network.</summary>
internal interface IRtpTransport : IAsyncDisposable
{
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts delivering received datagrams to <paramref name="handler"/>, one at a time.</summary>
    void Start(RtpDatagramHandler handler);

    /// <summary>Sends one datagram; failures are counted and logged, never thrown.</summary>
    void Send(ReadOnlySpan<byte> packet, SocketAddress destination);
}
