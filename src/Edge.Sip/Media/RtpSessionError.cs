namespace Edge.Sip.Media;

/// <summary>Why no RTP session could be created.</summary>
public enum RtpSessionError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Every port of the configured range is in use; answer the call with 503.</summary>
    PortRangeExhausted,
}
