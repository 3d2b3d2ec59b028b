namespace Omnichannel.Bench.Ingest;

/// <summary>The column values Central stores for one klantcontact, computed before the reference is timed.</summary>
internal sealed record KlantcontactRow(
    long Sequence,
    string Uuid,
    int Kanaal,
    int Dienstverleningstype,
    string? JourneyId,
    long PlaatsgevondenOpNs,
    byte[] Payload);
