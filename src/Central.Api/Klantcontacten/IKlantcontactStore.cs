using Omni.Contracts.V1;

namespace Central.Api.Klantcontacten;

/// <summary>
/// The klantcontacten register of one tenant (the configured gemeente). SQLite is the embedded default;
/// a PostgreSQL implementation fits behind the same interface.
/// </summary>
internal interface IKlantcontactStore
{
    /// <summary>Stores a validated contact whose uuid is normalised; idempotent on uuid and content.</summary>
    Task<CreateResult> CreateAsync(
        Klantcontact klantcontact,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken);

    /// <summary>The stored contact, or null when the uuid (normalised) is unknown.</summary>
    Task<Klantcontact?> GetAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>One page in arrival order, with the total that matches the filters.</summary>
    Task<KlantcontactPage> ListAsync(KlantcontactQuery query, CancellationToken cancellationToken);
}
