namespace Edge.Sip;

/// <summary>An audio codec this stack negotiates; the value is the static RTP payload type (RFC 3551 §6).</summary>
public enum CallAudioCodec
{
    /// <summary>G.711 μ-law, static payload type 0.</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law, static payload type 8.</summary>
    Pcma = 8,
}
