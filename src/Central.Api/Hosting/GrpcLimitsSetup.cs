using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace Central.Api.Hosting;

/// <summary>Applies Central's message size limit to every gRPC service; detailed errors stay off.</summary>
internal sealed class GrpcLimitsSetup(IOptions<CentralOptions> options) : IConfigureOptions<GrpcServiceOptions>
{
    public void Configure(GrpcServiceOptions grpc)
    {
        grpc.MaxReceiveMessageSize = options.Value.MaxReceiveMessageBytes;
        grpc.EnableDetailedErrors = false;
    }
}
