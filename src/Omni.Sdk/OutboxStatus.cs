namespace Omni.Sdk;

/// <summary>A snapshot of the outbox.</summary>
/// <param name="BacklogCount">Records waiting for Central's acknowledgement.</param>
/// <param name="BacklogBytes">Their stored size in bytes.</param>
/// <param name="OldestAge">Age of the oldest waiting record; null when nothing waits.</param>
/// <param name="DeadLetterCount">Records Central rejected for good; any of them turns health to degraded.</param>
/// <param name="CentralReachable">Whether the last exchange with Central succeeded.</param>
/// <param name="StorageFull">Whether the storage budget is reached, so appends fail.</param>
/// <param name="SenderAlive">Whether the background sender has made progress or waited on purpose recently.</param>
public sealed record OutboxStatus(
    long BacklogCount,
    long BacklogBytes,
    TimeSpan? OldestAge,
    long DeadLetterCount,
    bool CentralReachable,
    bool StorageFull,
    bool SenderAlive);
