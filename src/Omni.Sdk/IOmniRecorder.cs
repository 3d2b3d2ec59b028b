using Omni.Contracts.V1;

namespace Omni.Sdk;

/// <summary>
/// Records what a channel captured so that it reaches Central exactly once, even while Central is away.
/// </summary>
/// <remarks>
/// <para>Every method returns only once the record is durable in the local outbox (fsynced).</para>
/// <para>Before anything is stored, the record is checked by Central's own rules (Omni.Contracts.Validation,
/// unknown protobuf fields included), so what Central would refuse for good throws
/// <see cref="RecordValidationException"/> listing every offending field. Time rules run on the SDK's clock.</para>
/// <para>A record whose uuid is already in the outbox (waiting or dead-lettered) is not appended twice. With the
/// same content (compared as serialized after the SDK's own normalisation, such as a minted or lowercased uuid)
/// the receipt of the earlier append is returned with <see cref="RecordReceipt.AlreadyRecorded"/> set while it
/// waits; when that very record was refused for good (a dead letter) the call throws
/// <see cref="RecordDeadLetteredException"/> with the dead letter's reason. With other content, or a different
/// kind of record, the call throws <see cref="RecordConflictException"/> and stores nothing, also when the uuid
/// is dead-lettered: a uuid names one record, so a corrected record needs a new uuid. Once a record was
/// delivered and left the outbox, the outbox no longer knows its uuid: the append stores it again, Central drops
/// it as a duplicate when the content is the same, and otherwise rejects it, which moves it to the dead-letter
/// store (<see cref="IOutboxMonitor"/> then reports it).</para>
/// </remarks>
public interface IOmniRecorder
{
    /// <summary>Appends a klantcontact to the outbox. An empty <see cref="Klantcontact.Uuid"/> gets a new UUIDv7.</summary>
    /// <param name="klantcontact">The contact to record; it is not modified.</param>
    /// <param name="cancellationToken">Cancels waiting; a record already handed to the writer may still be stored.</param>
    /// <returns>The record id and its sequence in this device's outbox stream.</returns>
    /// <exception cref="OutboxFullException">The outbox reached its storage budget.</exception>
    /// <exception cref="RecordValidationException">The record can never be accepted, e.g. an unknown kanaal.</exception>
    /// <exception cref="RecordConflictException">The uuid is in the outbox with other content; nothing was stored.</exception>
    /// <exception cref="RecordDeadLetteredException">This same record was refused for good earlier; nothing was stored.</exception>
    Task<RecordReceipt> RecordKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken = default);

    /// <summary>Appends a follow-up task (e.g. a terugbelverzoek) to the outbox. An empty uuid gets a new UUIDv7.</summary>
    /// <param name="interneTaak">The task to record; it is not modified.</param>
    /// <param name="cancellationToken">Cancels waiting; a record already handed to the writer may still be stored.</param>
    /// <returns>The record id and its sequence in this device's outbox stream.</returns>
    /// <exception cref="OutboxFullException">The outbox reached its storage budget.</exception>
    /// <exception cref="RecordValidationException">The record can never be accepted.</exception>
    /// <exception cref="RecordConflictException">The uuid is in the outbox with other content; nothing was stored.</exception>
    /// <exception cref="RecordDeadLetteredException">This same record was refused for good earlier; nothing was stored.</exception>
    Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default);
}
