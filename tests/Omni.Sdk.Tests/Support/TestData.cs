using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Omni.Sdk.Tests.Support;

/// <summary>Records seeded with personal data that must never show up in logs, messages or the outbox file in clear.</summary>
internal static class TestData
{
    public const string Naam = "Wilhelmina Jansen-Verbeek";
    public const string Telefoon = "+31612345678";
    public const string Bsn = "123456782";
    public const string Inhoud = "Mevrouw Wilhelmina Jansen-Verbeek (BSN 123456782) belde over haar paspoort";

    public static readonly string[] PersonalData = [Naam, Telefoon, Bsn, Inhoud, "Jansen-Verbeek"];

    public static Klantcontact Klantcontact(string uuid = "") => new()
    {
        Uuid = uuid,
        Kanaal = Kanaal.Telefoon,
        Onderwerp = "paspoort aanvragen",
        Inhoud = Inhoud,
        Taal = "nld",
        PlaatsgevondenOp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero)),
        Betrokkenen =
        {
            new Betrokkene
            {
                Rol = BetrokkeneRol.Klant,
                Identificatieniveau = Identificatieniveau.Herkend,
                DigitaalAdres = new DigitaalAdres { Soort = SoortDigitaalAdres.Telefoonnummer, Adres = Telefoon },
            },
        },
        Actor = new Actor { SoortActor = SoortActor.GeautomatiseerdeActor, Identificator = "ivr-gateway-1", Naam = "IVR" },
    };

    public static InterneTaak Terugbelverzoek(string klantcontactUuid) => new()
    {
        Soort = SoortTaak.Terugbelverzoek,
        KlantcontactUuid = klantcontactUuid,
        Wachtrij = "burgerzaken",
        Terugbelnummer = Telefoon,
        Toelichting = "Terugbellen voor " + Naam,
        AangemaaktOp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 9, 35, 0, TimeSpan.Zero)),
    };
}
