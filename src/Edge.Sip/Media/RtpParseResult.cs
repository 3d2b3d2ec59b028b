namespace Edge.Sip.Media;

/// <summary>The outcome of parsing one datagram as RTP.</summary>
/// <param name="Status">Whether the packet is valid, and if not, why.</param>
/// <param name="Header">The header; meaningful only when <see cref="IsValid"/>.</param>
/// <param name="PayloadOffset">Where the payload starts in the datagram.</param>
/// <param name="PayloadLength">The payload length, padding excluded.</param>
/// <param name="PaddingLength">The number of padding bytes at the end, including the count byte.</param>
public readonly record struct RtpParseResult(
    RtpParseStatus Status,
    RtpHeader Header,
    int PayloadOffset,
    int PayloadLength,
    int PaddingLength)
{
    /// <summary>Whether the datagram is a valid RTP packet.</summary>
    public bool IsValid => Status == RtpParseStatus.Valid;

    internal static RtpParseResult Invalid(RtpParseStatus status) => new(status, default, 0, 0, 0);
}
