using Omni.Contracts.V1;

namespace Central.Api.Sync;

/// <summary>One valid record of a batch; exactly one payload is set, its uuid normalised to the record id.</summary>
internal sealed record SyncRecord(string RecordId, long Sequence, Klantcontact? Klantcontact, InterneTaak? InterneTaak);
