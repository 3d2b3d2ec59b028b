using System.Text;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Omnichannel.Bench.Harness;

/// <summary>
/// Benchmark records. They hold no personal data at all (an anonymous kiosk visitor, generic text), so
/// nothing a benchmark prints or leaves on disk can leak any.
/// </summary>
internal static class SampleData
{
    /// <summary>Length of inhoud; a typical note of a short contact, giving a record of about 0.5 kB.</summary>
    public const int InhoudLength = 400;

    private const string InhoudText =
        "Bezoeker vraagt welke documenten nodig zijn voor het verlengen van een reisdocument en of een afspraak " +
        "nodig is. Uitgelegd dat een afspraak via de website kan worden gemaakt en dat een pasfoto nodig is. ";

    public static string Inhoud { get; } = Repeat(InhoudText, InhoudLength);

    /// <summary>A klantcontact as a kiosk records it; an empty uuid lets the SDK mint a UUIDv7.</summary>
    public static Klantcontact Klantcontact(DateTimeOffset plaatsgevondenOp, string uuid = "") => new()
    {
        Uuid = uuid,
        Kanaal = Kanaal.Balie,
        Onderwerp = "Reisdocument verlengen",
        Inhoud = Inhoud,
        Taal = "nld",
        PlaatsgevondenOp = Timestamp.FromDateTimeOffset(plaatsgevondenOp),
        IndicatieContactGelukt = true,
        Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
        Betrokkenen =
        {
            new Betrokkene { Rol = BetrokkeneRol.Klant, Identificatieniveau = Identificatieniveau.Anoniem },
        },
        Actor = new Actor { SoortActor = SoortActor.GeautomatiseerdeActor, Identificator = "kiosk-3" },
    };

    private static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length < length)
        {
            builder.Append(text);
        }

        return builder.ToString(0, length);
    }
}
