namespace Omni.Sdk.Internal.Storage;

/// <summary>What one acknowledgement changed in the outbox.</summary>
internal sealed record AcknowledgeOutcome(long DeletedCount, IReadOnlyList<RejectedRecord> DeadLettered);
