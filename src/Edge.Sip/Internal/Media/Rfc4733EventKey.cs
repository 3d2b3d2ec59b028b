namespace Edge.Sip.Internal.Media;

/// <summary>
/// Identifies one RFC 4733 event: all packets of an event share SSRC and RTP timestamp (§2.5.1.2); the event code
/// is part of the key so that a sender that wrongly reuses a timestamp for a different digit still gets it heard.
/// </summary>
internal readonly record struct Rfc4733EventKey(uint Ssrc, uint Timestamp, byte EventCode);
