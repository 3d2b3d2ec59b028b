using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

internal sealed partial class RtpOutboundStream
{
    private static partial class Log
    {
        // Debug: a stall hits every session at once; the pacer warns once for all of them (event 4051).
        [LoggerMessage(EventId = 4030, EventName = "RtpFramesSkipped", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: pacer was late, skipped {FrameCount} frames")]
        public static partial void FramesSkipped(ILogger logger, int localPort, long frameCount);

        [LoggerMessage(EventId = 4031, EventName = "RtpDtmfSent", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: sent one DTMF event")]
        public static partial void DtmfSent(ILogger logger, int localPort);
    }
}
