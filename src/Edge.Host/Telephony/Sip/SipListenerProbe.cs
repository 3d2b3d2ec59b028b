using Edge.Host.Liveness;

namespace Edge.Host.Telephony.Sip;

/// <summary>
/// Alive while the SIP listener is bound and its accept loop runs; when the loop has died the watchdog stops being
/// petted, so systemd restarts a gateway that no longer takes calls.
/// </summary>
internal sealed class SipListenerProbe(SipGatewayState state) : ILivenessProbe
{
    public string Name => "sip";

    public bool IsAlive() => state.IsListening;
}
