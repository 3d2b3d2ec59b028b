using Edge.Sip;

namespace Edge.Host.Telephony.Sip;

internal sealed partial class SipCallSession
{
    [LoggerMessage(
        EventId = 5510,
        EventName = "SipCallAnswered",
        Level = LogLevel.Debug,
        Message = "SIP call {SipCallId} answered with {Codec}, telephone-event {TelephoneEvents}")]
    private partial void LogAnswered(string sipCallId, CallAudioCodec codec, bool telephoneEvents);

    [LoggerMessage(
        EventId = 5511,
        EventName = "SipCallMediaChanged",
        Level = LogLevel.Debug,
        Message = "SIP call {SipCallId} media changed: {Codec}, our direction {Direction}")]
    private partial void LogMediaChanged(string sipCallId, CallAudioCodec codec, CallMediaDirection direction);

    [LoggerMessage(
        EventId = 5512,
        EventName = "SipInfoDigitIgnored",
        Level = LogLevel.Debug,
        Message = "SIP call {SipCallId}: an INFO digit was ignored because telephone-event carries the digits")]
    private partial void LogInfoDigitIgnored(string sipCallId);

    [LoggerMessage(
        EventId = 5513,
        EventName = "SipCallBargeIn",
        Level = LogLevel.Debug,
        Message = "SIP call {SipCallId}: a digit stopped the prompt")]
    private partial void LogBargeIn(string sipCallId);

    [LoggerMessage(
        EventId = 5514,
        EventName = "SipCallTransfer",
        Level = LogLevel.Information,
        Message = "SIP call {SipCallId} transfer ended {Outcome} (status {StatusCode})")]
    private partial void LogTransfer(string sipCallId, TransferOutcome outcome, int statusCode);

    [LoggerMessage(
        EventId = 5515,
        EventName = "SipCallEventsFaulted",
        Level = LogLevel.Error,
        Message = "SIP call {SipCallId}: following the call's events failed; the call flow ends")]
    private partial void LogEventsFaulted(Exception exception, string sipCallId);
}
