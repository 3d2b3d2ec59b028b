using Omni.Contracts.V1;

namespace Central.Api.Klantcontacten;

/// <summary>The outcome of a create, with the stored contact unless it was a conflict.</summary>
internal sealed record CreateResult(CreateOutcome Outcome, Klantcontact? Stored);
