using Omni.Contracts.V1;
using Omni.Contracts.Validation;
using Omni.Sdk;

namespace Edge.Host.Tests.Fakes;

/// <summary>
/// Records in memory after the same validation the real recorder runs (Central's rules, on the real clock); can be
/// told to throw what the real outbox throws.
/// </summary>
internal sealed class FakeOmniRecorder : IOmniRecorder
{
    private readonly Dictionary<string, RecordReceipt> _receipts = [];

    public Exception? Throw { get; set; }

    public List<Klantcontact> Klantcontacten { get; } = [];

    public Task<RecordReceipt> RecordKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken = default)
    {
        if (Throw is not null)
        {
            return Task.FromException<RecordReceipt>(Throw);
        }

        var errors = new FieldErrors();
        KlantcontactValidator.Validate(klantcontact, TimeProvider.System.GetUtcNow(), errors);
        if (!errors.IsEmpty)
        {
            return Task.FromException<RecordReceipt>(new RecordValidationException(errors.Reasons));
        }

        lock (_receipts)
        {
            if (_receipts.TryGetValue(klantcontact.Uuid, out var earlier))
            {
                return Task.FromResult(earlier with { AlreadyRecorded = true });
            }

            Klantcontacten.Add(klantcontact.Clone());
            var receipt = new RecordReceipt(Guid.Parse(klantcontact.Uuid), _receipts.Count + 1, false);
            _receipts.Add(klantcontact.Uuid, receipt);
            return Task.FromResult(receipt);
        }
    }

    public Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The edge host API does not record interne taken.");
}
