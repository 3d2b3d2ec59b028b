using Microsoft.Extensions.Logging;

namespace Edge.Sip.Media;

public sealed partial class RtpSession
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, EventName = "RtpSessionConfigured", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: configured {Codec}, telephone-event {EventPayloadType}, {Direction}")]
        public static partial void Configured(
            ILogger logger,
            int localPort,
            CallAudioCodec codec,
            int? eventPayloadType,
            CallMediaDirection direction);

        [LoggerMessage(EventId = 4011, EventName = "RtpSessionClosed", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: closed; sent {PacketsSent}, received {PacketsReceived}, "
                + "max send gap {MaxSendGapMs} ms")]
        public static partial void Closed(
            ILogger logger,
            int localPort,
            long packetsSent,
            long packetsReceived,
            double maxSendGapMs);

        [LoggerMessage(EventId = 4012, EventName = "RtpSipInfoDigit", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: one DTMF digit reported from SIP INFO")]
        public static partial void SipInfoDigit(ILogger logger, int localPort);
    }
}
