using System.Buffers.Binary;

namespace Omni.Sdk.Internal.Security;

/// <summary>
/// The row a sealed payload belongs to, written as AES-GCM associated data: a payload opened under any other
/// binding (another record, another kind or time, another sequence for old rows) fails its tag check.
/// </summary>
internal readonly record struct SealBinding
{
    /// <summary>The longest associated data of any format, in bytes.</summary>
    public const int MaxSize = 29;

    private const int SequenceBoundSize = 24;

    private SealBinding(SealFormat format, Guid recordId, long sequence, int kind, long occurredAtMs)
    {
        Format = format;
        RecordId = recordId;
        Sequence = sequence;
        Kind = kind;
        OccurredAtMs = occurredAtMs;
    }

    public SealFormat Format { get; }

    public Guid RecordId { get; }

    public long Sequence { get; }

    public int Kind { get; }

    public long OccurredAtMs { get; }

    /// <summary>The binding of rows sealed before schema version 3: record id and sequence.</summary>
    public static SealBinding SequenceBound(Guid recordId, long sequence) =>
        new(SealFormat.SequenceBound, recordId, sequence, 0, 0);

    /// <summary>The binding of rows sealed since schema version 3: record id, kind and occurred-at (Unix ms).</summary>
    public static SealBinding RecordBound(Guid recordId, int kind, long occurredAtMs) =>
        new(SealFormat.RecordBound, recordId, 0, kind, occurredAtMs);

    /// <summary>Writes the associated data into <paramref name="destination"/>; returns its length.</summary>
    /// <remarks>
    /// The formats differ in length (24 and 29 bytes) and the newer one starts with its format number, so the
    /// associated data of one format can never equal that of the other.
    /// </remarks>
    public int Write(Span<byte> destination)
    {
        if (Format == SealFormat.SequenceBound)
        {
            // Exactly the layout the first outbox versions sealed with: rows already on disk must still open.
            RecordId.TryWriteBytes(destination[..16], bigEndian: true, out _);
            BinaryPrimitives.WriteInt64BigEndian(destination[16..], Sequence);
            return SequenceBoundSize;
        }

        destination[0] = (byte)SealFormat.RecordBound;
        RecordId.TryWriteBytes(destination.Slice(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(destination[17..], Kind);
        BinaryPrimitives.WriteInt64BigEndian(destination[21..], OccurredAtMs);
        return MaxSize;
    }
}
