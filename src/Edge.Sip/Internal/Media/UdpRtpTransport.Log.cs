using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

internal sealed partial class UdpRtpTransport
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4040, EventName = "RtpReceiveErrorIgnored", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: receive reported {SocketError}; still receiving")]
        public static partial void ReceiveErrorIgnored(ILogger logger, int localPort, SocketError socketError);

        [LoggerMessage(EventId = 4041, EventName = "RtpSendFailed", Level = LogLevel.Debug,
            Message = "RTP on port {LocalPort}: send failed with {SocketError}")]
        public static partial void SendFailed(ILogger logger, int localPort, SocketError socketError);

        [LoggerMessage(EventId = 4042, EventName = "RtpDatagramHandlerFailed", Level = LogLevel.Error,
            Message = "RTP on port {LocalPort}: handling a received datagram failed")]
        public static partial void HandlerFailed(ILogger logger, int localPort, Exception exception);

        [LoggerMessage(EventId = 4043, EventName = "RtpReceiveStopped", Level = LogLevel.Error,
            Message = "RTP on port {LocalPort}: receive failed with {SocketError}; no more media is received")]
        public static partial void ReceiveStopped(ILogger logger, int localPort, SocketError socketError);
    }
}
