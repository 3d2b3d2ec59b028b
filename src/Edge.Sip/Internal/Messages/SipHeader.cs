namespace Edge.Sip.Internal.Messages;

/// <summary>One header field value; a comma list is stored as one entry per element (RFC 3261 §7.3.1).</summary>
internal sealed record SipHeader(string Name, string Value);
