namespace Omni.Sdk;

/// <summary>Proof that a record is durable in the outbox.</summary>
/// <param name="RecordId">The record's id, equal to the payload's uuid.</param>
/// <param name="Sequence">The record's place in this outbox stream, starting at 1.</param>
/// <param name="AlreadyRecorded">True when the same uuid with the same content was appended before and this call stored nothing.</param>
public sealed record RecordReceipt(Guid RecordId, long Sequence, bool AlreadyRecorded);
