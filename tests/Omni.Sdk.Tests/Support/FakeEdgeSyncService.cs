using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Omni.Contracts.V1;

namespace Omni.Sdk.Tests.Support;

/// <summary>The EdgeSync service of the fake Central, over real gRPC.</summary>
internal sealed class FakeEdgeSyncService(FakeCentralState state) : EdgeSync.EdgeSyncBase
{
    public override Task<PushBatchResponse> PushBatch(PushBatchRequest request, ServerCallContext context)
    {
        var response = state.Handle(request);
        if (state.TakeDroppedReply())
        {
            // Committed, but the edge never hears about it: the connection breaks before the reply.
            context.GetHttpContext().Abort();
            throw new RpcException(new Status(StatusCode.Unavailable, "reply lost"));
        }

        return Task.FromResult(response);
    }

    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
    {
        state.CountPing();
        return Task.FromResult(new PingResponse { ServerTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) });
    }

    public override Task<GetConfigurationResponse> GetConfiguration(GetConfigurationRequest request, ServerCallContext context)
    {
        var configuration = state.ConfigurationFor(request.KnownVersion);
        var response = new GetConfigurationResponse { Version = configuration?.Version ?? string.Empty };
        if (configuration is not null && configuration.Version != request.KnownVersion)
        {
            response.Configuration = configuration;
        }

        return Task.FromResult(response);
    }
}
