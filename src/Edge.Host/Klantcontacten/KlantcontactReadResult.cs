using Omni.Contracts.V1;

namespace Edge.Host.Klantcontacten;

/// <summary>A parsed klantcontact, or the reasons (field path and problem, never a value) it was refused.</summary>
internal sealed record KlantcontactReadResult(Klantcontact? Klantcontact, IReadOnlyList<string> Errors)
{
    public static KlantcontactReadResult Invalid(params string[] errors) => new(null, errors);

    public static KlantcontactReadResult Valid(Klantcontact klantcontact) => new(klantcontact, []);
}
