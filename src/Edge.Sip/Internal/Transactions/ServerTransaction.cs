using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Timers;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Transactions;

/// <summary>
/// An INVITE or non-INVITE server transaction (RFC 3261 §17.2.1, §17.2.2; RFC 6026 §7.1). It absorbs
/// retransmitted requests by re-sending the last response, and retransmits non-2xx final INVITE responses
/// over UDP until the ACK. Runs under the user agent's lock.
/// </summary>
internal sealed class ServerTransaction
{
    private readonly Scheduler _schedule;
    private readonly Action<byte[], SendTarget> _send;
    private readonly Action<ServerTransaction> _onTerminated;
    private byte[]? _lastResponse;
    private TimerHandle? _timerG;
    private TimerHandle? _timerH;
    private TimeSpan _intervalG = SipTimers.T1;

    public ServerTransaction(
        string key, SipMessage request, SendTarget responseTarget, Scheduler schedule,
        Action<byte[], SendTarget> send, Action<ServerTransaction> onTerminated)
    {
        Key = key;
        Request = request;
        ResponseTarget = responseTarget;
        _schedule = schedule;
        _send = send;
        _onTerminated = onTerminated;
        IsInvite = request.Method == "INVITE";
        State = IsInvite ? ServerTransactionState.Proceeding : ServerTransactionState.Trying;
    }

    public string Key { get; }

    public SipMessage Request { get; }

    public SendTarget ResponseTarget { get; }

    public bool IsInvite { get; }

    public ServerTransactionState State { get; private set; }

    /// <summary>The status code of the last response sent, 0 if none.</summary>
    public int LastStatus { get; private set; }

    private bool IsReliable => ResponseTarget.Kind == TransportKind.Tcp;

    /// <summary>Sends a response and moves the state machine.</summary>
    public void Respond(SipMessage response)
    {
        if (State is ServerTransactionState.Completed or ServerTransactionState.Confirmed
            or ServerTransactionState.Accepted or ServerTransactionState.Terminated)
        {
            return;
        }

        _lastResponse = SipSerializer.Serialize(response);
        LastStatus = response.StatusCode;
        _send(_lastResponse, ResponseTarget);
        if (response.StatusCode < 200)
        {
            State = ServerTransactionState.Proceeding;
            return;
        }

        if (IsInvite)
        {
            OnInviteFinal(response.StatusCode);
        }
        else
        {
            // Timer J: absorb retransmissions for 64*T1 over UDP, none needed over TCP (§17.2.2).
            State = ServerTransactionState.Completed;
            TerminateAfter(IsReliable ? TimeSpan.Zero : SipTimers.Timeout64);
        }
    }

    private void OnInviteFinal(int status)
    {
        if (status < 300)
        {
            // RFC 6026 §7.1: Accepted absorbs INVITE retransmissions until Timer L; the TU retransmits the 2xx.
            State = ServerTransactionState.Accepted;
            TerminateAfter(SipTimers.Timeout64);
            return;
        }

        State = ServerTransactionState.Completed;
        if (!IsReliable)
        {
            _timerG = _schedule(_intervalG, OnTimerG);
        }

        _timerH = _schedule(SipTimers.Timeout64, Terminate);
    }

    private void OnTimerG()
    {
        if (State != ServerTransactionState.Completed || _lastResponse is null)
        {
            return;
        }

        _send(_lastResponse, ResponseTarget);
        _intervalG = SipTimers.Next(_intervalG);
        _timerG = _schedule(_intervalG, OnTimerG);
    }

    /// <summary>A retransmitted request: re-send the last response (P3: the last provisional while ringing).</summary>
    public void OnRetransmission()
    {
        if (_lastResponse is not null && State is ServerTransactionState.Proceeding or ServerTransactionState.Completed)
        {
            _send(_lastResponse, ResponseTarget);
        }
    }

    /// <summary>The ACK for a non-2xx final response (§17.2.1): stop retransmitting, absorb ACKs for T4.</summary>
    public void OnAck()
    {
        if (State != ServerTransactionState.Completed)
        {
            return;
        }

        State = ServerTransactionState.Confirmed;
        _timerG?.Cancel();
        _timerH?.Cancel();
        TerminateAfter(IsReliable ? TimeSpan.Zero : SipTimers.T4);
    }

    private void TerminateAfter(TimeSpan delay)
    {
        if (delay == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            _schedule(delay, Terminate);
        }
    }

    private void Terminate()
    {
        if (State == ServerTransactionState.Terminated)
        {
            return;
        }

        State = ServerTransactionState.Terminated;
        _timerG?.Cancel();
        _timerH?.Cancel();
        _onTerminated(this);
    }
}
