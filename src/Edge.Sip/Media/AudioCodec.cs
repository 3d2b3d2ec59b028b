namespace Edge.Sip.Media;

/// <summary>
/// The G.711 audio codecs this stack speaks. The numeric value is the static RTP payload type
/// assigned in RFC 3551 §6 (table 4), so it can be written straight into an RTP header.
/// </summary>
public enum AudioCodec
{
    /// <summary>G.711 μ-law, static payload type 0 ("PCMU/8000").</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law, static payload type 8 ("PCMA/8000").</summary>
    Pcma = 8,
}
