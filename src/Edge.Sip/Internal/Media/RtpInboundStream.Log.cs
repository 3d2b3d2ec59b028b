using Edge.Sip.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

internal sealed partial class RtpInboundStream
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4020, EventName = "RtpLatched", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: latched the send address to the source of the first packet")]
        public static partial void Latched(ILogger logger, int localPort);

        [LoggerMessage(EventId = 4021, EventName = "RtpInvalidPacket", Level = LogLevel.Trace,
            Message = "RTP on port {LocalPort}: dropped a datagram, {Status}")]
        public static partial void InvalidPacket(ILogger logger, int localPort, RtpParseStatus status);

        [LoggerMessage(EventId = 4022, EventName = "RtpOtherSource", Level = LogLevel.Trace,
            Message = "RTP on port {LocalPort}: dropped a packet from a source other than the latched one")]
        public static partial void OtherSource(ILogger logger, int localPort);

        [LoggerMessage(EventId = 4023, EventName = "RtpDtmfReceived", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: received one DTMF event")]
        public static partial void DtmfReceived(ILogger logger, int localPort);
    }
}
