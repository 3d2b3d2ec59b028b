using Edge.Host.Telephony.Ivr;
using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Recording;

internal sealed partial class CallRecorder
{
    [LoggerMessage(
        EventId = 5300,
        EventName = "CallRecorded",
        Level = LogLevel.Debug,
        Message = "Call {CallId} recorded with outcome {Outcome} and follow-up {FollowUp}")]
    private partial void LogRecorded(Guid callId, CallOutcome outcome, SoortTaak? followUp);

    [LoggerMessage(
        EventId = 5301,
        EventName = "OutboxFull",
        Level = LogLevel.Error,
        Message = "Call {CallId} could not be recorded: the outbox is full")]
    private partial void LogOutboxFull(Guid callId);

    [LoggerMessage(
        EventId = 5302,
        EventName = "RecordRejected",
        Level = LogLevel.Error,
        Message = "Call {CallId} could not be recorded: the record is invalid ({Reasons})")]
    private partial void LogRejected(Guid callId, string reasons);

    [LoggerMessage(
        EventId = 5303,
        EventName = "RecordTimedOut",
        Level = LogLevel.Error,
        Message = "Call {CallId} could not be recorded within {Timeout}")]
    private partial void LogTimedOut(Guid callId, TimeSpan timeout);

    [LoggerMessage(
        EventId = 5304,
        EventName = "RecordConflict",
        Level = LogLevel.Error,
        Message = "Call {CallId} could not be recorded: its uuid is already in the outbox with other content")]
    private partial void LogConflict(Guid callId);
}
