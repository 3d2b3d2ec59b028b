using System.Net;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Calls;

/// <summary>Requests we send inside the dialog: BYE and REFER (§12.2.1).</summary>
internal sealed partial class SipCall
{
    public Task<TransferResult> Transfer(string target)
    {
        if (State != CallState.Confirmed || _transfer is not null || _hangUpAfterAck)
        {
            return Task.FromResult(new TransferResult(TransferOutcome.NotPossible, 0));
        }

        if (!SipUri.TryParse(target, out var targetUri))
        {
            return Task.FromResult(new TransferResult(TransferOutcome.NotPossible, 0));
        }

        var transfer = new PendingTransfer();
        _transfer = transfer;
        var refer = NewRequest("REFER", out var destination);
        refer.Add(HeaderNames.ReferTo, "<" + targetUri + ">");
        refer.Add(HeaderNames.Contact, _core.ContactFor(destination.Kind));
        _core.StartClientTransaction(refer, destination, status => OnReferResponse(transfer, status));
        return transfer.Completion.Task;
    }

    private void OnReferResponse(PendingTransfer transfer, int status)
    {
        if (_transfer != transfer)
        {
            return;
        }

        if (status is >= 200 and < 300)
        {
            // Accepted: now wait for the NOTIFY that carries the final outcome (RFC 3515 §2.4.4).
            transfer.Timeout = _core.Schedule(_core.TransferTimeout, () => OnTransferTimeout(transfer));
            return;
        }

        transfer.Complete(status == 408 ? TransferOutcome.TimedOut : TransferOutcome.Failed, status);
        _transfer = null;
    }

    private void OnTransferTimeout(PendingTransfer transfer)
    {
        if (_transfer == transfer)
        {
            transfer.Complete(TransferOutcome.TimedOut, transfer.LastStatus);
            _transfer = null;
        }
    }

    private void SendBye()
    {
        var bye = NewRequest("BYE", out var destination);
        _core.StartClientTransaction(bye, destination, _ => { });
    }

    /// <summary>
    /// A request within the dialog (§12.2.1.1): Request-URI the remote target, Route the route set in order,
    /// From our side with our tag, To the peer with its tag, our own CSeq.
    /// </summary>
    private SipMessage NewRequest(string method, out SendTarget destination)
    {
        var requestUri = _remoteTarget;
        var routes = _routeSet.ToList();
        SipUri? firstRoute = null;
        if (routes.Count > 0 && NameAddress.TryParse(routes[0], out var first))
        {
            firstRoute = first.Uri;
            if (!first.Uri.HasParameter("lr"))
            {
                // Strict routing (§12.2.1.1): the first route becomes the Request-URI, the target goes last.
                requestUri = first.Uri.ToString();
                routes.RemoveAt(0);
                routes.Add("<" + _remoteTarget + ">");
            }
        }

        destination = NextHop(firstRoute ?? ParseTarget());
        var request = SipMessage.Request(method, requestUri);
        request.Add(HeaderNames.Via, _core.ViaFor(destination.Kind));
        request.Add(HeaderNames.MaxForwards, "70");
        foreach (var route in routes)
        {
            request.Add(HeaderNames.Route, route);
        }

        request.Add(HeaderNames.From, _localParty);
        request.Add(HeaderNames.To, _remoteParty);
        request.Add(HeaderNames.CallId, CallId);
        request.Add(HeaderNames.CSeq, Text(++_localCSeq) + " " + method);
        request.Add(HeaderNames.UserAgent, _core.UserAgentName);
        return request;
    }

    private SipUri? ParseTarget() => SipUri.TryParse(_remoteTarget, out var uri) ? uri : null;

    private SendTarget NextHop(SipUri? uri)
    {
        var kind = uri?.Parameter("transport") is { } transport
            ? transport.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? TransportKind.Tcp : TransportKind.Udp
            : _origin.Kind;

        // Limitation: no RFC 3263 DNS lookups; a host name in the next hop falls back to where the INVITE came from.
        if (uri is null || !IPAddress.TryParse(uri.HostWithoutBrackets, out var address))
        {
            return new SendTarget(_origin.Kind, _origin.Remote, _origin.Connection);
        }

        var endPoint = new IPEndPoint(address, uri.Port ?? 5060);

        // Reuse the caller's open TCP connection to the same host: its listening port is often unreachable (NAT).
        var reuse = kind == TransportKind.Tcp && _origin.Connection is { IsOpen: true } && address.Equals(_origin.Remote.Address);
        return new SendTarget(kind, endPoint, reuse ? _origin.Connection : null);
    }
}
