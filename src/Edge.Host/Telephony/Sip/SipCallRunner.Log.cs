namespace Edge.Host.Telephony.Sip;

internal sealed partial class SipCallRunner
{
    [LoggerMessage(
        EventId = 5520,
        EventName = "SipCallRefused",
        Level = LogLevel.Information,
        Message = "SIP call {SipCallId} refused with {StatusCode}")]
    private partial void LogRefused(string sipCallId, int statusCode);

    [LoggerMessage(
        EventId = 5523,
        EventName = "SipCallRefusedOutboxFull",
        Level = LogLevel.Warning,
        Message = "SIP call {SipCallId} refused with 503: the outbox is full, so the call could not be recorded")]
    private partial void LogRefusedOutboxFull(string sipCallId);

    [LoggerMessage(
        EventId = 5521,
        EventName = "SipCallFaulted",
        Level = LogLevel.Error,
        Message = "SIP call {SipCallId} failed in the gateway")]
    private partial void LogCallFaulted(Exception exception, string sipCallId);

    [LoggerMessage(
        EventId = 5522,
        EventName = "SipCallMedia",
        Level = LogLevel.Debug,
        Message = "SIP call {SipCallId} media: {PacketsSent} sent, {PacketsReceived} received, max send gap {MaxSendGapMs} ms")]
    private partial void LogMedia(string sipCallId, long packetsSent, long packetsReceived, double maxSendGapMs);
}
