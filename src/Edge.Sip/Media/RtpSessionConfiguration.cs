using System.Net;

namespace Edge.Sip.Media;

/// <summary>What the SDP offer/answer decided for one call's audio stream.</summary>
/// <param name="RemoteEndPoint">The address and port from the remote SDP; replaced by the source of the first RTP
/// packet received (symmetric RTP, RFC 4961) once media arrives.</param>
/// <param name="Codec">The negotiated G.711 codec.</param>
/// <param name="TelephoneEventPayloadType">The payload type the remote offered for telephone-event (RFC 4733
/// §7.1.1), used for both sending and receiving; null when DTMF events were not negotiated.</param>
/// <param name="Direction">Our media direction.</param>
public sealed record RtpSessionConfiguration(
    IPEndPoint RemoteEndPoint,
    AudioCodec Codec,
    byte? TelephoneEventPayloadType,
    MediaDirection Direction = MediaDirection.SendReceive);
