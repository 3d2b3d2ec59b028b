namespace Edge.Sip.Internal.Messages;

/// <summary>Size limits that keep a hostile peer from exhausting memory.</summary>
internal static class SipLimits
{
    /// <summary>Largest message accepted, head and body together.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Most header entries (after comma lists are split) in one message.</summary>
    public const int MaxHeaders = 256;

    /// <summary>Longest header line after unfolding.</summary>
    public const int MaxLineLength = 8 * 1024;
}
