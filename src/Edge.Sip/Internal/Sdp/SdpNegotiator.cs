using System.Globalization;
using System.Net;

namespace Edge.Sip.Internal.Sdp;

/// <summary>Offer/answer for one audio stream with G.711 and telephone-event (RFC 3264, RFC 4733 §7).</summary>
internal static class SdpNegotiator
{
    /// <summary>The payload number we offer for telephone-event when we make the offer.</summary>
    public const int DefaultTelephoneEventPayload = 101;

    /// <summary>Reads the first usable audio stream; null when none carries a codec we support (answer 488).</summary>
    /// <remarks>The remote endpoint is what the SDP claims; the dialogs read SDP through
    /// <see cref="UserAgentCore.ReadMedia"/>, which applies the media address policy to it.</remarks>
    public static NegotiatedOffer? Read(SdpDescription sdp)
    {
        for (var i = 0; i < sdp.Media.Count; i++)
        {
            var media = sdp.Media[i];
            if (media.Media != "audio" || media.Port == 0 || !media.Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var payloads = ReadCodecs(media, out var order, out var telephoneEvent);
            if (order.Count > 0)
            {
                var offer = new MediaOffer(RemoteEndPoint(sdp, media), order, telephoneEvent, OurDirection(sdp, media));
                return new NegotiatedOffer(i, offer, payloads);
            }
        }

        return null;
    }

    private static Dictionary<CallAudioCodec, int> ReadCodecs(SdpMedia media, out List<CallAudioCodec> order, out int? telephoneEvent)
    {
        var payloads = new Dictionary<CallAudioCodec, int>();
        order = [];
        telephoneEvent = null;
        foreach (var format in media.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
            {
                continue;
            }

            var name = media.RtpMaps.TryGetValue(pt, out var map) ? map : StaticName(pt);
            var codec = CodecOf(name);
            if (codec is { } found && payloads.TryAdd(found, pt))
            {
                order.Add(found);
            }
            else if (name is not null && name.StartsWith("telephone-event/8000", StringComparison.OrdinalIgnoreCase))
            {
                telephoneEvent ??= pt;
            }
        }

        return payloads;
    }

    private static string? StaticName(int pt) => pt switch
    {
        0 => "PCMU/8000",
        8 => "PCMA/8000",
        _ => null,
    };

    private static CallAudioCodec? CodecOf(string? rtpmap)
    {
        if (rtpmap is null)
        {
            return null;
        }

        if (rtpmap.StartsWith("PCMU/8000", StringComparison.OrdinalIgnoreCase))
        {
            return CallAudioCodec.Pcmu;
        }

        return rtpmap.StartsWith("PCMA/8000", StringComparison.OrdinalIgnoreCase) ? CallAudioCodec.Pcma : null;
    }

    private static IPEndPoint? RemoteEndPoint(SdpDescription sdp, SdpMedia media)
    {
        var text = media.ConnectionAddress ?? sdp.ConnectionAddress;
        if (text is null || !IPAddress.TryParse(text, out var address) || media.Port == 0)
        {
            return null;
        }

        // RFC 3264 §8.4: the old hold style c=0.0.0.0 means "do not send to me".
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? null : new IPEndPoint(address, media.Port);
    }

    private static CallMediaDirection OurDirection(SdpDescription sdp, SdpMedia media) =>
        (media.Direction ?? sdp.Direction ?? SdpDirection.SendRecv) switch
        {
            SdpDirection.SendOnly => CallMediaDirection.ReceiveOnly,
            SdpDirection.RecvOnly => CallMediaDirection.SendOnly,
            SdpDirection.Inactive => CallMediaDirection.Inactive,
            _ => CallMediaDirection.SendReceive,
        };

    /// <summary>Builds our answer: same number of m= lines, everything but our audio line rejected with port 0.</summary>
    public static SdpDescription BuildAnswer(SdpDescription offer, NegotiatedOffer negotiated, LocalMedia local, long version)
    {
        var answer = NewDescription(local, version);
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            answer.Media.Add(i == negotiated.AudioIndex ? AnswerAudio(negotiated, local) : Rejected(offered));
        }

        return answer;
    }

    /// <summary>Builds our offer for a re-INVITE without SDP or an INVITE without an offer (RFC 3261 §14.2).</summary>
    public static SdpDescription BuildOffer(LocalMedia local, long version)
    {
        var offer = NewDescription(local, version);
        var pt = (int)local.Codec;
        var media = new SdpMedia { Media = "audio", Port = local.EndPoint.Port, Protocol = "RTP/AVP", Direction = SdpDirection.SendRecv };
        media.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
        media.Formats.Add(local.TelephoneEventPayloadType.ToString(CultureInfo.InvariantCulture));
        media.RtpMaps[pt] = local.Codec == CallAudioCodec.Pcmu ? "PCMU/8000" : "PCMA/8000";
        AddTelephoneEvent(media, local.TelephoneEventPayloadType);
        offer.Media.Add(media);
        return offer;
    }

    private static SdpDescription NewDescription(LocalMedia local, long version)
    {
        var address = local.EndPoint.Address.ToString();
        var origin = "- " + version.ToString(CultureInfo.InvariantCulture) + " " + version.ToString(CultureInfo.InvariantCulture)
            + " " + SdpDescription.ConnectionLine(address);
        return new SdpDescription { Origin = origin, SessionName = "-", ConnectionAddress = address };
    }

    private static SdpMedia AnswerAudio(NegotiatedOffer negotiated, LocalMedia local)
    {
        var codec = negotiated.CodecPayloads.ContainsKey(local.Codec) ? local.Codec : negotiated.Media.Codecs[0];
        var pt = negotiated.CodecPayloads[codec];
        var media = new SdpMedia
        {
            Media = "audio",
            Port = local.EndPoint.Port,
            Protocol = "RTP/AVP",
            Direction = ToSdp(negotiated.Media.Direction),
        };
        media.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
        media.RtpMaps[pt] = codec == CallAudioCodec.Pcmu ? "PCMU/8000" : "PCMA/8000";
        if (negotiated.Media.TelephoneEventPayloadType is { } te)
        {
            // P2: answer on the caller's own payload number for telephone-event (RFC 3264 §6.1).
            media.Formats.Add(te.ToString(CultureInfo.InvariantCulture));
            AddTelephoneEvent(media, te);
        }

        return media;
    }

    private static void AddTelephoneEvent(SdpMedia media, int pt)
    {
        var text = pt.ToString(CultureInfo.InvariantCulture);
        media.RtpMaps[pt] = "telephone-event/8000";
        media.Attributes.Add("fmtp:" + text + " 0-16");
    }

    private static SdpMedia Rejected(SdpMedia offered)
    {
        // RFC 3264 §6: a rejected stream keeps its m= line with port zero.
        var media = new SdpMedia { Media = offered.Media, Port = 0, Protocol = offered.Protocol };
        media.Formats.Add(offered.Formats.Count > 0 ? offered.Formats[0] : "0");
        return media;
    }

    private static SdpDirection ToSdp(CallMediaDirection direction) => direction switch
    {
        CallMediaDirection.ReceiveOnly => SdpDirection.RecvOnly,
        CallMediaDirection.SendOnly => SdpDirection.SendOnly,
        CallMediaDirection.Inactive => SdpDirection.Inactive,
        _ => SdpDirection.SendRecv,
    };
}
