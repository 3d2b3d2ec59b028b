using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>Builds the RTP packets a remote phone would send.</summary>
internal static class TestRtp
{
    public static byte[] Event(
        byte payloadType,
        ushort sequence,
        uint timestamp,
        byte eventCode,
        bool end = false,
        ushort duration = 160,
        bool marker = false,
        uint ssrc = 0x5EED,
        byte flagsExtra = 0)
    {
        var flags = (byte)((end ? 0x80 : 0) | 10 | flagsExtra);
        byte[] payload = [eventCode, flags, (byte)(duration >> 8), (byte)duration];
        return Packet(payloadType, sequence, timestamp, payload, marker, ssrc);
    }

    /// <summary>A whole key press: start with marker, <paramref name="updates"/> updates, three ends.</summary>
    public static IEnumerable<byte[]> KeyPress(byte payloadType, ushort firstSequence, uint timestamp, byte eventCode,
        int updates = 3, uint ssrc = 0x5EED)
    {
        var sequence = firstSequence;
        yield return Event(payloadType, sequence++, timestamp, eventCode, marker: true, ssrc: ssrc);
        for (var i = 1; i <= updates; i++)
        {
            yield return Event(payloadType, sequence++, timestamp, eventCode, duration: (ushort)(160 * (i + 1)),
                ssrc: ssrc);
        }

        for (var i = 0; i < 3; i++)
        {
            yield return Event(payloadType, sequence++, timestamp, eventCode, end: true,
                duration: (ushort)(160 * (updates + 2)), ssrc: ssrc);
        }
    }

    public static byte[] Audio(ushort sequence, uint timestamp, uint ssrc = 0x5EED) =>
        Packet(0, sequence, timestamp, new byte[160], false, ssrc);

    private static byte[] Packet(byte payloadType, ushort sequence, uint timestamp, byte[] payload, bool marker,
        uint ssrc)
    {
        var header = new RtpHeader
        {
            Marker = marker,
            PayloadType = payloadType,
            SequenceNumber = sequence,
            Timestamp = timestamp,
            Ssrc = ssrc,
        };
        var buffer = new byte[RtpPacket.GetHeaderLength(header) + payload.Length];
        RtpPacket.Write(header, payload, 0, buffer);
        return buffer;
    }
}
