using System.Net;

namespace Edge.Host.Telephony.Calls;

/// <summary>What an INVITE says about its caller; the values are personal data and never logged.</summary>
/// <param name="From">The From header value (name-addr or addr-spec).</param>
/// <param name="PAssertedIdentity">The P-Asserted-Identity header value, if any (RFC 3325 §9.1).</param>
/// <param name="PrivacyRequested">Whether a Privacy header asked to withhold the identity (RFC 3323 §4.2).</param>
/// <param name="SignallingPeer">The address the INVITE came from, to decide whether its PAI is trusted.</param>
internal sealed record CallerIdentity(
    string? From,
    string? PAssertedIdentity,
    bool PrivacyRequested,
    IPAddress? SignallingPeer);
