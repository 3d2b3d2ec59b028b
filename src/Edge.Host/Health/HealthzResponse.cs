namespace Edge.Host.Health;

/// <summary>The body of GET /healthz; camelCase on the wire.</summary>
/// <param name="Status">"healthy", "degraded" or "unhealthy".</param>
/// <param name="Backlog">Records waiting for Central's acknowledgement.</param>
/// <param name="BacklogBytes">Their stored size.</param>
/// <param name="OldestRecordAgeSeconds">Age of the oldest waiting record; null when nothing waits.</param>
/// <param name="DeadLetters">Records Central rejected for good.</param>
/// <param name="CentralReachable">Whether the last exchange with Central succeeded.</param>
/// <param name="StorageFull">Whether the outbox budget is reached.</param>
internal sealed record HealthzResponse(
    string Status,
    long Backlog,
    long BacklogBytes,
    double? OldestRecordAgeSeconds,
    long DeadLetters,
    bool CentralReachable,
    bool StorageFull);
