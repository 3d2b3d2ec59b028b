namespace Omni.Sdk.Internal.Storage;

/// <summary>A consistent read of <see cref="OutboxCounters"/>.</summary>
internal sealed record OutboxTotals(long BacklogCount, long BacklogBytes, long DeadCount, long DeadBytes, bool StorageFull);
