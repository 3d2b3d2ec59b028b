using Google.Protobuf;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk.Internal.Recording;

/// <summary>Validates a record, gives it its id (the payload's uuid, minted as UUIDv7 when empty), and appends it.</summary>
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
        ThrowIfInvalid(RecordValidator.Validate(klantcontact));
        var copy = klantcontact.Clone();
        var id = ResolveId(copy.Uuid);
        copy.Uuid = id.ToString("D");
        return AppendAsync(OutboxRecordKind.Klantcontact, id, copy, cancellationToken);
    }

    public Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interneTaak);
        ThrowIfInvalid(RecordValidator.Validate(interneTaak));
        var copy = interneTaak.Clone();
        var id = ResolveId(copy.Uuid);
        copy.Uuid = id.ToString("D");
        return AppendAsync(OutboxRecordKind.InterneTaak, id, copy, cancellationToken);
    }

    private Task<RecordReceipt> AppendAsync(OutboxRecordKind kind, Guid id, IMessage payload, CancellationToken cancellationToken)
    {
        // Once queued, a record may be stored whatever happens to the token; before that, cancelling stores nothing.
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.AppendAsync(kind, id, payload.ToByteArray(), _time.GetUtcNow(), cancellationToken);
    }

    private Guid ResolveId(string uuid) =>
        uuid.Length == 0 ? RecordIds.NewVersion7(_time.GetUtcNow()) : Guid.Parse(uuid);

    private static void ThrowIfInvalid(List<string> reasons)
    {
        if (reasons.Count > 0)
        {
            throw new RecordValidationException(reasons);
        }
    }
}
