using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Central.Api.Hosting;

/// <summary>
/// Binds the gRPC endpoint as HTTP/2-only, because h2c has no protocol negotiation without TLS (RFC 9113
/// section 3.3, prior knowledge), and the REST endpoint as HTTP/1.1. An empty URL leaves that endpoint to
/// the Kestrel configuration section.
/// </summary>
internal sealed class KestrelEndpointSetup(IOptions<CentralOptions> options, CentralEndpoints endpoints)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var central = options.Value;
        if (ListenUrlAttribute.TryParse(central.GrpcUrl, out var grpc))
        {
            kestrel.Listen(grpc, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                endpoints.SetGrpc(listen);
            });
        }

        if (ListenUrlAttribute.TryParse(central.HttpUrl, out var http))
        {
            kestrel.Listen(http, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                endpoints.SetHttp(listen);
            });
        }
    }
}
