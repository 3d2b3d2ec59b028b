using System.Globalization;
using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Ivr;

/// <summary>Tells whether the gemeente is open at an instant, by the opening hours Central serves.</summary>
internal sealed partial class OpeningHoursCalendar
{
    private static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    private readonly ILogger<OpeningHoursCalendar> _logger;

    public OpeningHoursCalendar(ILogger<OpeningHoursCalendar> logger)
    {
        _logger = logger;
    }

    /// <summary>
    /// True when <paramref name="instant"/> falls in a slot on its local day. Unknown hours (null) count as open:
    /// the menu then decides. An unknown time zone counts as closed, which still offers the callback.
    /// </summary>
    public bool IsOpen(OpeningHours? hours, DateTimeOffset instant)
    {
        if (hours is null)
        {
            return true;
        }

        if (!TryFindZone(hours.TimeZone, out var zone))
        {
            LogUnknownTimeZone(hours.TimeZone);
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = (int)local.DayOfWeek == 0 ? 7 : (int)local.DayOfWeek;
        return hours.Slots.Any(slot => slot.IsoDayOfWeek == day && Contains(slot, local.TimeOfDay));
    }

    private bool Contains(OpeningSlot slot, TimeSpan timeOfDay)
    {
        if (!TryParseTime(slot.Opens, out var opens) || !TryParseTime(slot.Closes, out var closes) || closes <= opens)
        {
            LogInvalidSlot(slot.IsoDayOfWeek);
            return false;
        }

        return timeOfDay >= opens && timeOfDay < closes;
    }

    // "HH:mm" local time; "24:00" closes at midnight.
    private static bool TryParseTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = EndOfDay;
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
