using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omni.Sdk.Internal.Health;

/// <summary>
/// Unhealthy when appends fail (storage budget reached) or the sender is stuck; degraded when Central rejected
/// records for good (dead letters need an operator) or Central is not reachable (records wait, nothing is lost).
/// </summary>
internal sealed class OutboxHealthCheck : IHealthCheck
{
    private readonly OutboxMonitor _monitor;

    public OutboxHealthCheck(OutboxMonitor monitor) => _monitor = monitor;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _monitor.Read();
        var data = new Dictionary<string, object>
        {
            ["backlog_count"] = status.BacklogCount,
            ["backlog_bytes"] = status.BacklogBytes,
            ["oldest_age_seconds"] = status.OldestAge?.TotalSeconds ?? 0,
            ["dead_letter_count"] = status.DeadLetterCount,
            ["central_reachable"] = status.CentralReachable,
            ["storage_full"] = status.StorageFull,
            ["sender_alive"] = status.SenderAlive,
        };
        return Task.FromResult(Evaluate(status, data));
    }

    private static HealthCheckResult Evaluate(OutboxStatus status, Dictionary<string, object> data)
    {
        if (status.StorageFull)
        {
            return HealthCheckResult.Unhealthy("The outbox storage budget is reached; appends fail.", data: data);
        }

        if (!status.SenderAlive)
        {
            return HealthCheckResult.Unhealthy("The outbox sender is not running or made no progress.", data: data);
        }

        if (status.DeadLetterCount > 0)
        {
            return HealthCheckResult.Degraded("Central rejected records for good; they wait in the dead-letter store.", data: data);
        }

        return status.CentralReachable
            ? HealthCheckResult.Healthy("The outbox is flowing.", data)
            : HealthCheckResult.Degraded("Central is not reachable; records wait in the outbox.", data: data);
    }
}
