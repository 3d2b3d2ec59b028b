using System.Globalization;
using Edge.Sip.Internal.Calls;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal;

/// <summary>Inbound requests and responses: matching (§17.2.3) and the UAS checks of §8.2 in their order.</summary>
internal sealed partial class UserAgentCore
{
    private void OnRequest(SipMessage request, InboundContext source)
    {
        LogRequestReceived(_logger, request.Method!, source.Kind);
        if (request.Version != SipMessage.SipVersion)
        {
            // §8.2.? and §21.5.7: only SIP/2.0 is spoken here.
            RespondStateless(request, source, 505, null);
            return;
        }

        var target = ResponseRouting.Prepare(request, source);
        var key = TransactionKey(request, request.Method == "ACK" ? "INVITE" : request.Method!);
        if (request.Method == "ACK")
        {
            OnAck(request, key, source);
            return;
        }

        if (_server.TryGetValue(key, out var existing))
        {
            // A retransmission: the transaction answers it with its last response (P3).
            existing.OnRetransmission();
            return;
        }

        var transaction = NewServerTransaction(key, request, target);
        if (request.Method == "CANCEL")
        {
            OnCancel(transaction, request);
            return;
        }

        var rejection = Check(request);
        if (rejection is not null)
        {
            LogRequestRefused(_logger, request.Method!, rejection.StatusCode);
            transaction.Respond(rejection);
            return;
        }

        Dispatch(transaction, request, source);
    }

    private ServerTransaction NewServerTransaction(string key, SipMessage request, SendTarget target)
    {
        var transaction = new ServerTransaction(key, request, target, Schedule, Send, OnServerTransactionTerminated);
        _server[key] = transaction;
        _mergeIndex.TryAdd(MergeKey(request), key);
        return transaction;
    }

    private void OnServerTransactionTerminated(ServerTransaction transaction)
    {
        _server.Remove(transaction.Key);
        var merge = MergeKey(transaction.Request);
        if (_mergeIndex.TryGetValue(merge, out var key) && key == transaction.Key)
        {
            _mergeIndex.Remove(merge);
        }
    }

    private SipMessage? Check(SipMessage request)
    {
        // §8.2.1 method inspection first, then §8.2.2 header inspection.
        if (!Allowed.Contains(request.Method!))
        {
            return RefuseMethod(request);
        }

        if (!SipUri.TryParse(request.RequestUri, out var uri) || uri.Scheme == "tel")
        {
            // §8.2.2.1: we are addressed by sip: and sips: URIs only.
            return ResponseFactory.Create(request, 416, RandomIds.Tag(), "Unsupported URI Scheme");
        }

        return CheckMaxForwards(request) ?? CheckRequire(request) ?? CheckDialog(request);
    }

    private static SipMessage? CheckMaxForwards(SipMessage request)
    {
        var text = request.Get(HeaderNames.MaxForwards);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) || hops > 255)
        {
            return ResponseFactory.Create(request, 400, RandomIds.Tag(), "Bad Request - Max-Forwards");
        }

        return hops == 0 ? ResponseFactory.Create(request, 483, RandomIds.Tag()) : null;
    }

    private static SipMessage? CheckRequire(SipMessage request)
    {
        // §8.2.2.3: we implement no extensions, so every option tag in Require is unsupported.
        var required = request.GetAll(HeaderNames.Require).ToList();
        if (required.Count == 0)
        {
            return null;
        }

        var response = ResponseFactory.Create(request, 420, RandomIds.Tag());
        response.Add(HeaderNames.Unsupported, string.Join(", ", required));
        return response;
    }

    private SipMessage? CheckDialog(SipMessage request)
    {
        if (SipFields.To(request)?.Tag is not null)
        {
            return FindDialog(request) is null ? ResponseFactory.Create(request, 481, null) : null;
        }

        // §8.2.2.2: same From tag, Call-ID and CSeq as a transaction in progress, other branch: a merged request.
        var merged = _mergeIndex.TryGetValue(MergeKey(request), out var key) && key != TransactionKey(request, request.Method!);
        return merged ? ResponseFactory.Create(request, 482, RandomIds.Tag()) : null;
    }

    private SipCall? FindDialog(SipMessage request)
    {
        var localTag = SipFields.To(request)?.Tag ?? string.Empty;
        var remoteTag = SipFields.From(request)?.Tag ?? string.Empty;
        return _calls.GetValueOrDefault(DialogKey(request.CallId ?? string.Empty, localTag, remoteTag));
    }

    private void Dispatch(ServerTransaction transaction, SipMessage request, InboundContext source)
    {
        if (FindDialog(request) is { } call)
        {
            call.OnRequest(transaction, request, source);
            return;
        }

        switch (request.Method)
        {
            case "INVITE":
                OnInvite(transaction, request, source);
                break;
            case "OPTIONS":
                var response = ResponseFactory.Create(request, 200, RandomIds.Tag());
                AddCapabilities(response);
                response.Add(HeaderNames.Server, UserAgentName);
                transaction.Respond(response);
                break;
            default:
                transaction.Respond(ResponseFactory.Create(request, 481, RandomIds.Tag()));
                break;
        }
    }

    private void OnAck(SipMessage ack, string key, InboundContext source)
    {
        if (_server.TryGetValue(key, out var transaction) && transaction.IsInvite
            && transaction.State == ServerTransactionState.Completed)
        {
            transaction.OnAck();
            return;
        }

        FindDialog(ack)?.OnAck(ack, source);
    }

    private void OnCancel(ServerTransaction transaction, SipMessage cancel)
    {
        var inviteKey = TransactionKey(cancel, "INVITE");
        if (!_server.ContainsKey(inviteKey))
        {
            transaction.Respond(ResponseFactory.Create(cancel, 481, RandomIds.Tag()));
            return;
        }

        // §9.2: 200 to the CANCEL with the To-tag of the INVITE's responses, then 487 to the INVITE if still pending.
        var call = _callsByInvite.GetValueOrDefault(inviteKey);
        transaction.Respond(ResponseFactory.Create(cancel, 200, call?.LocalTag ?? RandomIds.Tag()));
        call?.OnCancel();
    }

    private void OnResponse(SipMessage response)
    {
        var cseq = SipFields.CSeq(response);
        LogResponseReceived(_logger, cseq.Method, response.StatusCode);
        if (_client.TryGetValue(SipFields.TopVia(response)?.Branch + "|" + cseq.Method, out var transaction))
        {
            transaction.OnResponse(response.StatusCode);
        }
    }

    private void OnParseFailure(ParseResult result, InboundContext source)
    {
        var partial = result.Partial;
        string[] needed = [HeaderNames.Via, HeaderNames.From, HeaderNames.To, HeaderNames.CallId, HeaderNames.CSeq];
        if (partial is null || !partial.IsRequest || partial.Method == "ACK" || needed.Any(h => !partial.Has(h)))
        {
            LogDropped(_logger, result.Error, source.Kind);
            return;
        }

        LogBadRequest(_logger, result.Error, source.Kind);
        RespondStateless(partial, source, 400, "Bad Request - " + result.Reason);
    }

    private void RespondStateless(SipMessage request, InboundContext source, int status, string? reason)
    {
        if (request.Method == "ACK")
        {
            return;
        }

        var target = ResponseRouting.Prepare(request, source);
        Send(SipSerializer.Serialize(ResponseFactory.Create(request, status, RandomIds.Tag(), reason)), target);
    }

    private static string TransactionKey(SipMessage request, string method)
    {
        var via = SipFields.TopVia(request);
        if (via?.Branch is { } branch && branch.StartsWith(ViaValue.MagicCookie, StringComparison.Ordinal))
        {
            // §17.2.3: branch, sent-by and method identify the transaction.
            return branch + "|" + via.Host + ":" + via.Port + "|" + method;
        }

        // Limitation: RFC 2543 peers (no magic cookie) are matched on Call-ID, From tag, CSeq and Via only.
        var cseq = SipFields.CSeq(request);
        return "2543|" + request.CallId + "|" + SipFields.From(request)?.Tag + "|" + cseq.Number + "|"
            + via?.Host + ":" + via?.Port + "|" + method;
    }

    private static string MergeKey(SipMessage request)
    {
        return request.CallId + "|" + SipFields.From(request)?.Tag + "|" + request.Get(HeaderNames.CSeq);
    }
}
