using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>One committed outbox row, still sealed.</summary>
internal sealed record StoredRecord(
    long Sequence,
    Guid RecordId,
    OutboxRecordKind Kind,
    DateTimeOffset OccurredAt,
    SealedPayload Payload);
