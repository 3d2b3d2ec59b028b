using System.Text;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Sdp;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Calls;

/// <summary>Requests the peer sends inside the dialog (§12.2.2).</summary>
internal sealed partial class SipCall
{
    public void OnRequest(ServerTransaction transaction, SipMessage request, InboundContext source)
    {
        var cseq = SipFields.CSeq(request);

        // §12.2.2: a lower CSeq than the last one seen is out of order: 500.
        if (cseq.Number < _remoteCSeq)
        {
            transaction.Respond(PlainResponse(request, 500));
            return;
        }

        _remoteCSeq = cseq.Number;
        switch (request.Method)
        {
            case "BYE":
                OnBye(transaction, request);
                break;
            case "INFO":
                OnInfo(transaction, request);
                break;
            case "INVITE":
                OnReInvite(transaction, request, source);
                break;
            case "NOTIFY":
                OnNotify(transaction, request);
                break;
            case "OPTIONS":
                var options = PlainResponse(request, 200);
                UserAgentCore.AddCapabilities(options);
                transaction.Respond(options);
                break;
            default:
                transaction.Respond(UserAgentCore.RefuseMethod(request));
                break;
        }
    }

    private SipMessage PlainResponse(SipMessage request, int status)
    {
        var response = ResponseFactory.Create(request, status, LocalTag);
        response.Add(HeaderNames.Server, _core.UserAgentName);
        return response;
    }

    private void OnBye(ServerTransaction transaction, SipMessage request)
    {
        transaction.Respond(PlainResponse(request, 200));
        if (State == CallState.Ringing)
        {
            _invite.Respond(DialogResponse(_invite.Request, 487));
        }

        End(CallEndReason.RemoteHangUp);
    }

    private void OnInfo(ServerTransaction transaction, SipMessage request)
    {
        if (request.Body.Length == 0)
        {
            transaction.Respond(PlainResponse(request, 200));
            return;
        }

        var type = MediaType(request);
        if (!DtmfInfo.IsSupported(type))
        {
            var unsupported = PlainResponse(request, 415);
            unsupported.Add(HeaderNames.Accept, DtmfInfo.RelayType);
            unsupported.Add(HeaderNames.Accept, DtmfInfo.DtmfType);
            transaction.Respond(unsupported);
            return;
        }

        var digit = DtmfInfo.Read(type, request.Body);
        if (digit is null)
        {
            transaction.Respond(ResponseFactory.Create(request, 400, LocalTag, "Bad Request - Signal"));
            return;
        }

        transaction.Respond(PlainResponse(request, 200));
        _events.Writer.TryWrite(new DigitReceived(digit.Value));
    }

    private void OnReInvite(ServerTransaction transaction, SipMessage request, InboundContext source)
    {
        // §14.2: one offer/answer at a time; while our 2xx awaits its ACK, or before we answered, this is glare.
        if (State == CallState.Ringing || _pendingAck is not null || _local is null)
        {
            var pending = PlainResponse(request, 491);
            transaction.Respond(pending);
            return;
        }

        if (NameAddress.TryParse(request.Get(HeaderNames.Contact), out var contact))
        {
            _remoteTarget = contact.Uri.ToString();
        }

        if (request.Body.Length == 0)
        {
            // P7: a re-INVITE without SDP asks for our offer; the answer comes in the ACK.
            SendInvite2xx(transaction, SdpNegotiator.BuildOffer(_local, ++_sdpVersion), offerInResponse: true);
            return;
        }

        AnswerReInvite(transaction, request, source);
    }

    private void AnswerReInvite(ServerTransaction transaction, SipMessage request, InboundContext source)
    {
        if (MediaType(request) != "application/sdp")
        {
            var unsupported = PlainResponse(request, 415);
            unsupported.Add(HeaderNames.Accept, "application/sdp");
            transaction.Respond(unsupported);
            return;
        }

        var offer = SdpDescription.Parse(Encoding.UTF8.GetString(request.Body));
        // The re-INVITE's source is checked afresh: a new address is only taken under the same policy as the first.
        var negotiated = offer is null
            ? null
            : _core.ReadMedia(offer, source.Remote.Address, LogId, SdpCarrier.ReInviteOffer);
        if (offer is null || negotiated is null || _local is null)
        {
            // §14.2: a refused re-INVITE leaves the session as it was; the call goes on.
            transaction.Respond(PlainResponse(request, 488));
            return;
        }

        _negotiated = negotiated;
        var codec = negotiated.CodecPayloads.ContainsKey(_local.Codec) ? _local.Codec : negotiated.Media.Codecs[0];
        _local = _local with { Codec = codec };
        SendInvite2xx(transaction, SdpNegotiator.BuildAnswer(offer, negotiated, _local, ++_sdpVersion), offerInResponse: false);
        _events.Writer.TryWrite(new MediaChanged(negotiated.Media, codec));
    }

    private void OnNotify(ServerTransaction transaction, SipMessage request)
    {
        var eventType = (request.Get(HeaderNames.Event) ?? string.Empty).Split(';')[0].Trim();
        if (!eventType.Equals("refer", StringComparison.OrdinalIgnoreCase))
        {
            transaction.Respond(PlainResponse(request, 489));
            return;
        }

        if (_transfer is null)
        {
            transaction.Respond(PlainResponse(request, 481));
            return;
        }

        transaction.Respond(PlainResponse(request, 200));
        OnTransferProgress(request);
    }

    private void OnTransferProgress(SipMessage notify)
    {
        if (_transfer is not { } transfer)
        {
            return;
        }

        // RFC 3515 §2.4.5: the body is a message/sipfrag whose status line tells how the transfer goes.
        var fragment = Encoding.UTF8.GetString(notify.Body).Split('\n')[0].Trim();
        var parts = fragment.Split(' ', 3);
        if (parts.Length >= 2 && parts[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            transfer.LastStatus = status;
        }

        var terminated = (notify.Get(HeaderNames.SubscriptionState) ?? string.Empty).Trim()
            .StartsWith("terminated", StringComparison.OrdinalIgnoreCase);
        if (transfer.LastStatus >= 200 || terminated)
        {
            var ok = transfer.LastStatus is >= 200 and < 300;
            transfer.Complete(ok ? TransferOutcome.Succeeded : TransferOutcome.Failed, transfer.LastStatus);
            _transfer = null;
        }
    }

    private static string MediaType(SipMessage request) =>
        (request.Get(HeaderNames.ContentType) ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
}
