using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Transport;

internal sealed partial class SipTransport
{
    [LoggerMessage(EventId = 3100, EventName = "SipTransportStarted", Level = LogLevel.Information,
        Message = "SIP transport listening on port {Port} (udp {Udp}, tcp {Tcp})")]
    private static partial void LogStarted(ILogger logger, int port, bool udp, bool tcp);

    [LoggerMessage(EventId = 3101, EventName = "SipUdpIcmpError", Level = LogLevel.Debug,
        Message = "UDP socket reported {Error} for an earlier send; receive loop continues")]
    private static partial void LogUdpIcmpError(ILogger logger, SocketError error);

    [LoggerMessage(EventId = 3102, EventName = "SipUdpReceiveError", Level = LogLevel.Warning,
        Message = "UDP receive failed with {Error}; receive loop continues")]
    private static partial void LogUdpReceiveError(ILogger logger, SocketError error);

    [LoggerMessage(EventId = 3103, EventName = "SipHandlerFailed", Level = LogLevel.Error,
        Message = "Handling an inbound SIP message failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3104, EventName = "SipTcpAcceptFailed", Level = LogLevel.Warning,
        Message = "TCP accept failed with {Error}")]
    private static partial void LogAcceptFailed(ILogger logger, SocketError error);

    [LoggerMessage(EventId = 3105, EventName = "SipTcpConnectionOpened", Level = LogLevel.Debug,
        Message = "TCP connection opened; {Count} open")]
    private static partial void LogConnectionOpened(ILogger logger, int count);

    [LoggerMessage(EventId = 3106, EventName = "SipTcpConnectionError", Level = LogLevel.Debug,
        Message = "TCP connection ended with {Error}")]
    private static partial void LogConnectionError(ILogger logger, SocketError error);

    [LoggerMessage(EventId = 3107, EventName = "SipTcpBadStream", Level = LogLevel.Information,
        Message = "TCP stream had an unusable message length ({Size} bytes of head); closing the connection")]
    private static partial void LogBadStream(ILogger logger, int size);

    [LoggerMessage(EventId = 3108, EventName = "SipSendFailed", Level = LogLevel.Warning,
        Message = "Sending over {Transport} failed with {Error}")]
    private static partial void LogSendFailed(ILogger logger, string transport, SocketError error);

    [LoggerMessage(EventId = 3109, EventName = "SipTcpConnectionLimitReached", Level = LogLevel.Warning,
        Message = "TCP connection limit of {Limit} reached; new connections are closed at accept (one line per burst)")]
    private static partial void LogConnectionLimitReached(ILogger logger, int limit);

    [LoggerMessage(EventId = 3110, EventName = "SipTcpConnectionIdle", Level = LogLevel.Debug,
        Message = "TCP connection idle for {Seconds} s and used by no transaction or dialog; closing it")]
    private static partial void LogIdleClosed(ILogger logger, int seconds);

    [LoggerMessage(EventId = 3111, EventName = "SipTcpMessageUnfinished", Level = LogLevel.Information,
        Message = "TCP message still unfinished after {Seconds} s; closing the connection")]
    private static partial void LogUnfinishedMessage(ILogger logger, int seconds);

    [LoggerMessage(EventId = 3112, EventName = "SipTcpConnectionClosed", Level = LogLevel.Debug,
        Message = "TCP connection closed; {Count} open")]
    private static partial void LogConnectionClosed(ILogger logger, int count);

    [LoggerMessage(EventId = 3113, EventName = "SipTcpMessageIncomplete", Level = LogLevel.Trace,
        Message = "TCP read left a message incomplete; waiting for more")]
    private static partial void LogMessageIncomplete(ILogger logger);
}
