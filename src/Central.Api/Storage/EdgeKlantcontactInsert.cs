using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>
/// Inserts the klantcontacten of one sync batch with <see cref="KlantcontactRows.InsertSql"/> and source "edge",
/// prepared once per batch, with the values that are the same for the whole batch bound once.
/// </summary>
internal sealed class EdgeKlantcontactInsert : IDisposable
{
    private const int InitialBufferBytes = 4096;

    private readonly SqliteRawStatement _statement;
    private readonly int _uuid;
    private readonly int _kanaal;
    private readonly int _dienstverleningstype;
    private readonly int _journeyId;
    private readonly int _plaatsgevondenOp;
    private readonly int _payload;
    private byte[] _buffer = new byte[InitialBufferBytes];

    public EdgeKlantcontactInsert(SqliteConnection connection, string gemeente, DateTimeOffset receivedAt)
    {
        _statement = new SqliteRawStatement(connection, KlantcontactRows.InsertSql);
        try
        {
            _statement.Bind(_statement.IndexOf("$gemeente"), gemeente);
            _statement.Bind(_statement.IndexOf("$source"), KlantcontactRows.EdgeSource);
            _statement.Bind(_statement.IndexOf("$received_at_ms"), UnixTime.ToMillis(receivedAt));
            _uuid = _statement.IndexOf("$uuid");
            _kanaal = _statement.IndexOf("$kanaal");
            _dienstverleningstype = _statement.IndexOf("$dienstverleningstype");
            _journeyId = _statement.IndexOf("$journey_id");
            _plaatsgevondenOp = _statement.IndexOf("$plaatsgevonden_op_ns");
            _payload = _statement.IndexOf("$payload");
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>Inserts the contact; true when a row was added, false when its uuid is stored already.</summary>
    public bool Execute(Klantcontact klantcontact)
    {
        ArgumentNullException.ThrowIfNull(klantcontact);
        _statement.Bind(_uuid, klantcontact.Uuid);
        _statement.Bind(_kanaal, (long)klantcontact.Kanaal);
        _statement.Bind(_dienstverleningstype, (long)klantcontact.Dienstverleningstype);
        _statement.Bind(_journeyId, klantcontact.JourneyId.Length == 0 ? null : klantcontact.JourneyId);
        _statement.Bind(_plaatsgevondenOp, UnixTime.ToNanos(klantcontact.PlaatsgevondenOp));
        _statement.Bind(_payload, Serialize(klantcontact));
        return _statement.Execute() == 1;
    }

    public void Dispose() => _statement.Dispose();

    // The same bytes as ToByteArray (the stored payload is compared with those), written into one buffer that
    // every record of the batch reuses; SQLite copies a bound blob, so the buffer is free again after binding.
    private ReadOnlySpan<byte> Serialize(Klantcontact klantcontact)
    {
        var size = klantcontact.CalculateSize();
        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        var payload = _buffer.AsSpan(0, size);
        klantcontact.WriteTo(payload);
        return payload;
    }
}
