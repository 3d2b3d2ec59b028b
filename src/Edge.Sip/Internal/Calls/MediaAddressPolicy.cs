using System.Net;

namespace Edge.Sip.Internal.Calls;

/// <summary>
/// Whether the RTP address that a peer's SDP names may be sent to. The c= line is only a claim of whoever sent
/// the request: sending there unchecked lets anyone aim a call's RTP stream at a third party (reflection and
/// amplification). So the address is used only when it is the source address of the SIP request that carried
/// it, or when that request came from a trusted peer (a trunk or SBC whose media gateway may sit on another
/// address). Otherwise the RTP session sends nothing until the caller's media arrives, and then answers to its
/// source (symmetric RTP, RFC 4961).
/// </summary>
internal static class MediaAddressPolicy
{
    // Limitation: an untrusted caller whose SDP names another address and who never sends RTP (a recvonly offer, a
    // phone that suppresses silence) hears nothing until it sends; refusing the address is the price of not being a
    // reflector, and trunks that need it are listed in SipOptions.TrustedPeers.

    /// <summary>True when RTP may go to <paramref name="sdpAddress"/> as the request from
    /// <paramref name="requestSource"/> asks.</summary>
    public static bool Allows(IPAddress sdpAddress, IPAddress requestSource, IReadOnlyList<IPAddress> trustedPeers) =>
        TrustedPeers.Unmap(sdpAddress).Equals(TrustedPeers.Unmap(requestSource))
        || TrustedPeers.Contains(trustedPeers, requestSource);
}
