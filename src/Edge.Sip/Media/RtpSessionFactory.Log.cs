using Microsoft.Extensions.Logging;

namespace Edge.Sip.Media;

public sealed partial class RtpSessionFactory
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, EventName = "RtpSessionCreated", Level = LogLevel.Debug,
            Message = "RTP session created on port {LocalPort}")]
        public static partial void SessionCreated(ILogger logger, int localPort);

        [LoggerMessage(EventId = 4001, EventName = "RtpPortRangeExhausted", Level = LogLevel.Warning,
            Message = "No free RTP port among {PortCapacity}; the call cannot get media")]
        public static partial void PortRangeExhausted(ILogger logger, int portCapacity);

        [LoggerMessage(EventId = 4002, EventName = "RtpPortInUse", Level = LogLevel.Debug,
            Message = "RTP port {LocalPort} is taken by another program; trying the next")]
        public static partial void PortInUse(ILogger logger, int localPort);
    }
}
