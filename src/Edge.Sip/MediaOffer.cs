using System.Net;

namespace Edge.Sip;

/// <summary>What the peer's SDP asks for, reduced to what the RTP layer needs.</summary>
/// <param name="RemoteEndPoint">Where to send RTP; null when the peer gave no usable address or port, or when the
/// address is neither the source of the request that carried the SDP nor sent by one of
/// <see cref="SipOptions.TrustedPeers"/>. Null means: send nothing until the caller's RTP arrives, then answer to its
/// source (symmetric RTP, RFC 4961), as <c>RtpSession</c> does.</param>
/// <param name="Codecs">Offered codecs we support, in the peer's order of preference.</param>
/// <param name="TelephoneEventPayloadType">The peer's payload number for RFC 4733 events, if offered.</param>
/// <param name="Direction">Our direction after answering (the peer's sendonly becomes our ReceiveOnly).</param>
public sealed record MediaOffer(
    IPEndPoint? RemoteEndPoint,
    IReadOnlyList<CallAudioCodec> Codecs,
    int? TelephoneEventPayloadType,
    CallMediaDirection Direction);
