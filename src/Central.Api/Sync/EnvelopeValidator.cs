using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Central.Api.Sync;

/// <summary>
/// Sorts the envelopes of a well-formed batch into records to store and records to refuse for good.
/// A refused record still counts as handled, so one bad record never blocks the ones behind it (case S6).
/// </summary>
internal static class EnvelopeValidator
{
    public static SyncBatch Sort(PushBatchRequest request, DateTimeOffset now, WachtrijRouter router)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = new List<SyncRecord>(request.Envelopes.Count);
        var rejected = new List<SyncRejection>();
        foreach (var envelope in request.Envelopes)
        {
            var errors = new FieldErrors();
            var record = Check(envelope, now, router, errors);
            if (record is null || !errors.IsEmpty)
            {
                rejected.Add(new SyncRejection(envelope.RecordId, envelope.Sequence, errors.ToString()));
            }
            else
            {
                accepted.Add(record);
            }
        }

        return new SyncBatch(request.DeviceId, request.StreamId, request.Envelopes[0].Sequence,
            request.Envelopes[^1].Sequence, accepted, rejected, now);
    }

    private static SyncRecord? Check(Envelope envelope, DateTimeOffset now, WachtrijRouter router, FieldErrors errors)
    {
        if (!FieldRules.TryNormalizeUuid(envelope.RecordId, out var recordId))
        {
            FieldRules.Uuid(errors, "record_id", envelope.RecordId, required: true);
            return null;
        }

        switch (envelope.PayloadCase)
        {
            case Envelope.PayloadOneofCase.Klantcontact:
                return CheckKlantcontact(envelope, recordId, now, errors);
            case Envelope.PayloadOneofCase.InterneTaak:
                return CheckInterneTaak(envelope, recordId, now, router, errors);
            default:
                // Limitation: a payload kind newer than this Central also lands here and is dead-lettered at
                // the edge; upgrade Central before edges that send new kinds.
                errors.Add("payload", "is required (klantcontact or interne_taak)");
                return null;
        }
    }

    private static SyncRecord? CheckKlantcontact(
        Envelope envelope,
        string recordId,
        DateTimeOffset now,
        FieldErrors errors)
    {
        var klantcontact = envelope.Klantcontact;
        KlantcontactValidator.Validate(klantcontact, now, errors.Under("klantcontact"));
        if (!errors.IsEmpty)
        {
            return null;
        }

        if (!UuidMatches(klantcontact.Uuid, recordId, "klantcontact.uuid", errors))
        {
            return null;
        }

        var normalized = klantcontact.Clone();
        normalized.Uuid = recordId;
        return new SyncRecord(recordId, envelope.Sequence, normalized, null);
    }

    private static SyncRecord? CheckInterneTaak(
        Envelope envelope,
        string recordId,
        DateTimeOffset now,
        WachtrijRouter router,
        FieldErrors errors)
    {
        var taak = envelope.InterneTaak;
        InterneTaakValidator.Validate(taak, now, errors.Under("interneTaak"));
        if (!errors.IsEmpty || !UuidMatches(taak.Uuid, recordId, "interneTaak.uuid", errors))
        {
            return null;
        }

        var normalized = taak.Clone();
        normalized.Uuid = recordId;
        FieldRules.TryNormalizeUuid(taak.KlantcontactUuid, out var klantcontactUuid);
        normalized.KlantcontactUuid = klantcontactUuid;
        normalized.Wachtrij = router.Resolve(normalized);
        return new SyncRecord(recordId, envelope.Sequence, null, normalized, WachtrijRouted: taak.Wachtrij.Length == 0);
    }

    private static bool UuidMatches(string uuid, string recordId, string field, FieldErrors errors)
    {
        FieldRules.TryNormalizeUuid(uuid, out var normalized);
        if (normalized == recordId)
        {
            return true;
        }

        errors.Add(field, "must equal record_id");
        return false;
    }
}
