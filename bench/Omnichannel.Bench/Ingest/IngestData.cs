using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// One edge's stream of klantcontacten as PushBatch requests, and the very same records as the rows Central
/// stores, for the raw reference. Built once and reused by every round (each round has a fresh database).
/// </summary>
internal sealed class IngestData
{
    public const string DeviceId = "bench-kiosk";
    private const long NanosPerSecond = 1_000_000_000;

    private static readonly Kanaal[] Kanalen = [Kanaal.Balie, Kanaal.Telefoon, Kanaal.Email, Kanaal.Webformulier];

    private IngestData(string streamId, List<PushBatchRequest> batches, List<KlantcontactRow[]> rows)
    {
        StreamId = streamId;
        Batches = batches;
        Rows = rows;
    }

    public string StreamId { get; }

    public IReadOnlyList<PushBatchRequest> Batches { get; }

    public IReadOnlyList<KlantcontactRow[]> Rows { get; }

    public int Records => Batches.Sum(b => b.Envelopes.Count);

    public static IngestData Create(int records, int batchSize, DateTimeOffset now)
    {
        var start = now.AddDays(-1);
        var streamId = Guid.NewGuid().ToString("D");
        var batches = new List<PushBatchRequest>();
        var rows = new List<KlantcontactRow[]>();
        for (var first = 0; first < records; first += batchSize)
        {
            var contacts = Enumerable.Range(first, Math.Min(batchSize, records - first))
                .Select(i => Contact(start, i))
                .ToArray();
            batches.Add(Batch(streamId, first, contacts));
            rows.Add([.. contacts.Select((contact, i) => Row(first + i + 1, contact))]);
        }

        return new IngestData(streamId, batches, rows);
    }

    // Spread over channels; every fourth contact is part of a journey, so the partial index gets rows too.
    private static Klantcontact Contact(DateTimeOffset start, int index)
    {
        var time = start.AddMilliseconds(index * 100.0);
        var contact = SampleData.Klantcontact(time, Guid.CreateVersion7(time).ToString("D"));
        contact.Kanaal = Kanalen[index % Kanalen.Length];
        contact.JourneyId = index % 4 == 0 ? $"journey-{index / 4}" : string.Empty;
        return contact;
    }

    private static PushBatchRequest Batch(string streamId, int first, Klantcontact[] contacts)
    {
        var request = new PushBatchRequest { DeviceId = DeviceId, StreamId = streamId };
        request.Envelopes.AddRange(contacts.Select((contact, i) => new Envelope
        {
            RecordId = contact.Uuid,
            Sequence = first + i + 1,
            OccurredAt = contact.PlaatsgevondenOp,
            Klantcontact = contact,
        }));
        return request;
    }

    private static KlantcontactRow Row(long sequence, Klantcontact contact) => new(
        sequence,
        contact.Uuid,
        (int)contact.Kanaal,
        (int)contact.Dienstverleningstype,
        contact.JourneyId.Length == 0 ? null : contact.JourneyId,
        Nanos(contact.PlaatsgevondenOp),
        contact.ToByteArray());

    private static long Nanos(Timestamp timestamp) => (timestamp.Seconds * NanosPerSecond) + timestamp.Nanos;
}
