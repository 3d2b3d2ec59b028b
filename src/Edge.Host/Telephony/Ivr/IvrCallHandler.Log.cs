using Edge.Host.Telephony.Callers;

namespace Edge.Host.Telephony.Ivr;

internal sealed partial class IvrCallHandler
{
    // The caller is logged as a keyed hash only (CallerHasher); the number itself never reaches a log.
    [LoggerMessage(
        EventId = 5000,
        EventName = "CallStarted",
        Level = LogLevel.Information,
        Message = "Call {CallId} started: caller {CallerHash} (number from {NumberSource}), open {Open}")]
    private partial void LogCallStarted(Guid callId, string callerHash, CallerNumberSource numberSource, bool open);

    [LoggerMessage(
        EventId = 5001,
        EventName = "CallEnded",
        Level = LogLevel.Information,
        Message = "Call {CallId} ended with outcome {Outcome} after {StepCount} steps in {Duration}")]
    private partial void LogCallEnded(Guid callId, CallOutcome outcome, int stepCount, TimeSpan duration);

    [LoggerMessage(
        EventId = 5002,
        EventName = "CallRefusedBusy",
        Level = LogLevel.Warning,
        Message = "Call {CallId} from caller {CallerHash} refused: every line is busy")]
    private partial void LogCallRefusedBusy(Guid callId, string callerHash);

    [LoggerMessage(
        EventId = 5003,
        EventName = "HangUpTimedOut",
        Level = LogLevel.Warning,
        Message = "Hanging up did not finish within {Timeout}")]
    private partial void LogHangUpTimedOut(TimeSpan timeout);
}
