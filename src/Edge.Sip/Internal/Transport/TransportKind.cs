namespace Edge.Sip.Internal.Transport;

/// <summary>The transport a message came in on or goes out on.</summary>
internal enum TransportKind
{
    Udp = 0,
    Tcp,
}
