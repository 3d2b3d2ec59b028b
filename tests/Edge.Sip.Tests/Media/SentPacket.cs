using System.Net;
using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

/// <summary>A packet the session handed to the transport, with the fake-clock time it went out.</summary>
internal sealed record SentPacket(byte[] Bytes, IPEndPoint Destination, DateTimeOffset At)
{
    public RtpHeader Header => RtpPacket.Parse(Bytes).Header;

    public byte[] Payload
    {
        get
        {
            var parsed = RtpPacket.Parse(Bytes);
            return Bytes.AsSpan(parsed.PayloadOffset, parsed.PayloadLength).ToArray();
        }
    }
}
