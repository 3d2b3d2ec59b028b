using System.Net;
using System.Net.Sockets;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Picks ports on 127.0.0.1 that are free now.</summary>
internal static class FreePort
{
    /// <summary>
    /// A port the kernel just handed out. Central must keep its gRPC port across restarts (the edge is configured
    /// with it), so port 0 in the product itself cannot be used here.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
