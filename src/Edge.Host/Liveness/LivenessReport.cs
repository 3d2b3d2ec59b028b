using Omni.Sdk;

namespace Edge.Host.Liveness;

/// <summary>The outbox status together with the name of the first listener that is not alive, if any.</summary>
internal sealed record LivenessReport(OutboxStatus Outbox, string? DeadListener)
{
    public bool ListenersAlive => DeadListener is null;

    public bool IsAlive => Outbox.SenderAlive && ListenersAlive;
}
