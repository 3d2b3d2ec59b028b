namespace Omni.Sdk.Internal.Storage;

/// <summary>A record Central will never accept, with its reason (which names a field, never a value).</summary>
internal sealed record RejectedRecord(Guid RecordId, long Sequence, string Reason);
