namespace Edge.Sip.Media;

/// <summary>Why a datagram is or is not a valid RTP packet (RFC 3550 §5.1 and appendix A.1).</summary>
public enum RtpParseStatus
{
    /// <summary>A valid packet.</summary>
    Valid,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    UnsupportedVersion,

    /// <summary>The CSRC count runs past the end of the datagram.</summary>
    TruncatedCsrcList,

    /// <summary>The header extension runs past the end of the datagram.</summary>
    TruncatedExtension,

    /// <summary>The padding count is zero or larger than the payload.</summary>
    InvalidPadding,
}
