using Omni.Sdk;

namespace Edge.Host.Liveness;

/// <summary>Combines the outbox sender's liveness with every registered listener probe.</summary>
internal sealed class LivenessChecker(IOutboxMonitor monitor, IEnumerable<ILivenessProbe> probes)
{
    private readonly ILivenessProbe[] _probes = [.. probes];

    public async Task<LivenessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var outbox = await monitor.GetStatusAsync(cancellationToken);
        var dead = Array.Find(_probes, probe => !probe.IsAlive());
        return new LivenessReport(outbox, dead?.Name);
    }
}
