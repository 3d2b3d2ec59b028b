using Google.Protobuf;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk.Internal.Recording;

/// <summary>
/// Gives a record its id (the payload's uuid, minted as UUIDv7 when empty, lowercased otherwise), validates it by
/// Central's rules, and appends it.
/// </summary>
internal sealed class OutboxRecorder : IOmniRecorder
{
    private readonly OutboxWriter _writer;
    private readonly TimeProvider _time;

    public OutboxRecorder(OutboxWriter writer, TimeProvider time)
    {
        _writer = writer;
        _time = time;
    }

    public Task<RecordReceipt> RecordKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(klantcontact);
        var copy = klantcontact.Clone();
        var now = _time.GetUtcNow();
        copy.Uuid = ResolveUuid(copy.Uuid, now);
        ThrowIfInvalid(RecordValidator.Validate(copy, now));
        return AppendAsync(OutboxRecordKind.Klantcontact, Guid.ParseExact(copy.Uuid, "D"), copy, cancellationToken);
    }

    public Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interneTaak);
        var copy = interneTaak.Clone();
        var now = _time.GetUtcNow();
        copy.Uuid = ResolveUuid(copy.Uuid, now);
        ThrowIfInvalid(RecordValidator.Validate(copy, now));
        return AppendAsync(OutboxRecordKind.InterneTaak, Guid.ParseExact(copy.Uuid, "D"), copy, cancellationToken);
    }

    private Task<RecordReceipt> AppendAsync(OutboxRecordKind kind, Guid id, IMessage payload, CancellationToken cancellationToken)
    {
        // Once queued, a record may be stored whatever happens to the token; before that, cancelling stores nothing.
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.AppendAsync(kind, id, payload.ToByteArray(), _time.GetUtcNow(), cancellationToken);
    }

    // A uuid that is not in 8-4-4-4-12 form is left as it is, for the validator to refuse.
    private static string ResolveUuid(string uuid, DateTimeOffset now)
    {
        if (uuid.Length == 0)
        {
            return RecordIds.NewVersion7(now).ToString("D");
        }

        return FieldRules.TryNormalizeUuid(uuid, out var normalized) ? normalized : uuid;
    }

    private static void ThrowIfInvalid(FieldErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new RecordValidationException(errors.Reasons);
        }
    }
}
