namespace Edge.Sip.Media;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1) plus its optional CSRC list and header extension (§5.3.1). The version is
/// always 2; padding is a property of the packet, not of the header, and is handled by <see cref="RtpPacket"/>.
/// </summary>
public readonly record struct RtpHeader
{
    /// <summary>The marker bit; for audio, the first packet of a talkspurt (RFC 3551 §4.1).</summary>
    public bool Marker { get; init; }

    /// <summary>The payload type, 0–127.</summary>
    public byte PayloadType { get; init; }

    /// <summary>The sequence number, +1 per packet sent, wrapping at 65536.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>The sampling instant of the first payload byte, in clock-rate units (8000 Hz for G.711).</summary>
    public uint Timestamp { get; init; }

    /// <summary>The synchronisation source identifier.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The contributing sources (at most 15); empty for a sender that does not mix.</summary>
    public ReadOnlyMemory<uint> Csrcs { get; init; }

    /// <summary>Whether a header extension follows the CSRC list (the X bit).</summary>
    public bool HasExtension { get; init; }

    /// <summary>The profile-defined 16 bits of the header extension.</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>The header extension body; its length is a multiple of four bytes.</summary>
    public ReadOnlyMemory<byte> ExtensionData { get; init; }
}
