using System.Globalization;
using System.Net;
using System.Text;
using Edge.Sip.Internal.Calls;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Sdp;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal;

/// <summary>A new INVITE outside any dialog: capacity, content and offer checks, then a ringing call.</summary>
internal sealed partial class UserAgentCore
{
    private void OnInvite(ServerTransaction transaction, SipMessage invite, InboundContext source)
    {
        var refusal = CheckCapacity(invite);
        SdpDescription? offer = null;
        NegotiatedOffer? negotiated = null;
        refusal ??= CheckInviteContent(invite, source, out offer, out negotiated);
        if (refusal is not null)
        {
            LogRequestRefused(_logger, "INVITE", refusal.StatusCode);
            transaction.Respond(refusal);
            return;
        }

        if (!NameAddress.TryParse(invite.Get(HeaderNames.Contact), out var contact))
        {
            transaction.Respond(ResponseFactory.Create(invite, 400, RandomIds.Tag(), "Bad Request - Contact"));
            return;
        }

        // §17.2.1: 100 Trying at once, well within 200 ms, so the caller stops retransmitting.
        transaction.Respond(ResponseFactory.Create(invite, 100, null));
        var call = new SipCall(this, transaction, source, contact.Uri.ToString(), offer, negotiated);
        _calls[DialogKey(call.CallId, call.LocalTag, call.RemoteTag)] = call;
        _callsByInvite[transaction.Key] = call;
        call.Ring();
        var identity = CallerIdentityReader.Read(invite, source.Remote.Address, _options.TrustedPeers);
        var media = negotiated?.Media
            ?? new MediaOffer(null, [CallAudioCodec.Pcmu, CallAudioCodec.Pcma], null, CallMediaDirection.SendReceive);
        LogCallOffered(_logger, call.LogId, source.Kind, _calls.Count);
        _incoming.Writer.TryWrite(new IncomingCall(call, call.LogId, identity, media, negotiated is not null));
    }

    private SipMessage? CheckCapacity(SipMessage invite)
    {
        if (_calls.Count < _options.MaxConcurrentCalls)
        {
            return null;
        }

        var response = ResponseFactory.Create(invite, 503, RandomIds.Tag());
        response.Add(HeaderNames.RetryAfter, _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private SipMessage? CheckInviteContent(SipMessage invite, InboundContext source, out SdpDescription? offer,
        out NegotiatedOffer? negotiated)
    {
        offer = null;
        negotiated = null;
        if (invite.Body.Length == 0)
        {
            // An INVITE without an offer: we offer in the 200 and take the answer from the ACK (§13.2.1).
            return null;
        }

        var type = (invite.Get(HeaderNames.ContentType) ?? string.Empty).Split(';')[0].Trim();
        var encoding = invite.Get(HeaderNames.ContentEncoding);
        if (!type.Equals("application/sdp", StringComparison.OrdinalIgnoreCase)
            || (encoding is not null && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            // §8.2.3: 415 listing what we accept.
            var response = ResponseFactory.Create(invite, 415, RandomIds.Tag());
            response.Add(HeaderNames.Accept, "application/sdp");
            response.Add(HeaderNames.AcceptEncoding, "identity");
            return response;
        }

        offer = SdpDescription.Parse(Encoding.UTF8.GetString(invite.Body));
        if (offer is null)
        {
            return ResponseFactory.Create(invite, 400, RandomIds.Tag(), "Bad Request - SDP");
        }

        var callHash = Hash(invite.CallId ?? string.Empty);
        negotiated = ReadMedia(offer, source.Remote.Address, callHash, SdpCarrier.InviteOffer);
        return negotiated is null ? ResponseFactory.Create(invite, 488, RandomIds.Tag()) : null;
    }

    /// <summary>
    /// Reads a peer's offer or answer and applies <see cref="MediaAddressPolicy"/>: every SDP the dialogs act on
    /// passes here, so no RTP address from SDP is used that the policy did not allow.
    /// </summary>
    /// <param name="sdp">The session description.</param>
    /// <param name="requestSource">Source address of the request that carried it.</param>
    /// <param name="callHash">The call's keyed Call-ID hash, for the log.</param>
    /// <param name="carrier">Which request carried it, for the log.</param>
    /// <returns>The negotiated media, with no remote endpoint when the policy refused it; null when unusable.</returns>
    public NegotiatedOffer? ReadMedia(SdpDescription sdp, IPAddress requestSource, string callHash, SdpCarrier carrier)
    {
        var negotiated = SdpNegotiator.Read(sdp);
        if (negotiated?.Media.RemoteEndPoint is not { } remote
            || MediaAddressPolicy.Allows(remote.Address, requestSource, _options.TrustedPeers))
        {
            return negotiated;
        }

        LogMediaAddressIgnored(_logger, callHash, carrier);
        return negotiated with { Media = negotiated.Media with { RemoteEndPoint = null } };
    }
}
