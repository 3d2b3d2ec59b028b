using Omni.Contracts.V1;
using Omni.Sdk;

namespace Edge.Host.Tests.Telephony.Fakes;

/// <summary>Keeps what was recorded, in order; can play an outbox that refuses (full, conflicting uuid).</summary>
internal sealed class FakeOmniRecorder : IOmniRecorder
{
    private long _sequence;

    public List<Klantcontact> Klantcontacten { get; } = [];

    public List<InterneTaak> InterneTaken { get; } = [];

    /// <summary>Every record in the order it was appended.</summary>
    public List<object> Appended { get; } = [];

    /// <summary>When set, every append throws this instead of recording.</summary>
    public Exception? Refusal { get; set; }

    public Task<RecordReceipt> RecordKlantcontactAsync(Klantcontact klantcontact, CancellationToken cancellationToken = default)
    {
        ThrowIfRefusing();
        Klantcontacten.Add(klantcontact.Clone());
        Appended.Add(klantcontact);
        return Task.FromResult(new RecordReceipt(Guid.Parse(klantcontact.Uuid), ++_sequence, false));
    }

    public Task<RecordReceipt> RecordInterneTaakAsync(InterneTaak interneTaak, CancellationToken cancellationToken = default)
    {
        ThrowIfRefusing();
        InterneTaken.Add(interneTaak.Clone());
        Appended.Add(interneTaak);
        return Task.FromResult(new RecordReceipt(Guid.Parse(interneTaak.Uuid), ++_sequence, false));
    }

    private void ThrowIfRefusing()
    {
        if (Refusal is not null)
        {
            throw Refusal;
        }
    }
}
