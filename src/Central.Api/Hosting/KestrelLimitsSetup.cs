using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Central.Api.Hosting;

/// <summary>
/// Kestrel's server-wide limits: the connection cap, and a request body limit of the REST size so that no route
/// reads more than a klantcontact needs. gRPC requests get their own, larger limit per request
/// (<see cref="GrpcBodyLimitMiddleware"/>), because Kestrel's 30 MB default sat below MaxReceiveMessageBytes.
/// </summary>
internal sealed class KestrelLimitsSetup(IOptions<CentralOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var central = options.Value;
        kestrel.Limits.MaxConcurrentConnections = central.MaxConcurrentConnections;
        kestrel.Limits.MaxRequestBodySize = central.MaxRestBodyBytes;
    }
}
