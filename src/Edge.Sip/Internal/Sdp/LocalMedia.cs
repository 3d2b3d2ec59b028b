using System.Net;

namespace Edge.Sip.Internal.Sdp;

/// <summary>Our side of the media: where we receive RTP, which codec we chose and how we want it to flow.</summary>
internal sealed record LocalMedia(IPEndPoint EndPoint, CallAudioCodec Codec, int TelephoneEventPayloadType);
