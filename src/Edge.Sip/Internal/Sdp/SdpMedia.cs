namespace Edge.Sip.Internal.Sdp;

/// <summary>One m= section of a session description (RFC 4566 §5.14).</summary>
internal sealed class SdpMedia
{
    public required string Media { get; init; }

    public required int Port { get; set; }

    public required string Protocol { get; init; }

    public List<string> Formats { get; } = [];

    /// <summary>The media-level c= address, if any.</summary>
    public string? ConnectionAddress { get; set; }

    /// <summary>a=rtpmap values keyed by payload type: "PCMU/8000".</summary>
    public Dictionary<int, string> RtpMaps { get; } = [];

    /// <summary>The media-level direction attribute, if any.</summary>
    public SdpDirection? Direction { get; set; }

    /// <summary>Other a= lines, kept as written.</summary>
    public List<string> Attributes { get; } = [];
}
