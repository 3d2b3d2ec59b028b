using System.Net;

namespace Edge.Sip.Media;

/// <summary>
/// What the SDP offer/answer decided for one call's audio stream; the fields line up with <see cref="MediaOffer"/>.
/// </summary>
/// <param name="RemoteEndPoint">The address and port from the remote SDP, or null when it gave none or the
/// signalling layer did not allow it (see <see cref="MediaOffer.RemoteEndPoint"/>); we then send nothing until media
/// arrives. Replaced by the source of the first RTP packet received (symmetric RTP, RFC 4961).</param>
/// <param name="Codec">The negotiated G.711 codec.</param>
/// <param name="TelephoneEventPayloadType">The payload type the remote offered for telephone-event (RFC 4733
/// §7.1.1), 0–127, used for both sending and receiving; null when DTMF events were not negotiated.</param>
/// <param name="Direction">Our media direction (RFC 3264 §6.1); hold by the caller means
/// <see cref="CallMediaDirection.ReceiveOnly"/>, under which prompts still run on the clock, silently.</param>
public sealed record RtpSessionConfiguration(
    IPEndPoint? RemoteEndPoint,
    CallAudioCodec Codec,
    int? TelephoneEventPayloadType,
    CallMediaDirection Direction = CallMediaDirection.SendReceive)
{
    /// <summary>The configuration for an offer/answer result of the signalling layer.</summary>
    /// <param name="offer">The remote offer or answer, as <c>IncomingCall.Offer</c> or <c>MediaChanged.Media</c>
    /// give it, with our direction already derived.</param>
    /// <param name="codec">The codec chosen for the call.</param>
    /// <returns>The configuration.</returns>
    public static RtpSessionConfiguration FromOffer(MediaOffer offer, CallAudioCodec codec)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new RtpSessionConfiguration(
            offer.RemoteEndPoint, codec, offer.TelephoneEventPayloadType, offer.Direction);
    }
}
