using Grpc.Net.Client;

namespace Omni.Sdk.Internal.Central;

/// <summary>Owns the shared channel to Central, so the container disposes it with the SDK (not someone else's channel).</summary>
internal sealed class CentralChannel(GrpcChannel channel) : IDisposable
{
    public GrpcChannel Channel { get; } = channel;

    public void Dispose() => Channel.Dispose();
}
