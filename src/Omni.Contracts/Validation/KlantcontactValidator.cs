using System.Text.RegularExpressions;
using Omni.Contracts.V1;

namespace Omni.Contracts.Validation;

/// <summary>
/// The rules a klantcontact must meet to enter the register: the one definition Central applies to REST, gRPC
/// and edge sync, and the SDK applies before it stores a record, so that an edge refuses at once what Central
/// would refuse for good. Field names in reasons are the JSON (lowerCamelCase) names; values never appear.
/// </summary>
public static partial class KlantcontactValidator
{
    /// <summary>The most characters of onderwerp.</summary>
    public const int MaxOnderwerp = 200;

    /// <summary>The most characters of inhoud.</summary>
    public const int MaxInhoud = 10_000;
    private const int MaxReference = 200;
    private const int MaxJourneyId = 100;
    private const int MaxBetrokkenen = 50;
    private const int MaxAdres = 254;

    /// <summary>Adds every problem of <paramref name="klantcontact"/> to <paramref name="errors"/>.</summary>
    /// <param name="klantcontact">The contact to check.</param>
    /// <param name="now">The checker's clock: times may be ahead of it by <see cref="FieldRules.MaxClockSkew"/>.</param>
    /// <param name="errors">Where the reasons go.</param>
    public static void Validate(Klantcontact klantcontact, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(klantcontact);
        UnknownFieldRules.Check(errors, string.Empty, klantcontact);
        FieldRules.Uuid(errors, "uuid", klantcontact.Uuid, required: true);
        FieldRules.DefinedEnum(errors, "kanaal", klantcontact.Kanaal, required: true);
        FieldRules.DefinedEnum(errors, "dienstverleningstype", klantcontact.Dienstverleningstype, required: false);
        FieldRules.MaxLength(errors, "onderwerp", klantcontact.Onderwerp, MaxOnderwerp);
        FieldRules.MaxLength(errors, "inhoud", klantcontact.Inhoud, MaxInhoud);
        ValidateTaal(errors, klantcontact.Taal);
        ValidateReferences(errors, klantcontact);
        ValidateTimes(errors, klantcontact, now);
        ValidateBetrokkenen(errors, klantcontact);
        ValidateActor(errors, klantcontact.Actor);
    }

    private static void ValidateTaal(FieldErrors errors, string taal)
    {
        if (taal.Length > 0 && !LanguageCode().IsMatch(taal))
        {
            errors.Add("taal", "must be an ISO 639-1 or 639-2 code in lower case");
        }
    }

    private static void ValidateReferences(FieldErrors errors, Klantcontact klantcontact)
    {
        FieldRules.MaxLength(errors, "referentienummer", klantcontact.Referentienummer, MaxReference);
        FieldRules.MaxLength(errors, "verzoekReferentie", klantcontact.VerzoekReferentie, MaxReference);
        FieldRules.MaxLength(errors, "zaakReferentie", klantcontact.ZaakReferentie, MaxReference);
        FieldRules.MaxLength(errors, "journeyId", klantcontact.JourneyId, MaxJourneyId);
    }

    private static void ValidateTimes(FieldErrors errors, Klantcontact klantcontact, DateTimeOffset now)
    {
        CheckUnknownFields(errors, "plaatsgevondenOp", klantcontact.PlaatsgevondenOp);
        CheckUnknownFields(errors, "beeindigdOp", klantcontact.BeeindigdOp);
        FieldRules.PastTime(errors, "plaatsgevondenOp", klantcontact.PlaatsgevondenOp, now, required: true);
        FieldRules.PastTime(errors, "beeindigdOp", klantcontact.BeeindigdOp, now, required: false);
        if (klantcontact.PlaatsgevondenOp is { } start && klantcontact.BeeindigdOp is { } end
            && FieldRules.IsValidTimestamp(start) && FieldRules.IsValidTimestamp(end) && end < start)
        {
            errors.Add("beeindigdOp", "must not be before plaatsgevondenOp");
        }
    }

    private static void ValidateBetrokkenen(FieldErrors errors, Klantcontact klantcontact)
    {
        if (klantcontact.Betrokkenen.Count > MaxBetrokkenen)
        {
            errors.Add("betrokkenen", $"must have at most {MaxBetrokkenen} entries");
            return;
        }

        for (var index = 0; index < klantcontact.Betrokkenen.Count; index++)
        {
            ValidateBetrokkene(errors.Under("betrokkenen", index), klantcontact.Betrokkenen[index]);
        }
    }

    private static void ValidateBetrokkene(FieldErrors errors, Betrokkene betrokkene)
    {
        UnknownFieldRules.Check(errors, string.Empty, betrokkene);
        FieldRules.MaxLength(errors, "partijReferentie", betrokkene.PartijReferentie, MaxReference);
        FieldRules.DefinedEnum(errors, "rol", betrokkene.Rol, required: false);
        FieldRules.DefinedEnum(errors, "identificatieniveau", betrokkene.Identificatieniveau, required: false);
        if (betrokkene.DigitaalAdres is { } adres)
        {
            ValidateDigitaalAdres(errors.Under("digitaalAdres"), adres);
        }
    }

    // A telefoonnummer is E.164, as the edge records a caller's number, so one person's number is stored one way.
    private static void ValidateDigitaalAdres(FieldErrors errors, DigitaalAdres adres)
    {
        UnknownFieldRules.Check(errors, string.Empty, adres);
        FieldRules.DefinedEnum(errors, "soort", adres.Soort, required: false);
        if (adres.Soort == SoortDigitaalAdres.Telefoonnummer)
        {
            FieldRules.E164(errors, "adres", adres.Adres, required: true);
        }
        else
        {
            FieldRules.MaxLength(errors, "adres", adres.Adres, MaxAdres);
        }
    }

    private static void ValidateActor(FieldErrors errors, Actor? actor)
    {
        if (actor is null)
        {
            return;
        }

        UnknownFieldRules.Check(errors, "actor", actor);
        FieldRules.DefinedEnum(errors, "actor.soortActor", actor.SoortActor, required: false);
        FieldRules.MaxLength(errors, "actor.identificator", actor.Identificator, MaxReference);
        FieldRules.MaxLength(errors, "actor.naam", actor.Naam, MaxReference);
    }

    private static void CheckUnknownFields(FieldErrors errors, string field, Google.Protobuf.WellKnownTypes.Timestamp? time)
    {
        if (time is not null)
        {
            UnknownFieldRules.Check(errors, field, time);
        }
    }

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
