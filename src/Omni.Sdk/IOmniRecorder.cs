using Omni.Contracts.V1;

namespace Omni.Sdk;

/// <summary>
/// Records what a channel captured so that it reaches Central exactly once, even while Central is away.
/// </summary>
/// <remarks>
/// Every method returns only once the record is durable in the local outbox (fsynced). A record whose
/// uuid is already in the outbox is not appended twice: the receipt of the earlier append is returned.
/// </remarks>
public interface IOmniRecorder
{
    /// <summary>Appends a klantcontact to the outbox. An empty <see cref="Klantcontact.Uuid"/> gets a new UUIDv7.</summary>
    /// <param name="klantcontact">The contact to record; it is not modified.</param>
    /// <param name="cancellationToken">Cancels waiting; a record already handed to the writer may still be stored.</param>
    /// <returns>The record id and its sequence in this device's outbox stream.</returns>
    /// <exception cref="OutboxFullException">The outbox reached its storage budget.</exception>
    /// <exception cref="RecordValidationException">The record can never be accepted, e.g. an unknown kanaal.</exception>
    Task<RecordReceipt> RecordKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken = default);

    /// <summary>Appends a follow-up task (e.g. a terugbelverzoek) to the outbox. An empty uuid gets a new UUIDv7.</summary>
    /// <param name="interneTaak">The task to record; it is not modified.</param>
    /// <param name="cancellationToken">Cancels waiting; a record already handed to the writer may still be stored.</param>
    /// <returns>The record id and its sequence in this device's outbox stream.</returns>
    /// <exception cref="OutboxFullException">The outbox reached its storage budget.</exception>
    /// <exception cref="RecordValidationException">The record can never be accepted.</exception>
    Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default);
}
