using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// Makes klantcontacten that carry personal data (inhoud, a caller's phone number, a medewerker's name) seeded with
/// a marker that no log line may ever contain, and remembers each one as sent so delivery can be checked.
/// </summary>
internal sealed class SeededContacts
{
    private readonly ConcurrentDictionary<string, Klantcontact> _sent = new();

    /// <summary>Unique per test so that one test's data can never explain another's log line.</summary>
    public string Marker { get; } = "Geheim" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    /// <summary>Every contact made, by uuid.</summary>
    public IReadOnlyDictionary<string, Klantcontact> Sent => _sent;

    /// <summary>The phone numbers handed out, digits only, to find them however a log might format them.</summary>
    public ConcurrentDictionary<string, byte> PhoneDigits { get; } = new();

    public Klantcontact Next()
    {
        var now = TimeProvider.System.GetUtcNow();
        var uuid = Guid.CreateVersion7(now).ToString("D");
        var subscriber = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000);
        var phone = "316" + subscriber.ToString(CultureInfo.InvariantCulture);
        PhoneDigits[phone] = 0;
        var klantcontact = new Klantcontact
        {
            Uuid = uuid,
            Kanaal = Kanaal.Telefoon,
            Onderwerp = "Vraag over afvalinzameling",
            Inhoud = $"Inwoner belde over container; {Marker} notitie {uuid[^6..]} woont op Dorpsstraat 12",
            Taal = "nld",

            // Whole seconds: what Central stores and returns is then exactly what was sent.
            PlaatsgevondenOp = Timestamp.FromDateTimeOffset(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond))),
            IndicatieContactGelukt = true,
            Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
            JourneyId = "journey-" + uuid[..8],
            Actor = new Actor
            {
                SoortActor = SoortActor.Medewerker,
                Identificator = "mdw-17",
                Naam = "J. de Vries " + Marker,
            },
            Betrokkenen =
            {
                new Betrokkene
                {
                    Rol = BetrokkeneRol.Klant,
                    Identificatieniveau = Identificatieniveau.Herkend,
                    DigitaalAdres = new DigitaalAdres
                    {
                        Soort = SoortDigitaalAdres.Telefoonnummer,
                        Adres = "+" + phone,
                    },
                },
            },
        };
        _sent[uuid] = klantcontact;
        return klantcontact;
    }
}
