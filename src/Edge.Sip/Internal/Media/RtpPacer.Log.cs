using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

internal sealed partial class RtpPacer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4050, EventName = "RtpPacerTickFailed", Level = LogLevel.Error,
            Message = "RTP pacer: sending the due frames of one session failed")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
