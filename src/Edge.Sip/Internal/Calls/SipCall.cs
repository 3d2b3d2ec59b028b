using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Sdp;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Calls;

/// <summary>
/// One incoming call and its dialog (RFC 3261 §12, §13.3, §15). Every member runs under the user agent's lock.
/// </summary>
internal sealed partial class SipCall
{
    private readonly UserAgentCore _core;
    private readonly ServerTransaction _invite;
    private readonly Channel<CallEvent> _events = Channel.CreateUnbounded<CallEvent>();
    private readonly TaskCompletionSource<CallEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _routeSet;
    private readonly string _localParty;
    private readonly string _remoteParty;
    private readonly InboundContext _origin;
    private readonly SdpDescription? _initialOffer;
    private NegotiatedOffer? _negotiated;
    private LocalMedia? _local;
    private string _remoteTarget;
    private long _remoteCSeq;
    private long _localCSeq;
    private long _sdpVersion;
    private PendingAck? _pendingAck;
    private PendingTransfer? _transfer;
    private bool _hangUpAfterAck;

    public SipCall(UserAgentCore core, ServerTransaction invite, InboundContext origin, string remoteTarget, SdpDescription? offer,
        NegotiatedOffer? negotiated)
    {
        _core = core;
        _invite = invite;
        _origin = origin;
        _remoteTarget = remoteTarget;
        _initialOffer = offer;
        _negotiated = negotiated;
        var request = invite.Request;
        CallId = request.CallId ?? string.Empty;
        LocalTag = RandomIds.Tag();
        RemoteTag = SipFields.From(request)?.Tag ?? string.Empty;
        _localParty = (request.Get(HeaderNames.To) ?? string.Empty) + ";tag=" + LocalTag;
        _remoteParty = request.Get(HeaderNames.From) ?? string.Empty;

        // §12.1.1: the UAS route set is the Record-Route list in the order received.
        _routeSet = [.. request.GetAll(HeaderNames.RecordRoute)];
        _remoteCSeq = SipFields.CSeq(request).Number;
        _sdpVersion = RandomIds.SessionVersion();
        LogId = core.Hash(CallId);
    }

    public string CallId { get; }

    /// <summary>Runs an application action under the user agent's lock.</summary>
    public T Run<T>(Func<SipCall, T> action)
    {
        lock (_core.Sync)
        {
            return action(this);
        }
    }

    public string LocalTag { get; }

    public string RemoteTag { get; }

    public string LogId { get; }

    public CallState State { get; private set; }

    public ServerTransaction InviteTransaction => _invite;

    /// <summary>Where the INVITE came from; a TCP dialog keeps that connection open.</summary>
    public InboundContext Origin => _origin;

    public ChannelReader<CallEvent> Events => _events.Reader;

    public Task<CallEndReason> Completion => _ended.Task;

    public Task<bool> Confirmed => _confirmed.Task;

    /// <summary>Sends 180 Ringing with our tag: the early dialog that CANCEL and retransmissions refer to.</summary>
    public void Ring()
    {
        // Limitation: the call rings until the application accepts or rejects it (or the caller cancels);
        // there is no ring timeout here because the IVR owns that decision.
        _invite.Respond(DialogResponse(_invite.Request, 180));
    }

    public CallActionResult Accept(IPEndPoint localRtp, CallAudioCodec codec)
    {
        if (State != CallState.Ringing)
        {
            return State == CallState.Ended ? CallActionResult.CallEnded : CallActionResult.InvalidState;
        }

        var telephoneEvent = _negotiated?.Media.TelephoneEventPayloadType ?? SdpNegotiator.DefaultTelephoneEventPayload;
        _local = new LocalMedia(localRtp, codec, telephoneEvent);
        var sdp = _negotiated is not null && _initialOffer is not null
            ? SdpNegotiator.BuildAnswer(_initialOffer, _negotiated, _local, ++_sdpVersion)
            : SdpNegotiator.BuildOffer(_local, ++_sdpVersion);
        if (_negotiated is not null && !_negotiated.CodecPayloads.ContainsKey(codec))
        {
            _local = _local with { Codec = _negotiated.Media.Codecs[0] };
        }

        SendInvite2xx(_invite, sdp, offerInResponse: _negotiated is null);
        State = CallState.Accepted;
        _core.LogCallAccepted(LogId);
        return CallActionResult.Succeeded;
    }

    public CallActionResult Reject(int status)
    {
        if (status is < 300 or > 699)
        {
            return CallActionResult.InvalidArgument;
        }

        if (State != CallState.Ringing)
        {
            return State == CallState.Ended ? CallActionResult.CallEnded : CallActionResult.InvalidState;
        }

        _invite.Respond(DialogResponse(_invite.Request, status));
        End(CallEndReason.Rejected);
        return CallActionResult.Succeeded;
    }

    public CallActionResult HangUp()
    {
        switch (State)
        {
            case CallState.Ringing:
                _invite.Respond(DialogResponse(_invite.Request, 480));
                End(CallEndReason.LocalHangUp);
                return CallActionResult.Succeeded;
            case CallState.Accepted:
                // §15: no BYE before the ACK for our 2xx arrives (or the 2xx times out).
                _hangUpAfterAck = true;
                return CallActionResult.Succeeded;
            case CallState.Confirmed:
                SendBye();
                End(CallEndReason.LocalHangUp);
                return CallActionResult.Succeeded;
            default:
                return CallActionResult.CallEnded;
        }
    }

    /// <summary>CANCEL matched our INVITE while it had no final response (§9.2): 487 with the same To-tag.</summary>
    public void OnCancel()
    {
        if (State == CallState.Ringing)
        {
            _invite.Respond(DialogResponse(_invite.Request, 487));
            End(CallEndReason.Cancelled);
        }
    }

    /// <summary>Ends the call because the endpoint stops: BYE where a dialog is up, 503 while ringing.</summary>
    public void Shutdown()
    {
        if (State == CallState.Ringing)
        {
            _invite.Respond(DialogResponse(_invite.Request, 503));
        }
        else if (State is CallState.Accepted or CallState.Confirmed)
        {
            SendBye();
        }

        End(CallEndReason.Shutdown);
    }

    private void SendInvite2xx(ServerTransaction transaction, SdpDescription sdp, bool offerInResponse)
    {
        var response = DialogResponse(transaction.Request, 200);
        response.Add(HeaderNames.ContentType, "application/sdp");
        response.Body = Encoding.UTF8.GetBytes(sdp.ToString());
        transaction.Respond(response);
        var cseq = SipFields.CSeq(transaction.Request);
        var pending = new PendingAck(SipSerializer.Serialize(response), transaction.ResponseTarget, cseq.Number, offerInResponse)
        {
            Interval = SipTimers.T1,
        };
        pending.Retransmit = _core.Schedule(pending.Interval, () => Retransmit2xx(pending));
        pending.GiveUp = _core.Schedule(SipTimers.Timeout64, () => OnAckTimeout(pending));
        _pendingAck = pending;
    }

    private void Retransmit2xx(PendingAck pending)
    {
        if (_pendingAck != pending || State == CallState.Ended)
        {
            return;
        }

        // §13.3.1.4: T1, then doubling up to T2, until the ACK arrives.
        _core.Send(pending.Response, pending.Target);
        pending.Interval = SipTimers.Next(pending.Interval);
        pending.Retransmit = _core.Schedule(pending.Interval, () => Retransmit2xx(pending));
    }

    private void OnAckTimeout(PendingAck pending)
    {
        if (_pendingAck != pending || State == CallState.Ended)
        {
            return;
        }

        // P4: no ACK within 64*T1: confirm and terminate the dialog with BYE, and report the call as failed.
        _pendingAck = null;
        pending.Cancel();
        _core.LogAckTimeout(LogId);
        SendBye();
        End(CallEndReason.NoAck);
    }

    /// <summary>The ACK for one of our 2xx responses (a new transaction, matched by dialog, §17.1.1.3).</summary>
    public void OnAck(SipMessage ack, InboundContext source)
    {
        var cseq = SipFields.CSeq(ack);
        if (_pendingAck is not { } pending || pending.CSeq != cseq.Number)
        {
            return;
        }

        pending.Cancel();
        _pendingAck = null;
        if (State == CallState.Accepted)
        {
            State = CallState.Confirmed;
            _confirmed.TrySetResult(true);
        }

        if (pending.OfferInResponse)
        {
            ApplyAnswer(ack, source);
        }

        if (_hangUpAfterAck)
        {
            SendBye();
            End(CallEndReason.LocalHangUp);
        }
    }

    private void ApplyAnswer(SipMessage ack, InboundContext source)
    {
        var sdp = ack.Body.Length == 0 ? null : SdpDescription.Parse(Encoding.UTF8.GetString(ack.Body));
        var answer = sdp is null ? null : _core.ReadMedia(sdp, source.Remote.Address, LogId, SdpCarrier.AckAnswer);
        if (answer is null || _local is null)
        {
            // Limitation: an unusable answer in the ACK leaves the media as it was; RFC 3261 §14.2 suggests BYE.
            _core.LogBadAnswer(LogId);
            return;
        }

        _negotiated = answer;
        var codec = answer.CodecPayloads.ContainsKey(_local.Codec) ? _local.Codec : answer.Media.Codecs[0];
        _local = _local with { Codec = codec };
        _events.Writer.TryWrite(new MediaChanged(answer.Media, codec));
    }

    /// <summary>A response that belongs to the dialog: our tag, Contact, Record-Route copied (§12.1.1).</summary>
    private SipMessage DialogResponse(SipMessage request, int status)
    {
        var response = ResponseFactory.Create(request, status, LocalTag);
        if (status is > 100 and < 300 && request.Method == "INVITE")
        {
            foreach (var route in request.GetAll(HeaderNames.RecordRoute))
            {
                response.Add(HeaderNames.RecordRoute, route);
            }

            response.Add(HeaderNames.Contact, _core.ContactFor(_origin.Kind));
        }

        if (status == 200)
        {
            UserAgentCore.AddCapabilities(response);
        }

        response.Add(HeaderNames.Server, _core.UserAgentName);
        return response;
    }

    private void End(CallEndReason reason)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        State = CallState.Ended;
        _pendingAck?.Cancel();
        _pendingAck = null;
        _transfer?.Complete(TransferOutcome.NotPossible, _transfer.LastStatus);
        _transfer = null;
        _events.Writer.TryWrite(new CallEnded(reason));
        _events.Writer.TryComplete();
        _core.RemoveCall(this);
        _core.LogCallEnded(LogId, reason);
        _confirmed.TrySetResult(false);
        _ended.TrySetResult(reason);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
