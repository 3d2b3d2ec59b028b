namespace Edge.Sip.Media;

/// <summary>A snapshot of one session's counters.</summary>
/// <param name="PacketsSent">RTP packets sent (audio and telephone-event).</param>
/// <param name="PacketsReceived">Valid RTP packets received from the remote.</param>
/// <param name="InvalidPacketsReceived">Datagrams dropped because they are not valid RTP.</param>
/// <param name="PacketsFromOtherSources">Valid RTP dropped because it did not come from the latched address.</param>
/// <param name="DtmfDigitsReceived">Digits reported on <see cref="RtpSession.Digits"/>.</param>
/// <param name="MaxSendGap">The longest time between two consecutive packets sent while sending.</param>
/// <param name="LateFramesSkipped">Frames not sent because the pacer was too late for them.</param>
public sealed record RtpSessionStatistics(
    long PacketsSent,
    long PacketsReceived,
    long InvalidPacketsReceived,
    long PacketsFromOtherSources,
    long DtmfDigitsReceived,
    TimeSpan MaxSendGap,
    long LateFramesSkipped);
