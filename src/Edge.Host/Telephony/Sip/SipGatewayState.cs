namespace Edge.Host.Telephony.Sip;

/// <summary>What the gateway's accept loop reports about itself, shared with its liveness probe.</summary>
internal sealed class SipGatewayState
{
    private volatile bool _listening;

    /// <summary>Whether the SIP listener is bound and its accept loop runs.</summary>
    public bool IsListening => _listening;

    public void Listening() => _listening = true;

    public void Stopped() => _listening = false;
}
