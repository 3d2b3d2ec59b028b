using Omni.Sdk.Internal.Security;

namespace Omni.Sdk.Internal.Storage;

/// <summary>
/// A row already holding a record id, waiting in the outbox or dead-lettered (then with the reason it was
/// refused for good), still sealed.
/// </summary>
internal sealed record ExistingRecord(
    long Sequence, OutboxRecordKind Kind, long OccurredAtMs, SealedPayload Payload, string? DeadLetterReason);
