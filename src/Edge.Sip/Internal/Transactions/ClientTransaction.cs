using Edge.Sip.Internal.Timers;
using Edge.Sip.Internal.Transport;

namespace Edge.Sip.Internal.Transactions;

/// <summary>
/// A non-INVITE client transaction for our BYE and REFER (RFC 3261 §17.1.2): Timer E retransmits over UDP
/// (T1 doubling to T2), Timer F times out after 64*T1, Timer K absorbs response retransmissions.
/// Runs under the user agent's lock.
/// </summary>
internal sealed class ClientTransaction
{
    private readonly byte[] _request;
    private readonly SendTarget _target;
    private readonly Scheduler _schedule;
    private readonly Action<byte[], SendTarget> _send;
    private readonly Action<ClientTransaction, int> _onFinal;
    private readonly Action<ClientTransaction> _onTerminated;
    private TimerHandle? _timerE;
    private TimerHandle? _timerF;
    private TimeSpan _intervalE = SipTimers.T1;
    private bool _completed;

    public ClientTransaction(
        string key, byte[] request, SendTarget target, Scheduler schedule, Action<byte[], SendTarget> send,
        Action<ClientTransaction, int> onFinal, Action<ClientTransaction> onTerminated)
    {
        Key = key;
        _request = request;
        _target = target;
        _schedule = schedule;
        _send = send;
        _onFinal = onFinal;
        _onTerminated = onTerminated;
    }

    public string Key { get; }

    /// <summary>Where the request goes; the transport asks through it whether a connection is still needed.</summary>
    public SendTarget Target => _target;

    private bool IsReliable => _target.Kind == TransportKind.Tcp;

    public void Start()
    {
        _send(_request, _target);
        if (!IsReliable)
        {
            _timerE = _schedule(_intervalE, OnTimerE);
        }

        _timerF = _schedule(SipTimers.Timeout64, OnTimerF);
    }

    private void OnTimerE()
    {
        if (_completed)
        {
            return;
        }

        _send(_request, _target);
        _intervalE = SipTimers.Next(_intervalE);
        _timerE = _schedule(_intervalE, OnTimerE);
    }

    private void OnTimerF()
    {
        if (_completed)
        {
            return;
        }

        // Timer F: no final response in 64*T1 is reported as 408 (RFC 3261 §8.1.3.1).
        Complete(408);
        _onTerminated(this);
    }

    /// <summary>A response matched to this transaction.</summary>
    public void OnResponse(int status)
    {
        if (_completed)
        {
            return;
        }

        if (status < 200)
        {
            // Proceeding: keep retransmitting, but at T2 (§17.1.2.2).
            _intervalE = SipTimers.T2;
            return;
        }

        Complete(status);
        if (IsReliable)
        {
            _onTerminated(this);
        }
        else
        {
            _schedule(SipTimers.T4, () => _onTerminated(this));
        }
    }

    private void Complete(int status)
    {
        _completed = true;
        _timerE?.Cancel();
        _timerF?.Cancel();
        _onFinal(this, status);
    }
}
