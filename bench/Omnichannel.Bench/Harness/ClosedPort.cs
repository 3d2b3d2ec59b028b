using System.Net;
using System.Net.Sockets;

namespace Omnichannel.Bench.Harness;

/// <summary>A loopback address where nothing listens, so a client's connects are refused at once.</summary>
internal static class ClosedPort
{
    public static Uri LoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
