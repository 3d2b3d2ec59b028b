using Omni.Contracts.V1;

namespace Central.Api.Klantcontacten;

/// <summary>
/// One page of contacts in arrival order. The cursors are set only when a page lies in that direction.
/// </summary>
internal sealed record KlantcontactPage(
    long Count,
    IReadOnlyList<Klantcontact> Results,
    ListCursor? Next,
    ListCursor? Previous);
