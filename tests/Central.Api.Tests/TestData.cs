using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Central.Api.Tests;

/// <summary>Builders for valid messages. The personal data here is seeded so tests can prove it never leaks.</summary>
internal static class TestData
{
    public const string Bsn = "999990019";
    public const string PhoneNumber = "+31612345678";
    public const string Name = "Jansen-de Vries";

    public static string[] PersonalData => [Bsn, PhoneNumber, Name];

    public static string NewUuid(DateTimeOffset time) => Guid.CreateVersion7(time).ToString();

    public static Klantcontact Klantcontact(DateTimeOffset now, string? uuid = null, Kanaal kanaal = Kanaal.Telefoon) =>
        new()
        {
            Uuid = uuid ?? NewUuid(now),
            Kanaal = kanaal,
            Onderwerp = "Vraag over paspoort",
            Inhoud = $"Mevrouw {Name} (BSN {Bsn}) vraagt wanneer het paspoort klaar is.",
            Taal = "nld",
            PlaatsgevondenOp = Timestamp.FromDateTimeOffset(now.AddMinutes(-3)),
            IndicatieContactGelukt = true,
            Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
            JourneyId = "journey-1",
            Betrokkenen =
            {
                new Betrokkene
                {
                    Rol = BetrokkeneRol.Klant,
                    Identificatieniveau = Identificatieniveau.Herkend,
                    DigitaalAdres = new DigitaalAdres { Soort = SoortDigitaalAdres.Telefoonnummer, Adres = PhoneNumber },
                },
            },
            Actor = new Actor { SoortActor = SoortActor.GeautomatiseerdeActor, Identificator = "ivr-gateway-1" },
        };

    public static InterneTaak Terugbelverzoek(DateTimeOffset now, string klantcontactUuid) =>
        new()
        {
            Uuid = NewUuid(now),
            Soort = SoortTaak.Terugbelverzoek,
            KlantcontactUuid = klantcontactUuid,
            Dienstverleningstype = Dienstverleningstype.AlgemeneVraag,
            Wachtrij = "kcc-algemeen",
            Terugbelnummer = PhoneNumber,
            AangemaaktOp = Timestamp.FromDateTimeOffset(now.AddMinutes(-2)),
        };

    public static Envelope Envelope(long sequence, Klantcontact klantcontact) =>
        new()
        {
            RecordId = klantcontact.Uuid,
            Sequence = sequence,
            OccurredAt = klantcontact.PlaatsgevondenOp,
            Klantcontact = klantcontact,
        };

    public static Envelope Envelope(long sequence, InterneTaak taak) =>
        new() { RecordId = taak.Uuid, Sequence = sequence, OccurredAt = taak.AangemaaktOp, InterneTaak = taak };

    /// <summary>A batch of klantcontacten with sequences first..first+count-1.</summary>
    public static PushBatchRequest Batch(DateTimeOffset now, long first, int count, string stream = "stream-a") =>
        Batch(stream, [.. Enumerable.Range(0, count).Select(i => Envelope(first + i, Klantcontact(now)))]);

    public static PushBatchRequest Batch(string stream, params Envelope[] envelopes)
    {
        var request = new PushBatchRequest { DeviceId = "kiosk-3", StreamId = stream };
        request.Envelopes.AddRange(envelopes);
        return request;
    }
}
