using System.Text;
using Edge.Host.Telephony.Callers;
using Edge.Host.Telephony.Ivr;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Recording;

/// <summary>Turns a call's journal into its klantcontact and follow-up task, without the caller's number in text.</summary>
internal static class CallRecordFactory
{
    private const int MaxOnderwerpLength = 200;
    private const int MaxInhoudLength = 10_000;

    public static Klantcontact CreateKlantcontact(CallJournal journal, string deviceId, DateTimeOffset endedAt)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var klantcontact = new Klantcontact
        {
            Uuid = journal.KlantcontactId.ToString(),
            Kanaal = Kanaal.Telefoon,
            Onderwerp = Truncate(Onderwerp(journal), MaxOnderwerpLength),
            Inhoud = Truncate(Inhoud(journal), MaxInhoudLength),
            Taal = "nld",
            PlaatsgevondenOp = Timestamp.FromDateTimeOffset(journal.StartedAt),
            BeeindigdOp = Timestamp.FromDateTimeOffset(endedAt),
            IndicatieContactGelukt = IsGelukt(journal.Outcome),
            Actor = new Actor { SoortActor = SoortActor.GeautomatiseerdeActor, Identificator = deviceId },
            Dienstverleningstype = journal.ChosenOption?.Dienstverleningstype ?? Dienstverleningstype.Unspecified,
            JourneyId = journal.JourneyId.ToString(),
        };
        klantcontact.Betrokkenen.Add(Klant(journal.Caller));
        return klantcontact;
    }

    /// <summary>The follow-up of the call, or null when it has none.</summary>
    public static InterneTaak? CreateInterneTaak(CallJournal journal, Guid taakId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.FollowUp is not { } soort)
        {
            return null;
        }

        return new InterneTaak
        {
            Uuid = taakId.ToString(),
            Soort = soort,
            KlantcontactUuid = journal.KlantcontactId.ToString(),
            Dienstverleningstype = journal.ChosenOption?.Dienstverleningstype ?? Dienstverleningstype.Unspecified,
            // Without a chosen option Central routes the task; the channel holds no routing of its own.
            Wachtrij = journal.ChosenOption?.Wachtrij ?? string.Empty,
            Terugbelnummer = soort == SoortTaak.Terugbelverzoek ? journal.Caller.E164 ?? string.Empty : string.Empty,
            Toelichting = Truncate(Onderwerp(journal), MaxOnderwerpLength),
            AangemaaktOp = Timestamp.FromDateTimeOffset(createdAt),
        };
    }

    /// <summary>Transferred and called-back contacts succeeded; everything else did not.</summary>
    public static bool IsGelukt(CallOutcome outcome) =>
        outcome is CallOutcome.Doorverbonden or CallOutcome.TerugbelverzoekGenoteerd;

    // The caller's number is recognition, not identification (ARCHITECTURE.md): at most herkend.
    private static Betrokkene Klant(CallerNumber caller)
    {
        if (caller.E164 is null)
        {
            return new Betrokkene { Rol = BetrokkeneRol.Klant, Identificatieniveau = Identificatieniveau.Anoniem };
        }

        return new Betrokkene
        {
            Rol = BetrokkeneRol.Klant,
            Identificatieniveau = Identificatieniveau.Herkend,
            DigitaalAdres = new DigitaalAdres
            {
                Soort = SoortDigitaalAdres.Telefoonnummer,
                Adres = caller.E164,
                // Only a P-Asserted-Identity from a trusted peer was vouched for by the network (RFC 3325).
                Geverifieerd = caller.Source == CallerNumberSource.PAssertedIdentity,
            },
        };
    }

    private static string Onderwerp(CallJournal journal)
    {
        var choices = journal.Choices.Count == 0 ? "geen keuze" : string.Join(", ", journal.Choices);
        return $"IVR: {choices} -> {OutcomeText(journal.Outcome)}";
    }

    private static string Inhoud(CallJournal journal)
    {
        var text = new StringBuilder();
        text.Append("Menupad: ").AppendJoin(" > ", journal.Path).Append('\n');
        text.Append("Uitkomst: ").Append(OutcomeText(journal.Outcome)).Append('\n');
        if (journal.ChosenOption is { Wachtrij.Length: > 0 } option)
        {
            text.Append("Wachtrij: ").Append(option.Wachtrij).Append('\n');
        }

        text.Append("Beller: ").Append(journal.Caller.IsKnown ? "herkend aan telefoonnummer" : "anoniem");
        return text.ToString();
    }

    public static string OutcomeText(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Doorverbonden => "doorverbonden",
        CallOutcome.TerugbelverzoekGenoteerd => "terugbelverzoek",
        CallOutcome.Opgehangen => "opgehangen",
        CallOutcome.NietOpgenomen => "opgehangen tijdens overgaan",
        CallOutcome.GeenBevestiging => "verbinding niet bevestigd",
        CallOutcome.GeenKeuze => "geen geldige keuze",
        CallOutcome.Gesloten => "gesloten",
        CallOutcome.GeenTerugbelnummer => "geen terugbelnummer",
        CallOutcome.Bezet => "in gesprek",
        _ => "afgebroken",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
