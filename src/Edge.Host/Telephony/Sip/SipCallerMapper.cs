using System.Net;
using Edge.Host.Telephony.Calls;

namespace Edge.Host.Telephony.Sip;

/// <summary>Turns Edge.Sip's reading of the INVITE's caller into the IVR's <see cref="CallerIdentity"/>.</summary>
internal static class SipCallerMapper
{
    public static CallerIdentity Map(Edge.Sip.CallerIdentity caller, IReadOnlyList<IPAddress> trustedPeers)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(trustedPeers);
        if (caller.IsAnonymous)
        {
            // RFC 3323 §4.2: Edge.Sip already dropped the identity; keep nothing.
            return new CallerIdentity(null, null, PrivacyRequested: true, SignallingPeer: null);
        }

        if (!caller.IsAsserted || trustedPeers.Count == 0)
        {
            return new CallerIdentity(caller.User, null, PrivacyRequested: false, SignallingPeer: null);
        }

        // RFC 3325 §5: Edge.Sip took the P-Asserted-Identity only because the INVITE came from one of these same
        // peers (SipStackOptions maps TrustedTrunkPeers onto SipOptions.TrustedPeers).
        // Limitation: IncomingCall does not expose which peer sent the INVITE, so the first trusted peer stands in
        // for it; the resolver's own trust check then agrees with the stack's.
        return new CallerIdentity(null, caller.User, PrivacyRequested: false, SignallingPeer: trustedPeers[0]);
    }
}
