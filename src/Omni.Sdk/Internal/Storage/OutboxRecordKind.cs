namespace Omni.Sdk.Internal.Storage;

/// <summary>Which payload a row holds; stored as an integer, so values never change.</summary>
internal enum OutboxRecordKind
{
    /// <summary>A <see cref="Omni.Contracts.V1.Klantcontact"/>.</summary>
    Klantcontact = 1,

    /// <summary>An <see cref="Omni.Contracts.V1.InterneTaak"/>.</summary>
    InterneTaak = 2,
}
