using Microsoft.Extensions.Logging;

namespace Edge.Sip;

public sealed partial class SipEndpoint
{
    [LoggerMessage(EventId = 3000, EventName = "SipEndpointStarted", Level = LogLevel.Information,
        Message = "SIP endpoint started on port {Port}")]
    private static partial void LogStarted(ILogger logger, int port);

    [LoggerMessage(EventId = 3001, EventName = "SipEndpointStopped", Level = LogLevel.Information, Message = "SIP endpoint stopped")]
    private static partial void LogStopped(ILogger logger);
}
