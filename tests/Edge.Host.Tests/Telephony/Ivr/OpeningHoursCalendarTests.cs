using Edge.Host.Telephony.Ivr;
using Edge.Host.Tests.Telephony.Fakes;
using Omni.Contracts.V1;

namespace Edge.Host.Tests.Telephony.Ivr;

public sealed class OpeningHoursCalendarTests
{
    private readonly LogSink _logs = new();

    private OpeningHoursCalendar Calendar => new(_logs.For<OpeningHoursCalendar>());

    [Theory]
    [InlineData("2026-12-02T07:29:59Z", false)] // Wednesday 08:29:59 in Amsterdam (CET, UTC+1)
    [InlineData("2026-12-02T07:30:00Z", true)] // 08:30 opens
    [InlineData("2026-12-02T15:59:59Z", true)]
    [InlineData("2026-12-02T16:00:00Z", false)] // 17:00 closes
    [InlineData("2026-12-06T10:00:00Z", false)] // Sunday
    [InlineData("2026-07-01T06:45:00Z", true)] // Wednesday 08:45 in summer time (CEST, UTC+2)
    [InlineData("2026-07-01T15:15:00Z", false)] // 17:15 CEST, although still 15:15 UTC
    public void IsOpen_WeekdaySlotsInAmsterdam_FollowsLocalTime(string instant, bool expected)
    {
        var hours = IvrHarness.DefaultConfiguration().OpeningHours;
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Calendar.IsOpen(hours, at));
    }

    [Fact]
    public void IsOpen_SundayBeforeMidnightUtcButMondayLocally_UsesTheLocalDay()
    {
        var hours = new OpeningHours { TimeZone = "Europe/Amsterdam" };
        hours.Slots.Add(new OpeningSlot { IsoDayOfWeek = 1, Opens = "00:00", Closes = "24:00" });

        Assert.True(Calendar.IsOpen(hours, new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero)));
        Assert.False(Calendar.IsOpen(hours, new DateTimeOffset(2026, 12, 6, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void IsOpen_NoOpeningHoursKnown_IsOpen() =>
        Assert.True(Calendar.IsOpen(null, IvrHarness.ClosedInstant));

    [Fact]
    public void IsOpen_UnknownTimeZone_IsClosedAndWarns()
    {
        var hours = IvrHarness.DefaultConfiguration().OpeningHours;
        hours.TimeZone = "Europe/Atlantis";

        Assert.False(Calendar.IsOpen(hours, IvrHarness.OpenInstant));
        Assert.Contains(_logs.Lines, line => line.EventId.Id == 5110);
    }

    [Theory]
    [InlineData("8:30", "17:00")]
    [InlineData("08:30", "25:00")]
    [InlineData("17:00", "08:30")]
    [InlineData("", "")]
    public void IsOpen_InvalidSlot_IsIgnoredWithAWarning(string opens, string closes)
    {
        var hours = new OpeningHours { TimeZone = "Europe/Amsterdam" };
        hours.Slots.Add(new OpeningSlot { IsoDayOfWeek = 3, Opens = opens, Closes = closes });

        Assert.False(Calendar.IsOpen(hours, IvrHarness.OpenInstant));
        Assert.Contains(_logs.Lines, line => line.EventId.Id == 5111);
    }
}
