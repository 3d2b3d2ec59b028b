using System.Net.Sockets;
using Grpc.Net.Client;

namespace Omni.Sdk.Internal.Central;

/// <summary>Creates the one gRPC channel to Central that every client of the SDK shares.</summary>
internal static class CentralChannelFactory
{
    public static GrpcChannel Create(Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),

            // Connecting ourselves takes grpc-dotnet's subchannel layer out of the path. Its reconnect backoff runs
            // on the wall clock (up to two minutes) and fails calls fast meanwhile, which would make sending wait out
            // a timer after the link returns (sync case S3). Without it each call connects on demand, and the
            // outbox's own link probe decides when to send.
            ConnectCallback = ConnectAsync,
        };

        // HTTP/2 without TLS (h2c) is used for http:// addresses: gRPC calls always request HTTP/2.
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            ThrowOperationCanceledOnCancellation = true,
        });
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
