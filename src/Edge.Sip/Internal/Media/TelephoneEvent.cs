using System.Buffers.Binary;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// One RFC 4733 §2.3 event payload: event (8 bits), E (end), R (reserved), volume (6 bits), duration (16 bits).
/// </summary>
/// <param name="EventCode">The event, 0–255.</param>
/// <param name="IsEnd">The E bit: this packet reports the end of the event.</param>
/// <param name="Volume">The power level in -dBm0, 0–63.</param>
/// <param name="Duration">The duration so far, in timestamp units.</param>
internal readonly record struct TelephoneEvent(byte EventCode, bool IsEnd, byte Volume, ushort Duration)
{
    public const int Length = 4;

    private const byte EndBit = 0x80;
    private const byte VolumeMask = 0x3F;

    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        // RFC 4733 §2.3.3: the R bit (0x40) is reserved; senders set it to 0 and receivers ignore it, so the
        // volume (§2.3.4) is only the low six bits.
        var flags = payload[1];
        var duration = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        value = new TelephoneEvent(payload[0], (flags & EndBit) != 0, (byte)(flags & VolumeMask), duration);
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = EventCode;
        destination[1] = (byte)((IsEnd ? EndBit : 0) | (Volume & VolumeMask));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
