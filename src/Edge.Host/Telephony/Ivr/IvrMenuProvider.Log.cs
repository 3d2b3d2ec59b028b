namespace Edge.Host.Telephony.Ivr;

internal sealed partial class IvrMenuProvider
{
    [LoggerMessage(
        EventId = 5100,
        EventName = "FallbackMenu",
        Level = LogLevel.Warning,
        Message = "No IVR menu was ever received from Central; offering only the callback")]
    private partial void LogFallbackMenu();

    [LoggerMessage(
        EventId = 5101,
        EventName = "OptionIgnored",
        Level = LogLevel.Warning,
        Message = "An IVR option was ignored: its digit (length {DigitLength}) is not one DTMF key or is taken")]
    private partial void LogOptionIgnored(int digitLength);
}
