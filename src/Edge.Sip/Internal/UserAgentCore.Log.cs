using Edge.Sip.Internal.Calls;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal;

/// <summary>Log messages of the user agent core: methods, status codes, kinds and a keyed Call-ID hash only.</summary>
internal sealed partial class UserAgentCore
{
    [LoggerMessage(EventId = 3200, EventName = "SipRequestReceived", Level = LogLevel.Trace,
        Message = "{Method} received over {Transport}")]
    private static partial void LogRequestReceived(ILogger logger, string method, TransportKind transport);

    [LoggerMessage(EventId = 3201, EventName = "SipResponseReceived", Level = LogLevel.Trace,
        Message = "{Status} received for {Method}")]
    private static partial void LogResponseReceived(ILogger logger, string method, int status);

    [LoggerMessage(EventId = 3202, EventName = "SipRequestRefused", Level = LogLevel.Information,
        Message = "{Method} refused with {Status}")]
    private static partial void LogRequestRefused(ILogger logger, string method, int status);

    [LoggerMessage(EventId = 3203, EventName = "SipBadRequest", Level = LogLevel.Information,
        Message = "Malformed request over {Transport} answered with 400 ({Error})")]
    private static partial void LogBadRequest(ILogger logger, ParseError error, TransportKind transport);

    [LoggerMessage(EventId = 3204, EventName = "SipMessageDropped", Level = LogLevel.Debug,
        Message = "Unparseable message over {Transport} dropped ({Error})")]
    private static partial void LogDropped(ILogger logger, ParseError error, TransportKind transport);

    [LoggerMessage(EventId = 3205, EventName = "SipRequestSent", Level = LogLevel.Debug, Message = "{Method} sent")]
    private static partial void LogRequestSent(ILogger logger, string method);

    [LoggerMessage(EventId = 3206, EventName = "SipTimerFailed", Level = LogLevel.Error, Message = "A SIP timer callback failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3300, EventName = "SipCallOffered", Level = LogLevel.Information,
        Message = "Call {CallHash} offered over {Transport}; {ActiveCalls} active")]
    private static partial void LogCallOffered(ILogger logger, string callHash, TransportKind transport, int activeCalls);

    [LoggerMessage(EventId = 3301, EventName = "SipCallAccepted", Level = LogLevel.Debug, Message = "Call {CallHash} accepted")]
    private static partial void LogCallAccepted(ILogger logger, string callHash);

    [LoggerMessage(EventId = 3302, EventName = "SipCallEnded", Level = LogLevel.Information,
        Message = "Call {CallHash} ended: {Reason}")]
    private static partial void LogCallEnded(ILogger logger, string callHash, CallEndReason reason);

    [LoggerMessage(EventId = 3303, EventName = "SipAckTimeout", Level = LogLevel.Warning,
        Message = "Call {CallHash}: no ACK for our 200 OK within 64*T1; sending BYE")]
    private static partial void LogAckTimeout(ILogger logger, string callHash);

    [LoggerMessage(EventId = 3304, EventName = "SipBadAnswer", Level = LogLevel.Information,
        Message = "Call {CallHash}: the ACK carried no usable SDP answer")]
    private static partial void LogBadAnswer(ILogger logger, string callHash);

    [LoggerMessage(EventId = 3305, EventName = "SipMediaAddressIgnored", Level = LogLevel.Information,
        Message = "Call {CallHash}: the RTP address in the {Carrier} SDP is not the request's source and the sender is "
            + "not a trusted peer; RTP waits for the caller's media and answers to its source")]
    private static partial void LogMediaAddressIgnored(ILogger logger, string callHash, SdpCarrier carrier);

    public void LogCallAccepted(string callHash) => LogCallAccepted(_logger, callHash);

    public void LogCallEnded(string callHash, CallEndReason reason) => LogCallEnded(_logger, callHash, reason);

    public void LogAckTimeout(string callHash) => LogAckTimeout(_logger, callHash);

    public void LogBadAnswer(string callHash) => LogBadAnswer(_logger, callHash);
}
