using Omni.Contracts.V1;

namespace Omni.Contracts.Validation;

/// <summary>
/// The rules an interne taak (follow-up) must meet to enter the queue: the one definition Central and the SDK
/// both apply. Field names in reasons are the JSON (lowerCamelCase) names; values never appear.
/// </summary>
public static class InterneTaakValidator
{
    private const int MaxWachtrij = 100;
    private const int MaxToelichting = 10_000;

    /// <summary>Adds every problem of <paramref name="taak"/> to <paramref name="errors"/>.</summary>
    /// <param name="taak">The task to check.</param>
    /// <param name="now">The checker's clock: times may be ahead of it by <see cref="FieldRules.MaxClockSkew"/>.</param>
    /// <param name="errors">Where the reasons go.</param>
    public static void Validate(InterneTaak taak, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(taak);
        UnknownFieldRules.Check(errors, string.Empty, taak);
        FieldRules.Uuid(errors, "uuid", taak.Uuid, required: true);
        FieldRules.DefinedEnum(errors, "soort", taak.Soort, required: true);
        // Limitation: only the form of klantcontactUuid is checked, not that the contact is stored: the edge
        // may send the task before its contact in another batch, and refusing it would lose the follow-up.
        FieldRules.Uuid(errors, "klantcontactUuid", taak.KlantcontactUuid, required: true);
        FieldRules.DefinedEnum(errors, "dienstverleningstype", taak.Dienstverleningstype, required: false);
        // An empty wachtrij is routed by Central (WachtrijRouter).
        FieldRules.MaxLength(errors, "wachtrij", taak.Wachtrij, MaxWachtrij);
        var isTerugbelverzoek = taak.Soort == SoortTaak.Terugbelverzoek;
        FieldRules.E164(errors, "terugbelnummer", taak.Terugbelnummer, required: isTerugbelverzoek);
        FieldRules.MaxLength(errors, "toelichting", taak.Toelichting, MaxToelichting);
        if (taak.AangemaaktOp is { } aangemaaktOp)
        {
            UnknownFieldRules.Check(errors, "aangemaaktOp", aangemaaktOp);
        }

        FieldRules.PastTime(errors, "aangemaaktOp", taak.AangemaaktOp, now, required: true);
    }
}
