namespace Edge.Host.Telephony.Ivr;

internal sealed partial class OpeningHoursCalendar
{
    [LoggerMessage(
        EventId = 5110,
        EventName = "UnknownTimeZone",
        Level = LogLevel.Warning,
        Message = "The opening hours name time zone {TimeZone}, which this system does not know; treating as closed")]
    private partial void LogUnknownTimeZone(string timeZone);

    [LoggerMessage(
        EventId = 5111,
        EventName = "InvalidOpeningSlot",
        Level = LogLevel.Warning,
        Message = "An opening slot for ISO day {IsoDayOfWeek} has no valid HH:mm range; it is ignored")]
    private partial void LogInvalidSlot(int isoDayOfWeek);
}
