using Omni.Contracts.V1;

namespace Central.Api.Sync;

/// <summary>One valid record of a batch; exactly one payload is set, its uuid normalised to the record id.</summary>
/// <param name="RecordId">The envelope's record id in lowercase 8-4-4-4-12 form.</param>
/// <param name="Sequence">The record's sequence in its outbox stream.</param>
/// <param name="Klantcontact">The klantcontact, when that is the payload.</param>
/// <param name="InterneTaak">The interne taak, when that is the payload, with its wachtrij resolved.</param>
/// <param name="WachtrijRouted">
/// True when the interne taak arrived without a wachtrij and Central chose one: a resend of the same record is
/// then compared without the wachtrij, because Central's choice may have changed with its configuration.
/// </param>
internal sealed record SyncRecord(
    string RecordId,
    long Sequence,
    Klantcontact? Klantcontact,
    InterneTaak? InterneTaak,
    bool WachtrijRouted = false);
