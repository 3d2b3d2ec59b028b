using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Central.Api.Hosting;

/// <summary>
/// The endpoints Central listens on. Kestrel replaces each endpoint's port with the bound one when it
/// starts, so after start these report the real addresses even when the configuration asked for port 0.
/// </summary>
internal sealed class CentralEndpoints
{
    private ListenOptions? _grpc;
    private ListenOptions? _http;

    /// <summary>The gRPC (h2c) address, e.g. http://127.0.0.1:7081; null when not configured here.</summary>
    public Uri? GrpcAddress => ToUri(_grpc);

    /// <summary>The HTTP/1.1 address for REST and /healthz; null when not configured here.</summary>
    public Uri? HttpAddress => ToUri(_http);

    internal void SetGrpc(ListenOptions options) => _grpc = options;

    internal void SetHttp(ListenOptions options) => _http = options;

    private static Uri? ToUri(ListenOptions? options) =>
        options?.EndPoint is IPEndPoint endPoint ? new Uri($"http://{endPoint}/") : null;
}
