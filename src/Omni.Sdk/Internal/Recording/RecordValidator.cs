using Omni.Contracts.V1;

namespace Omni.Sdk.Internal.Recording;

/// <summary>Checks what can never be accepted, before anything is stored. Reasons name the field, never its value.</summary>
internal static class RecordValidator
{
    private const int MaxOnderwerp = 200;
    private const int MaxInhoud = 10_000;

    public static List<string> Validate(Klantcontact klantcontact)
    {
        var reasons = new List<string>();
        CheckUuid(reasons, "uuid", klantcontact.Uuid);
        if (klantcontact.Kanaal == Kanaal.Unspecified || !System.Enum.IsDefined(klantcontact.Kanaal))
        {
            reasons.Add("kanaal: must be a known kanaal");
        }

        if (klantcontact.Onderwerp.Length > MaxOnderwerp)
        {
            reasons.Add("onderwerp: at most 200 characters");
        }

        if (klantcontact.Inhoud.Length > MaxInhoud)
        {
            reasons.Add("inhoud: at most 10,000 characters");
        }

        return reasons;
    }

    public static List<string> Validate(InterneTaak interneTaak)
    {
        var reasons = new List<string>();
        CheckUuid(reasons, "uuid", interneTaak.Uuid);
        CheckUuid(reasons, "klantcontact_uuid", interneTaak.KlantcontactUuid);
        if (interneTaak.Soort == SoortTaak.Unspecified || !System.Enum.IsDefined(interneTaak.Soort))
        {
            reasons.Add("soort: must be a known soort taak");
        }

        if (interneTaak.Soort == SoortTaak.Terugbelverzoek && string.IsNullOrWhiteSpace(interneTaak.Terugbelnummer))
        {
            reasons.Add("terugbelnummer: required for a terugbelverzoek");
        }

        return reasons;
    }

    private static void CheckUuid(List<string> reasons, string field, string value)
    {
        if (value.Length > 0 && !Guid.TryParse(value, out _))
        {
            reasons.Add(field + ": must be a UUID");
        }
    }
}
